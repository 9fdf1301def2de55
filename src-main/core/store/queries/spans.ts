import type { Span } from '../../model/span.ts';
import type { Db } from '../database.ts';
import { now } from '../clock.ts';
import * as audit from './audit.ts';
import { annotationEditor, decisionOf, type AnnotationTable } from './annotation-table.ts';
import { prepared } from '../statements.ts';

export interface NewSpan {
  documentId: number;
  start: number;
  end: number;
  label: string;
  score: number | null;
  source: Span['source'];
  sourceName: string;
  status?: Span['status'];
  runId: number | null;
}

interface SpanRow {
  id: number;
  document_id: number;
  start: number;
  end: number;
  label: string;
  score: number | null;
  source: Span['source'];
  source_name: string;
  status: Span['status'];
  run_id: number | null;
}

export function toSpan(row: SpanRow): Span {
  return {
    id: row.id,
    documentId: row.document_id,
    start: row.start,
    end: row.end,
    label: row.label,
    ...decisionOf(row),
  };
}

/** How spans are edited, deleted and put back: as document labels are (annotation-table.ts). */
const table: AnnotationTable<Span, SpanRow> = {
  table: 'spans',
  entity: 'span',
  action: 'span',
  noun: 'Span',
  fromRow: toSpan,
  editable: ['start', 'end', 'label', 'status'],
  columns: {
    document_id: 'documentId',
    start: 'start',
    end: 'end',
    label: 'label',
    score: 'score',
    source: 'source',
    source_name: 'sourceName',
    status: 'status',
  },
};

export const { get, update, updateMany, remove, restore } = annotationEditor<Span, SpanRow, SpanChange>(table);

export function forDocument(db: Db, documentId: number): Span[] {
  return (prepared(db, 'SELECT * FROM spans WHERE document_id = ? ORDER BY start, end, id').all(documentId) as SpanRow[]).map(toSpan);
}

/** Inserts without an audit entry: for bulk machine proposals, which their run already records. */
export function insertMany(db: Db, spans: readonly NewSpan[]): void {
  if (spans.length === 0) return;
  // Cached: a run calls this once per document, and preparing it each time cost more than the
  // inserts of a short document.
  const statement = prepared(
    db,
    `INSERT INTO spans (document_id, start, end, label, score, source, source_name, status, run_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = now();
  for (const s of spans) {
    statement.run(s.documentId, s.start, s.end, s.label, s.score, s.source, s.sourceName, s.status ?? 'proposed', s.runId, at, at);
  }
}

/**
 * A re-run of a model (or of the pattern detectors) replaces that source's own *proposals* in
 * these documents; accepted or rejected spans are human decisions and are never touched, nor
 * proposed again (see `withoutDecided`) unless the analyst asks for exactly that
 * (`proposeDecided`). Returns how many found spans were left out as already decided.
 */
export function replaceProposals(db: Db, documentId: number, sourceName: string, spans: readonly NewSpan[], proposeDecided = false): number {
  prepared(db, "DELETE FROM spans WHERE document_id = ? AND source_name = ? AND status = 'proposed'").run(documentId, sourceName);
  const fresh = proposeDecided ? [...spans] : withoutDecided(db, documentId, spans);
  insertMany(db, fresh);
  return spans.length - fresh.length;
}

/** A re-run of the pattern detectors replaces every pattern proposal of the document (any detector). */
export function replacePatternProposals(db: Db, documentId: number, spans: readonly NewSpan[], proposeDecided = false): number {
  prepared(db, "DELETE FROM spans WHERE document_id = ? AND source = 'pattern' AND status = 'proposed'").run(documentId);
  const fresh = proposeDecided ? [...spans] : withoutDecided(db, documentId, spans);
  insertMany(db, fresh);
  return spans.length - fresh.length;
}

/**
 * An analyst's decision is final: a found span is dropped when the analyst already accepted or
 * rejected that very span (same place, same label), or accepted a span of the same label that
 * overlaps it (the analyst may have widened or trimmed what the detector found).
 */
export function withoutDecided<T extends Pick<NewSpan, 'start' | 'end' | 'label'>>(db: Db, documentId: number, found: readonly T[]): T[] {
  if (found.length === 0) return [];
  const decided = prepared(db, "SELECT start, end, label, status FROM spans WHERE document_id = ? AND status IN ('accepted', 'rejected')").all(
    documentId,
  ) as Array<{ start: number; end: number; label: string; status: string }>;
  if (decided.length === 0) return [...found];
  const exact = new Set(decided.map((d) => `${d.start}:${d.end}:${d.label}`));
  // Accepted spans per label, sorted by start, with the running maximum of their ends: whether
  // one overlaps [start, end) is a binary search, not a scan (documents can hold thousands).
  const accepted = new Map<string, { starts: number[]; maxEnds: number[] }>();
  for (const a of decided.filter((d) => d.status === 'accepted').sort((x, y) => x.start - y.start)) {
    const list = accepted.get(a.label) ?? accepted.set(a.label, { starts: [], maxEnds: [] }).get(a.label)!;
    list.starts.push(a.start);
    list.maxEnds.push(Math.max(a.end, list.maxEnds.at(-1) ?? -Infinity));
  }
  const overlapsAccepted = (s: Pick<NewSpan, 'start' | 'end' | 'label'>) => {
    const list = accepted.get(s.label);
    if (!list) return false;
    // The last accepted span starting before s ends; any overlap shows in the running max end.
    let lo = 0;
    let hi = list.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list.starts[mid]! < s.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && list.maxEnds[lo - 1]! > s.start;
  };
  return found.filter((s) => !exact.has(`${s.start}:${s.end}:${s.label}`) && !overlapsAccepted(s));
}

/** Creates a span by hand (or by an analyst's decision), recorded in the audit log. */
export function create(db: Db, span: NewSpan, actor: string, groupId: string | null): Span {
  const at = now();
  const info = db
    .prepare(
      `INSERT INTO spans (document_id, start, end, label, score, source, source_name, status, run_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(span.documentId, span.start, span.end, span.label, span.score, span.source, span.sourceName, span.status ?? 'accepted', span.runId, at, at);
  const created = get(db, Number(info.lastInsertRowid))!;
  audit.append(db, { actor, action: 'span.create', entity: 'span', entityId: created.id, before: null, after: created, groupId });
  return created;
}

export type SpanChange = Partial<Pick<Span, 'start' | 'end' | 'label' | 'status'>>;

/** create() for many spans at once (apply to all occurrences): same rows and audit entries. */
export function createMany(db: Db, spans: readonly NewSpan[], actor: string, groupId: string | null): Span[] {
  const insert = prepared(
    db,
    `INSERT INTO spans (document_id, start, end, label, score, source, source_name, status, run_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
  );
  const at = now();
  const out = spans.map((s) =>
    toSpan(insert.get(s.documentId, s.start, s.end, s.label, s.score, s.source, s.sourceName, s.status ?? 'accepted', s.runId, at, at) as SpanRow),
  );
  audit.appendMany(
    db,
    out.map((created) => ({ actor, action: 'span.create', entity: 'span', entityId: created.id, before: null, after: created, groupId })),
  );
  return out;
}

/** remove() for many spans at once; ids that no longer exist are skipped. */
export function removeMany(db: Db, ids: readonly number[], actor: string, groupId: string | null): void {
  const remove = prepared(db, 'DELETE FROM spans WHERE id = ? RETURNING *');
  const entries: audit.AuditEntry[] = [];
  for (const id of ids) {
    const row = remove.get(id) as SpanRow | undefined;
    if (row) entries.push({ actor, action: 'span.delete', entity: 'span', entityId: id, before: toSpan(row), after: null, groupId });
  }
  audit.appendMany(db, entries);
}
