import type { Span } from '../../model/span.ts';
import { DocketError } from '../../errors.ts';
import { writeTransaction, type Db } from '../database.ts';
import { HUMAN } from './history.ts';
import * as labels from './labels.ts';
import * as spans from './spans.ts';

// "Apply to all occurrences": a decision on one span applied to every occurrence of the same
// text in its document or across the batch. Occurrences are exact (case-sensitive) and whole-word
// where the text starts or ends with a letter or digit, so accepting the name "May" does not
// touch the verb "may" or "Mayor".

export type OccurrenceScope = 'document' | 'batch';
export type OccurrenceAction = 'accept' | 'reject' | 'add';

export interface Occurrence {
  documentId: number;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}_]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

/** Every whole-word occurrence of `needle` in `text`. */
export function findInText(text: string, needle: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const checkStart = isWordChar(needle[0]);
  const checkEnd = isWordChar(needle[needle.length - 1]);
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (checkStart && isWordChar(text[at - 1])) continue;
    if (checkEnd && isWordChar(text[end])) continue;
    out.push([at, end]);
  }
  return out;
}

function* candidateDocuments(db: Db, needle: string, scope: OccurrenceScope, documentId: number): Generator<{ id: number; text: string }> {
  const own = db.prepare('SELECT id, text FROM documents WHERE id = ?').get(documentId) as { id: number; text: string } | undefined;
  if (!own) throw new DocketError('not_found', `Document ${documentId} does not exist (deleted?); reload the document list.`);
  if (scope === 'document') {
    yield own;
    return;
  }
  // instr() filters in SQLite, so only documents that contain the text reach JavaScript.
  yield* db.prepare('SELECT id, text FROM documents WHERE instr(text, ?) > 0 ORDER BY id').iterate(needle) as Iterable<{ id: number; text: string }>;
}

export function find(db: Db, needle: string, scope: OccurrenceScope, documentId: number): Occurrence[] {
  const out: Occurrence[] = [];
  for (const doc of candidateDocuments(db, needle, scope, documentId)) {
    for (const [start, end] of findInText(doc.text, needle)) out.push({ documentId: doc.id, start, end });
  }
  return out;
}

export function count(db: Db, needle: string, scope: OccurrenceScope, documentId: number): { occurrences: number; documents: number } {
  const found = find(db, needle, scope, documentId);
  return { occurrences: found.length, documents: new Set(found.map((o) => o.documentId)).size };
}

export interface ApplyRequest {
  text: string;
  scope: OccurrenceScope;
  documentId: number;
  action: OccurrenceAction;
  label: string;
}

export interface ApplyResult {
  changed: number;
  documentIds: number[];
}

interface Plan {
  updates: Array<{ id: number; change: spans.SpanChange }>;
  creates: spans.NewSpan[];
}

/** What one occurrence needs for the decision, added to the plan; false when it already has it. */
function plan(at: Occurrence, here: Span[], request: ApplyRequest, out: Plan): boolean {
  const same = here.filter((s) => s.label === request.label);
  if (request.action === 'reject' || request.action === 'accept') {
    const status = request.action === 'accept' ? 'accepted' : 'rejected';
    const pending = same.filter((s) => s.status !== status);
    for (const s of pending) out.updates.push({ id: s.id, change: { status } });
    return pending.length > 0;
  }
  // add: this label, accepted, at this occurrence.
  if (same.some((s) => s.status === 'accepted')) return false;
  const mine = same[0] ?? here.find((s) => s.status === 'proposed');
  if (mine) out.updates.push({ id: mine.id, change: { label: request.label, status: 'accepted' } });
  else out.creates.push({ ...at, label: request.label, score: null, source: 'human', sourceName: HUMAN, status: 'accepted', runId: null });
  return true;
}

/** Applies the decision to every occurrence, skipping those that have it: one transaction, one undo group. */
export function apply(db: Db, request: ApplyRequest, groupId: string): ApplyResult {
  return writeTransaction(db, (): ApplyResult => {
    if (request.action === 'add') labels.ensure(db, request.label);
    const byDocument = new Map<number, Occurrence[]>();
    for (const o of find(db, request.text, request.scope, request.documentId)) {
      const list = byDocument.get(o.documentId) ?? [];
      list.push(o);
      byDocument.set(o.documentId, list);
    }
    let changed = 0;
    const documentIds: number[] = [];
    const todo: Plan = { updates: [], creates: [] };
    for (const [documentId, occurrences] of byDocument) {
      const atRange = new Map<string, Span[]>();
      for (const s of spans.forDocument(db, documentId)) {
        const key = `${s.start}:${s.end}`;
        atRange.set(key, [...(atRange.get(key) ?? []), s]);
      }
      let touched = false;
      for (const o of occurrences) {
        if (plan(o, atRange.get(`${o.start}:${o.end}`) ?? [], request, todo)) {
          changed++;
          touched = true;
        }
      }
      if (touched) documentIds.push(documentId);
    }
    spans.updateMany(db, todo.updates, HUMAN, groupId);
    spans.createMany(db, todo.creates, HUMAN, groupId);
    return { changed, documentIds };
  });
}
