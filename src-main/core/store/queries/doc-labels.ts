import type { DocLabel } from '../../model/doc-label.ts';
import type { Db } from '../database.ts';
import { prepared } from '../statements.ts';
import { now } from '../clock.ts';
import * as audit from './audit.ts';
import { annotationEditor, decisionOf, type AnnotationTable } from './annotation-table.ts';

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
    ...decisionOf(row),
  };
}

/** How document labels are edited, deleted and put back: as spans are (annotation-table.ts). */
const table: AnnotationTable<DocLabel, DocLabelRow> = {
  table: 'doc_labels',
  entity: 'doc_label',
  action: 'label',
  noun: 'Document label',
  fromRow: toDocLabel,
  editable: ['label', 'status'],
  columns: { document_id: 'documentId', task: 'task', label: 'label', score: 'score', source: 'source', source_name: 'sourceName', status: 'status' },
};

export const { get, update, updateMany, remove, restore } = annotationEditor<DocLabel, DocLabelRow, DocLabelChange>(table);

export function forDocument(db: Db, documentId: number): DocLabel[] {
  return (prepared(db, 'SELECT * FROM doc_labels WHERE document_id = ? ORDER BY task, score DESC, id').all(documentId) as DocLabelRow[]).map(toDocLabel);
}

export function insertMany(db: Db, labels: readonly NewDocLabel[]): void {
  const statement = prepared(
    db,
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
  prepared(db, "DELETE FROM doc_labels WHERE document_id = ? AND task = ? AND source_name = ? AND status = 'proposed'").run(documentId, task, sourceName);
  const decided = new Set(
    (
      prepared(db, "SELECT label FROM doc_labels WHERE document_id = ? AND task = ? AND status IN ('accepted', 'rejected')").all(documentId, task) as Array<{
        label: string;
      }>
    ).map((r) => r.label),
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
