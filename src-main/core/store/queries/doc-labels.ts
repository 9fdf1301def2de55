import type { DocLabel } from '../../api/contract.ts';
import type { Db } from '../database.ts';
import { now } from '../clock.ts';
import * as audit from './audit.ts';
import { prepared } from '../statements.ts';

export interface NewDocLabel {
  documentId: number;
  task: string;
  label: string;
  score: number | null;
  source: DocLabel['source'];
  sourceName: string;
  status?: DocLabel['status'];
  runId: number | null;
}

interface DocLabelRow {
  id: number;
  document_id: number;
  task: string;
  label: string;
  score: number | null;
  source: DocLabel['source'];
  source_name: string;
  status: DocLabel['status'];
  run_id: number | null;
}

export function toDocLabel(row: DocLabelRow): DocLabel {
  return {
    id: row.id,
    documentId: row.document_id,
    task: row.task,
    label: row.label,
    score: row.score,
    source: row.source,
    sourceName: row.source_name,
    status: row.status,
    runId: row.run_id,
  };
}

export function get(db: Db, id: number): DocLabel | undefined {
  const row = db.prepare('SELECT * FROM doc_labels WHERE id = ?').get(id) as DocLabelRow | undefined;
  return row && toDocLabel(row);
}

export function forDocument(db: Db, documentId: number): DocLabel[] {
  return (db.prepare('SELECT * FROM doc_labels WHERE document_id = ? ORDER BY task, score DESC, id').all(documentId) as DocLabelRow[]).map(
    toDocLabel,
  );
}

export function insertMany(db: Db, labels: readonly NewDocLabel[]): void {
  const statement = db.prepare(
    `INSERT INTO doc_labels (document_id, task, label, score, source, source_name, status, run_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = now();
  for (const l of labels) {
    statement.run(l.documentId, l.task, l.label, l.score, l.source, l.sourceName, l.status ?? 'proposed', l.runId, at, at);
  }
}

/**
 * Replaces this model's proposals for one task on one document; human decisions stay, and a
 * label the analyst already accepted or rejected for that task is not proposed again.
 * Returns how many found labels were already decided.
 */
export function replaceProposals(db: Db, documentId: number, task: string, sourceName: string, labels: readonly NewDocLabel[]): number {
  db.prepare("DELETE FROM doc_labels WHERE document_id = ? AND task = ? AND source_name = ? AND status = 'proposed'").run(
    documentId,
    task,
    sourceName,
  );
  const decided = new Set(
    (db.prepare("SELECT label FROM doc_labels WHERE document_id = ? AND task = ? AND status IN ('accepted', 'rejected')").all(documentId, task) as Array<{ label: string }>).map((r) => r.label),
  );
  const fresh = labels.filter((l) => !decided.has(l.label));
  insertMany(db, fresh);
  return labels.length - fresh.length;
}

export function create(db: Db, label: NewDocLabel, actor: string, groupId: string | null): DocLabel {
  const at = now();
  const info = db
    .prepare(
      `INSERT INTO doc_labels (document_id, task, label, score, source, source_name, status, run_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(label.documentId, label.task, label.label, label.score, label.source, label.sourceName, label.status ?? 'accepted', label.runId, at, at);
  const created = get(db, Number(info.lastInsertRowid))!;
  audit.append(db, { actor, action: 'label.create', entity: 'doc_label', entityId: created.id, before: null, after: created, groupId });
  return created;
}

export type DocLabelChange = Partial<Pick<DocLabel, 'label' | 'status'>>;

export function update(db: Db, id: number, change: DocLabelChange, actor: string, groupId: string | null): DocLabel {
  const before = get(db, id);
  if (!before) throw new Error(`Document label ${id} does not exist.`);
  const after = { ...before, ...change };
  db.prepare('UPDATE doc_labels SET label = ?, status = ?, updated_at = ? WHERE id = ?').run(after.label, after.status, now(), id);
  audit.append(db, { actor, action: 'label.update', entity: 'doc_label', entityId: id, before, after, groupId });
  return after;
}

export function remove(db: Db, id: number, actor: string, groupId: string | null): void {
  const before = get(db, id);
  if (!before) return;
  db.prepare('DELETE FROM doc_labels WHERE id = ?').run(id);
  audit.append(db, { actor, action: 'label.delete', entity: 'doc_label', entityId: id, before, after: null, groupId });
}

/** Puts a deleted document label back under its old id when free (see spans.restore). */
export function restore(db: Db, label: DocLabel, actor: string, groupId: string | null): DocLabel {
  const at = now();
  const taken = db.prepare('SELECT 1 FROM doc_labels WHERE id = ?').get(label.id) !== undefined;
  const info = db
    .prepare(
      `INSERT INTO doc_labels (id, document_id, task, label, score, source, source_name, status, run_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT id FROM runs WHERE id = ?), ?, ?)`,
    )
    .run(taken ? null : label.id, label.documentId, label.task, label.label, label.score, label.source, label.sourceName, label.status, label.runId, at, at);
  const restored = get(db, Number(info.lastInsertRowid))!;
  audit.append(db, { actor, action: 'label.create', entity: 'doc_label', entityId: restored.id, before: null, after: restored, groupId });
  return restored;
}

/** update() for many labels at once (bulk decisions, undo of them): same rows and audit entries. */
export function updateMany(db: Db, changes: ReadonlyArray<{ id: number; change: DocLabelChange }>, actor: string, groupId: string | null): DocLabel[] {
  const select = prepared(db, 'SELECT * FROM doc_labels WHERE id = ?');
  const write = prepared(db, 'UPDATE doc_labels SET label = ?, status = ?, updated_at = ? WHERE id = ?');
  const at = now();
  const out: DocLabel[] = [];
  const entries: audit.AuditEntry[] = [];
  for (const { id, change } of changes) {
    const row = select.get(id) as DocLabelRow | undefined;
    if (!row) throw new Error(`Document label ${id} does not exist.`);
    const before = toDocLabel(row);
    const after = { ...before, ...change };
    write.run(after.label, after.status, at, id);
    entries.push({ actor, action: 'label.update', entity: 'doc_label', entityId: id, before, after, groupId });
    out.push(after);
  }
  audit.appendMany(db, entries);
  return out;
}
