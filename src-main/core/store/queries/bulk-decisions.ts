import { writeTransaction, type Db } from '../database.ts';
import { HUMAN } from './history.ts';
import * as docLabels from './doc-labels.ts';
import * as spans from './spans.ts';

// Bulk decisions on proposals (spans and document labels): accept everything above a threshold,
// reject everything below one, or accept all; optionally for one label or one source. The count
// comes first (the UI shows it before asking), and the change is one undo group.

export interface BulkFilter {
  /** score >= minScore */
  minScore?: number;
  /** score < belowScore */
  belowScore?: number;
  label?: string;
  /** 'patterns' / 'pattern', 'model' or 'human' (the kind), or a model id / source name. */
  source?: string;
}

interface Where {
  sql: string;
  params: unknown[];
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&');
}

function where(filter: BulkFilter): Where {
  const parts = ["status = 'proposed'"];
  const params: unknown[] = [];
  if (filter.minScore !== undefined) {
    parts.push('score >= ?');
    params.push(filter.minScore);
  }
  if (filter.belowScore !== undefined) {
    parts.push('score < ?');
    params.push(filter.belowScore);
  }
  if (filter.label !== undefined) {
    parts.push('label = ?');
    params.push(filter.label);
  }
  if (filter.source !== undefined) {
    const kind = filter.source === 'patterns' ? 'pattern' : filter.source;
    if (kind === 'pattern' || kind === 'model' || kind === 'human') {
      parts.push('source = ?');
      params.push(kind);
    } else {
      // A model id matches its source name exactly or after a "kind:" prefix ("model:ner-bpe").
      parts.push("(source_name = ? OR source_name LIKE ? ESCAPE '\\')");
      params.push(filter.source, `%:${escapeLike(filter.source)}`);
    }
  }
  return { sql: parts.join(' AND '), params };
}

export interface BulkCount {
  spans: number;
  labels: number;
  total: number;
}

export function count(db: Db, filter: BulkFilter): BulkCount {
  const w = where(filter);
  const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
  const spanCount = n('spans');
  const labelCount = n('doc_labels');
  return { spans: spanCount, labels: labelCount, total: spanCount + labelCount };
}

export interface BulkResult {
  changed: number;
  documentIds: number[];
}

export function decide(db: Db, filter: BulkFilter, status: 'accepted' | 'rejected', groupId: string): BulkResult {
  return writeTransaction(db, (): BulkResult => {
    const w = where(filter);
    const rows = (table: string) =>
      db.prepare(`SELECT id, document_id FROM ${table} WHERE ${w.sql} ORDER BY id`).all(...w.params) as Array<{ id: number; document_id: number }>;
    const spanRows = rows('spans');
    const labelRows = rows('doc_labels');
    spans.updateMany(
      db,
      spanRows.map((r) => ({ id: r.id, change: { status } })),
      HUMAN,
      groupId,
    );
    docLabels.updateMany(
      db,
      labelRows.map((r) => ({ id: r.id, change: { status } })),
      HUMAN,
      groupId,
    );
    const documentIds = [...new Set([...spanRows, ...labelRows].map((r) => r.document_id))];
    return { changed: spanRows.length + labelRows.length, documentIds };
  });
}
