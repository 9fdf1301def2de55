// Spans and document labels are edited, deleted and put back the same way, each change with
// its audit entry that undo replays. One implementation serves both tables, so the two cannot
// drift apart in what they record (history.ts reads the entries of both the same way).
import type { Db } from '../database.ts';
import { now } from '../clock.ts';
import * as audit from './audit.ts';
import { prepared } from '../statements.ts';

/** The columns spans and document labels share: who proposed the row, how sure, and the decision. */
export interface DecisionColumns {
  score: number | null;
  source: 'model' | 'pattern' | 'human';
  source_name: string;
  status: 'proposed' | 'accepted' | 'rejected';
  run_id: number | null;
}

/** What every span and document label has: its id, its document and the run that made it. */
type Annotation = { id: number; documentId: number; runId: number | null };

export function decisionOf(row: DecisionColumns) {
  return { score: row.score, source: row.source, sourceName: row.source_name, status: row.status, runId: row.run_id };
}

export interface AnnotationTable<T extends Annotation, Row> {
  table: 'spans' | 'doc_labels';
  /** The audit log's entity and action prefix: span/span.update, doc_label/label.update. */
  entity: string;
  action: string;
  /** How an error names one row: "Span 7", "Document label 7". */
  noun: string;
  fromRow(row: Row): T;
  /** The fields an edit may change, each stored in the column of the same name. */
  editable: ReadonlyArray<keyof T & string>;
  /** Column → field of everything a restore writes besides id, run_id and the timestamps. */
  columns: Readonly<Record<string, keyof T>>;
}

/** The edit functions of one annotation table, as its query module exports them. */
export function annotationEditor<T extends Annotation, Row, Change extends Partial<T>>(t: AnnotationTable<T, Row>) {
  return {
    get: (db: Db, id: number): T | undefined => get(db, t, id),
    /** Changes one row, recorded in the audit log; throws when it does not exist. */
    update: (db: Db, id: number, change: Change, actor: string, groupId: string | null): T => updateMany(db, t, [{ id, change }], actor, groupId)[0]!,
    /** update() for many rows at once (bulk decisions, undo of them): same rows and audit entries. */
    updateMany: (db: Db, changes: ReadonlyArray<{ id: number; change: Change }>, actor: string, groupId: string | null): T[] =>
      updateMany(db, t, changes, actor, groupId),
    /** Deletes one row, recorded in the audit log; a row already gone is no error. */
    remove: (db: Db, id: number, actor: string, groupId: string | null): void => remove(db, t, id, actor, groupId),
    /** Puts a deleted row back under its old id when free (see restore below). */
    restore: (db: Db, item: T, actor: string, groupId: string | null): T => restore(db, t, item, actor, groupId),
  };
}

function get<T extends Annotation, Row>(db: Db, t: AnnotationTable<T, Row>, id: number): T | undefined {
  const row = prepared(db, `SELECT * FROM ${t.table} WHERE id = ?`).get(id) as Row | undefined;
  return row && t.fromRow(row);
}

/** update() for many rows at once (bulk decisions, undo of them): one audit entry each. */
function updateMany<T extends Annotation, Row>(
  db: Db,
  t: AnnotationTable<T, Row>,
  changes: ReadonlyArray<{ id: number; change: NoInfer<Partial<T>> }>,
  actor: string,
  groupId: string | null,
): T[] {
  const write = prepared(db, `UPDATE ${t.table} SET ${t.editable.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`);
  const at = now();
  const out: T[] = [];
  const entries: audit.AuditEntry[] = [];
  for (const { id, change } of changes) {
    const before = get(db, t, id);
    if (!before) throw new Error(`${t.noun} ${id} does not exist.`);
    const after = { ...before, ...change };
    write.run(...t.editable.map((c) => after[c]), at, id);
    // What an edit can change, as it was and as it is now, with the document: all that undo
    // needs. The rest (score, source, run) no edit changes: it stays on the row, and a delete's
    // entry keeps the whole row. Each whole row twice made a bulk accept of 250,000 spans a fifth
    // of a project's bytes.
    const was = Object.fromEntries([['documentId', before.documentId], ...t.editable.map((c) => [c, before[c]])]);
    const changed = Object.fromEntries(t.editable.filter((c) => after[c] !== before[c]).map((c) => [c, after[c]]));
    entries.push({ actor, action: `${t.action}.update`, entity: t.entity, entityId: id, before: was, after: changed, groupId });
    out.push(after);
  }
  audit.appendMany(db, entries);
  return out;
}

function remove<T extends Annotation, Row>(db: Db, t: AnnotationTable<T, Row>, id: number, actor: string, groupId: string | null): void {
  const before = get(db, t, id);
  if (!before) return;
  prepared(db, `DELETE FROM ${t.table} WHERE id = ?`).run(id);
  audit.append(db, { actor, action: `${t.action}.delete`, entity: t.entity, entityId: id, before, after: null, groupId });
}

/**
 * Puts a deleted row back (undo of a delete, redo of a create) under its old id, so older audit
 * entries that name it still apply; if that id was taken meanwhile, under a new one. Its run
 * may be gone since: then it keeps no run.
 */
function restore<T extends Annotation, Row>(db: Db, t: AnnotationTable<T, Row>, item: T, actor: string, groupId: string | null): T {
  const at = now();
  const taken = get(db, t, item.id) !== undefined;
  const columns = Object.keys(t.columns);
  const info = prepared(
    db,
    `INSERT INTO ${t.table} (id, ${columns.join(', ')}, run_id, created_at, updated_at)
     VALUES (?, ${columns.map(() => '?').join(', ')}, (SELECT id FROM runs WHERE id = ?), ?, ?)`,
  ).run(taken ? null : item.id, ...Object.values(t.columns).map((field) => item[field]), item.runId, at, at);
  const restored = get(db, t, Number(info.lastInsertRowid))!;
  audit.append(db, { actor, action: `${t.action}.create`, entity: t.entity, entityId: restored.id, before: null, after: restored, groupId });
  return restored;
}
