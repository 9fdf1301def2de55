import { randomUUID } from 'node:crypto';
import type { DocLabel } from '../../model/doc-label.ts';
import type { Span } from '../../model/span.ts';
import { writeTransaction, type Db } from '../database.ts';
import { prepared } from '../statements.ts';
import * as audit from './audit.ts';
import type { AuditRow } from './audit.ts';
import * as docLabels from './doc-labels.ts';
import * as spans from './spans.ts';

// Undo/redo lives in the audit log, not in memory, so it survives a restart or a crash. Every
// user action writes its changes under one group id (actor 'human'). Undo applies the inverse of
// a group as a new group carrying a marker {undo: <group>}; redo inverts that undo group again,
// marked {redo: <undo group>}. Replaying the groups in order rebuilds both stacks:
//   action → push on undo, clear redo;  undo → pop undo, push on redo;  redo → pop redo, push on undo.

export const HUMAN = 'human';

/** One group id per user action: every change it makes is one undo step. */
export function newGroupId(): string {
  return randomUUID();
}

interface GroupRow {
  group_id: string;
  marker: string | null;
  target: string | null;
}

export interface HistoryStacks {
  undo: string[];
  redo: string[];
}

export function stacks(db: Db): HistoryStacks {
  // One row per action group, kept as the audit log grows (migration 007).
  const rows = db.prepare('SELECT group_id, marker, target FROM history_groups ORDER BY first_id').all() as GroupRow[];
  const undo: string[] = [];
  const redo: string[] = [];
  for (const row of rows) {
    if (row.marker === 'history.undo') {
      if (undo[undo.length - 1] === row.target) {
        undo.pop();
        redo.push(row.group_id);
      }
    } else if (row.marker === 'history.redo') {
      if (redo[redo.length - 1] === row.target) {
        redo.pop();
        undo.push(row.group_id);
      }
    } else {
      undo.push(row.group_id);
      redo.length = 0;
    }
  }
  return { undo, redo };
}

type Inverse =
  | { kind: 'span.update'; id: number; change: spans.SpanChange }
  | { kind: 'span.remove'; id: number }
  | { kind: 'span.restore'; span: Span }
  | { kind: 'label.update'; id: number; change: docLabels.DocLabelChange }
  | { kind: 'label.remove'; id: number }
  | { kind: 'label.restore'; label: DocLabel };

/** The inverse of one audit entry, or null when what it touched is gone (its document deleted). */
function inverseOf(db: Db, entry: AuditRow): Inverse | null {
  const before = entry.before as (Span & DocLabel) | null;
  const after = entry.after as (Span & DocLabel) | null;
  const documentId = (before ?? after)?.documentId;
  if (documentId === undefined || !prepared(db, 'SELECT 1 FROM documents WHERE id = ?').get(documentId)) return null;
  const id = entry.entityId!;
  if (entry.entity === 'span') {
    if (entry.action === 'span.create') return { kind: 'span.remove', id };
    if (entry.action === 'span.delete') return { kind: 'span.restore', span: before! };
    if (entry.action === 'span.update')
      return { kind: 'span.update', id, change: { start: before!.start, end: before!.end, label: before!.label, status: before!.status } };
  } else if (entry.entity === 'doc_label') {
    if (entry.action === 'label.create') return { kind: 'label.remove', id };
    if (entry.action === 'label.delete') return { kind: 'label.restore', label: before! };
    if (entry.action === 'label.update') return { kind: 'label.update', id, change: { label: before!.label, status: before!.status } };
  }
  return null;
}

/**
 * Applies inverses in order; runs of updates go through the bulk writers (an undo of a
 * 50,000-span bulk accept is one pass). What a re-run removed meanwhile is skipped.
 */
function applyInverses(db: Db, inverses: readonly Inverse[], groupId: string): void {
  const spanExists = (id: number) => prepared(db, 'SELECT 1 FROM spans WHERE id = ?').get(id) !== undefined;
  const labelExists = (id: number) => prepared(db, 'SELECT 1 FROM doc_labels WHERE id = ?').get(id) !== undefined;
  for (let i = 0; i < inverses.length;) {
    const first = inverses[i]!;
    let j = i;
    while (j < inverses.length && inverses[j]!.kind === first.kind) j++;
    const run = inverses.slice(i, j);
    i = j;
    switch (first.kind) {
      case 'span.update': {
        const changes = (run as Array<Extract<Inverse, { kind: 'span.update' }>>).filter((x) => spanExists(x.id));
        spans.updateMany(db, changes, HUMAN, groupId);
        break;
      }
      case 'span.remove':
        spans.removeMany(
          db,
          (run as Array<Extract<Inverse, { kind: 'span.remove' }>>).map((x) => x.id),
          HUMAN,
          groupId,
        );
        break;
      case 'label.update': {
        const changes = (run as Array<Extract<Inverse, { kind: 'label.update' }>>).filter((x) => labelExists(x.id));
        docLabels.updateMany(db, changes, HUMAN, groupId);
        break;
      }
      default:
        for (const x of run) {
          if (x.kind === 'span.restore') spans.restore(db, x.span, HUMAN, groupId);
          else if (x.kind === 'label.restore') docLabels.restore(db, x.label, HUMAN, groupId);
          else if (x.kind === 'label.remove') docLabels.remove(db, x.id, HUMAN, groupId);
        }
    }
  }
}

export interface HistoryStep {
  changed: boolean;
  /** The document the step touched first (the one to show), or null. */
  documentId: number | null;
  /** All documents the step touched. */
  documentIds: number[];
}

/** Audit entries undone or redone per pass. */
const CHUNK = 5_000;

function step(db: Db, kind: 'undo' | 'redo'): HistoryStep {
  // IMMEDIATE: the CLI and the app may share the file; the stacks must not change under us.
  return writeTransaction(db, (): HistoryStep => {
    const { undo, redo } = stacks(db);
    const target = kind === 'undo' ? undo[undo.length - 1] : redo[redo.length - 1];
    if (target === undefined) return { changed: false, documentId: null, documentIds: [] };
    const groupId = newGroupId();
    audit.append(db, { actor: HUMAN, action: `history.${kind}`, entity: 'history', entityId: null, before: null, after: { target }, groupId });
    // Inverse order, so a merge (delete parts, create whole) is undone as delete whole, restore
    // parts; a chunk at a time, so a step of any size holds one chunk of entries in memory.
    const touched = new Set<number>();
    let first: number | null = null;
    for (const chunk of audit.byGroupNewestFirst(db, target, CHUNK)) {
      const entries = chunk.filter((e) => e.entity !== 'history');
      applyInverses(
        db,
        entries.map((e) => inverseOf(db, e)).filter((x): x is Inverse => x !== null),
        groupId,
      );
      for (const e of entries) touched.add((first = ((e.before ?? e.after) as { documentId: number }).documentId));
    }
    // The document of the step's first change, the one to show.
    return { changed: true, documentId: first, documentIds: [...touched] };
  });
}

export function undo(db: Db): HistoryStep {
  return step(db, 'undo');
}

export function redo(db: Db): HistoryStep {
  return step(db, 'redo');
}
