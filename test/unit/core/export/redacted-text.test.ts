import { describe, expect, it } from 'vitest';
import { PseudonymBook, redactText } from '../../../../src-main/core/export/redacted-text.ts';
import { mergeRanges, selectSpans } from '../../../../src-main/core/export/selection.ts';
import type { Span } from '../../../../src-main/core/api/contract.ts';

const span = (id: number, start: number, end: number, label: string, over: Partial<Span> = {}): Span => ({
  id,
  documentId: 1,
  start,
  end,
  label,
  score: 0.9,
  source: 'model',
  sourceName: 'm',
  status: 'accepted',
  runId: null,
  ...over,
});

describe('redacted text', () => {
  const text = 'Jane Doe met John Roe.\nJane Doe left.';
  const spans = [span(1, 0, 8, 'PER'), span(2, 13, 21, 'PER'), span(3, 23, 31, 'PER')];

  it('replaces with blocks of the same length, keeping line breaks', () => {
    const out = redactText('Ann\nLee is here', mergeRanges([span(1, 0, 7, 'PER')]), {}, new PseudonymBook());
    expect(out).toBe('███\n███ is here');
    expect(out.length).toBe('Ann\nLee is here'.length);
  });

  it('replaces with [LABEL] or consistent pseudonyms, chosen per label', () => {
    const book = new PseudonymBook();
    expect(redactText(text, mergeRanges(spans), { PER: 'pseudonym' }, book)).toBe('PER_1 met PER_2.\nPER_1 left.');
    // Same book across documents of the batch: the same person keeps the same name, case aside.
    expect(redactText('JANE  DOE called.', mergeRanges([span(9, 0, 9, 'PER')]), { PER: 'pseudonym' }, book)).toBe('PER_1 called.');
    expect(redactText(text, mergeRanges(spans), { PER: 'label' }, book)).toBe('[PER] met [PER].\n[PER] left.');
  });

  it('merges overlapping spans and uses the longest label', () => {
    const ranges = mergeRanges([span(1, 0, 4, 'FIRST'), span(2, 0, 8, 'PER'), span(3, 5, 8, 'LAST')]);
    expect(ranges).toEqual([{ start: 0, end: 8, label: 'PER', spanIds: [2, 1, 3], labels: ['PER', 'FIRST', 'LAST'] }]);
  });

  it('selects by status and score; rejected spans never redact', () => {
    const all = [
      span(1, 0, 1, 'A'),
      span(2, 0, 1, 'A', { status: 'proposed', score: 0.4 }),
      span(3, 0, 1, 'A', { status: 'rejected' }),
      span(4, 0, 1, 'A', { status: 'proposed', score: null }),
    ];
    expect(selectSpans(all, { status: 'accepted' }).map((s) => s.id)).toEqual([1]);
    expect(selectSpans(all, { status: 'all' }).map((s) => s.id)).toEqual([1, 2, 4]);
    expect(selectSpans(all, { status: 'all', minScore: 0.5 }).map((s) => s.id)).toEqual([1, 4]);
  });
});
