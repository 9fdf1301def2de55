// The text view's pure logic: highlight segments, lazy-render chunks, word snapping and edges.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chunkBounds, segments } from '../../../src-renderer/lib/spans/segments.ts';
import { clampToCodePoint, moveEdge, snapToWords, splitPoint } from '../../../src-renderer/lib/spans/snap.ts';

describe('segments', () => {
  it('cuts at every span edge and lists the spans covering each piece, overlaps included', () => {
    const spans = [
      { id: 1, start: 2, end: 8 },
      { id: 2, start: 5, end: 10 },
    ];
    const out = segments(12, spans);
    expect(out.map((s) => [s.start, s.end, s.spans.map((x) => x.id)])).toEqual([
      [0, 2, []],
      [2, 5, [1]],
      [5, 8, [1, 2]],
      [8, 10, [2]],
      [10, 12, []],
    ]);
  });

  it('tiles any window exactly, whatever the spans', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(100), fc.integer({ min: 1, max: 30 })), { maxLength: 30 }), fc.nat(50), fc.nat(60), (raw, from, width) => {
        const spans = raw.map(([s, w], i) => ({ id: i + 1, start: s, end: Math.min(130, s + w) }));
        const to = Math.min(130, from + width + 1);
        const out = segments(130, spans, from, to);
        expect(out[0]!.start).toBe(from);
        expect(out.at(-1)!.end).toBe(to);
        for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBe(out[i - 1]!.end);
        for (const piece of out)
          for (const s of spans) {
            const covers = s.start <= piece.start && s.end >= piece.end;
            expect(piece.spans.includes(s)).toBe(covers);
          }
      }),
    );
  });
});

describe('chunkBounds', () => {
  it('cuts after newlines near the size and never inside a span or a surrogate pair', () => {
    const line = 'x'.repeat(90) + '\n';
    const text = line.repeat(100) + '😀'.repeat(300);
    const spans = [{ id: 1, start: 395, end: 620 }];
    const bounds = chunkBounds(text, spans, 400);
    expect(bounds[0]).toBe(0);
    expect(bounds.at(-1)).toBe(text.length);
    for (const b of bounds.slice(1, -1)) {
      expect(b > 395 && b < 620).toBe(false);
      expect(/[\uDC00-\uDFFF]/.test(text[b]!)).toBe(false);
    }
    expect(bounds.includes(620)).toBe(true);
    expect(bounds.filter((b) => b < 9100 && b > 0).every((b) => b === 620 || text[b - 1] === '\n')).toBe(true);
  });
});

describe('snap', () => {
  const text = 'Call Anna-Marie O’Neil at 10:30, please. 😀x';
  it('grows a partial selection to whole words and trims dragged-in spaces', () => {
    const s = text.indexOf('na-M');
    expect(text.slice(...snapToWords(text, s, s + 4))).toBe('Anna-Marie');
    const o = text.indexOf('O’N');
    expect(text.slice(...snapToWords(text, o - 1, o + 3))).toBe('O’Neil');
  });
  it('never leaves half a surrogate pair', () => {
    const i = text.indexOf('😀');
    expect(clampToCodePoint(text, i + 1, -1)).toBe(i);
    expect(clampToCodePoint(text, i + 1, 1)).toBe(i + 2);
    expect(moveEdge(text, { start: i, end: i + 2 }, 'end', 1)).toEqual({ start: i, end: i + 3 });
    expect(moveEdge(text, { start: i + 2, end: i + 3 }, 'start', -1)).toEqual({ start: i, end: i + 3 });
  });
  it('keeps a span non-empty when shrinking', () => {
    expect(moveEdge(text, { start: 0, end: 1 }, 'end', -1)).toEqual({ start: 0, end: 1 });
    expect(moveEdge(text, { start: 0, end: 1 }, 'start', 1)).toEqual({ start: 0, end: 1 });
  });
  it('splits at the word boundary nearest the middle', () => {
    const t = 'New York City Hall';
    expect(splitPoint(t, { start: 0, end: t.length })).toBe(t.indexOf('City'));
    expect(splitPoint('word', { start: 0, end: 4 })).toBeNull();
  });
});
