import type { DocLabel } from '../../model/doc-label.ts';
import { DocketError } from '../../errors.ts';
import { writeTransaction, type Db } from '../database.ts';
import * as docLabels from './doc-labels.ts';
import { HUMAN } from './history.ts';

// The analyst's document-label edits; each is one transaction and one undo group.

export function create(db: Db, input: { documentId: number; task: string; label: string }, groupId: string): DocLabel {
  return writeTransaction(db, () => {
    if (!db.prepare('SELECT 1 FROM documents WHERE id = ?').get(input.documentId)) {
      throw new DocketError('not_found', `Document ${input.documentId} does not exist (deleted?); reload the document list.`);
    }
    return docLabels.create(
      db,
      {
        documentId: input.documentId,
        task: input.task.trim(),
        label: input.label.trim(),
        score: null,
        source: 'human',
        sourceName: HUMAN,
        status: 'accepted',
        runId: null,
      },
      HUMAN,
      groupId,
    );
  });
}

export function update(db: Db, id: number, change: docLabels.DocLabelChange, groupId: string): DocLabel {
  return writeTransaction(db, () => {
    const before = docLabels.get(db, id);
    if (!before) throw new DocketError('not_found', `Document label ${id} does not exist (deleted or undone elsewhere?); reload the document.`);
    const label = change.label?.trim() ?? before.label;
    const status = change.status ?? before.status;
    if (label === before.label && status === before.status) return before;
    return docLabels.update(db, id, { label, status }, HUMAN, groupId);
  });
}
