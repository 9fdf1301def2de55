import type { Span } from '../../model/span.ts';
import { DocketError } from '../../errors.ts';
import { writeTransaction, type Db } from '../database.ts';
import { HUMAN } from './history.ts';
import * as labels from './labels.ts';
import * as spans from './spans.ts';

// The analyst's span edits, checked against the document before anything is written: offsets
// inside the text, end after start, never between the two halves of a surrogate pair, a label
// that exists (created in the default set if new). Each edit is one transaction and one undo group.

function documentText(db: Db, documentId: number): string {
  const row = db.prepare('SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string } | undefined;
  if (!row) throw new DocketError('not_found', `Document ${documentId} does not exist (deleted?); reload the document list.`);
  return row.text;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function checkRange(text: string, documentId: number, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
    throw new DocketError('invalid_span', `A span needs 0 <= start < end; got ${start}-${end}.`);
  }
  if (end > text.length) {
    throw new DocketError('invalid_span', `Span ${start}-${end} runs past the end of document ${documentId} (${text.length} characters).`);
  }
  for (const at of [start, end]) {
    if (at > 0 && at < text.length && isLowSurrogate(text.charCodeAt(at))) {
      throw new DocketError('invalid_span', `Offset ${at} falls inside a character (between the halves of a surrogate pair); move it by one.`);
    }
  }
}

function existing(db: Db, id: number): Span {
  const span = spans.get(db, id);
  if (!span) throw new DocketError('not_found', `Span ${id} does not exist (deleted or undone elsewhere?); reload the document.`);
  return span;
}

export interface NewHumanSpan {
  documentId: number;
  start: number;
  end: number;
  label: string;
}

export function create(db: Db, input: NewHumanSpan, groupId: string): Span {
  return writeTransaction(db, () => {
    checkRange(documentText(db, input.documentId), input.documentId, input.start, input.end);
    const label = labels.ensure(db, input.label.trim()).name;
    return spans.create(db, { ...input, label, score: null, source: 'human', sourceName: HUMAN, status: 'accepted', runId: null }, HUMAN, groupId);
  });
}

export function update(db: Db, id: number, change: spans.SpanChange, groupId: string): Span {
  return writeTransaction(db, () => {
    const before = existing(db, id);
    const start = change.start ?? before.start;
    const end = change.end ?? before.end;
    if (start !== before.start || end !== before.end) checkRange(documentText(db, before.documentId), before.documentId, start, end);
    const label = change.label === undefined ? before.label : labels.ensure(db, change.label.trim()).name;
    const status = change.status ?? before.status;
    if (start === before.start && end === before.end && label === before.label && status === before.status) return before;
    return spans.update(db, id, { start, end, label, status }, HUMAN, groupId);
  });
}

export function remove(db: Db, id: number, groupId: string): number {
  return writeTransaction(db, () => {
    const span = existing(db, id);
    spans.remove(db, id, HUMAN, groupId);
    return span.documentId;
  });
}

/** One span from the first start to the last end, with the first span's label. */
export function merge(db: Db, ids: readonly number[], groupId: string): Span {
  return writeTransaction(db, () => {
    if (new Set(ids).size !== ids.length) throw new DocketError('invalid_span', 'Merge needs different spans; the same span was given twice.');
    const parts = ids.map((id) => existing(db, id));
    const documentId = parts[0]!.documentId;
    if (parts.some((p) => p.documentId !== documentId)) throw new DocketError('invalid_span', 'Only spans of the same document can be merged.');
    const start = Math.min(...parts.map((p) => p.start));
    const end = Math.max(...parts.map((p) => p.end));
    for (const p of parts) spans.remove(db, p.id, HUMAN, groupId);
    return spans.create(
      db,
      { documentId, start, end, label: parts[0]!.label, score: null, source: 'human', sourceName: HUMAN, status: 'accepted', runId: null },
      HUMAN,
      groupId,
    );
  });
}

/** Two spans, cut at `at` (whitespace at the cut trimmed off both sides), same label. */
export function split(db: Db, id: number, at: number, groupId: string): [Span, Span] {
  return writeTransaction(db, (): [Span, Span] => {
    const span = existing(db, id);
    if (at <= span.start || at >= span.end) {
      throw new DocketError('invalid_span', `Split point ${at} must fall inside span ${id} (${span.start}-${span.end}).`);
    }
    const text = documentText(db, span.documentId);
    checkRange(text, span.documentId, span.start, at);
    let leftEnd = at;
    while (leftEnd > span.start && /\s/.test(text[leftEnd - 1]!)) leftEnd--;
    let rightStart = at;
    while (rightStart < span.end && /\s/.test(text[rightStart]!)) rightStart++;
    if (leftEnd === span.start || rightStart === span.end) {
      throw new DocketError('invalid_span', `Splitting span ${id} at ${at} would leave an empty part; split between two words.`);
    }
    spans.remove(db, id, HUMAN, groupId);
    const piece = (start: number, end: number) =>
      spans.create(
        db,
        { documentId: span.documentId, start, end, label: span.label, score: null, source: 'human', sourceName: HUMAN, status: 'accepted', runId: null },
        HUMAN,
        groupId,
      );
    return [piece(span.start, leftEnd), piece(rightStart, span.end)];
  });
}
