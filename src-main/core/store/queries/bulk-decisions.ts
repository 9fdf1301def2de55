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

/** Rows decided per pass: a bulk decision of any size holds this many in memory, not all. */
const CHUNK = 5_000;

export function decide(db: Db, filter: BulkFilter, status: 'accepted' | 'rejected', groupId: string): BulkResult {
  return writeTransaction(db, (): BulkResult => {
    const w = where(filter);
    const documentIds = new Set<number>();
    let changed = 0;
    for (const [table, editor] of [
      ['spans', spans],
      ['doc_labels', docLabels],
    ] as const) {
      // Decided rows leave the filter (they are no longer proposed), so each pass takes the next
      // ones from the filter's index, in no sort order of its own (sorting every match on each
      // pass made a bulk decision quadratic). Bounded by the count, should a row ever stay.
      const next = db.prepare(`SELECT id, document_id FROM ${table} WHERE ${w.sql} LIMIT ${CHUNK}`);
      const total = (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
      let done = 0;
      while (done < total) {
        const rows = next.all(...w.params) as Array<{ id: number; document_id: number }>;
        if (rows.length === 0) break;
        editor.updateMany(
          db,
          rows.map((r) => ({ id: r.id, change: { status } })),
          HUMAN,
          groupId,
        );
        for (const r of rows) documentIds.add(r.document_id);
        done += rows.length;
      }
      changed += done;
    }
    return { changed, documentIds: [...documentIds] };
  });
}
