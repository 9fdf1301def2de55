// builtin/pos: universal PoS tags from compromise, one span per word, on hand-tagged sentences
// (test/fixtures/builtin/pos-gold.ts). Measured: 98.9% of 264 words (the sentences are short and
// plain; on harder text compromise's tagger is less accurate, so the bound is 90%).
import { describe, expect, it } from 'vitest';
import { BUILTIN_DETECTORS, type BuiltinSpan } from '../../../../../src-main/core/inference/builtin/index.ts';
import { POS_GOLD, goldWords, posAccuracy } from '../../../../fixtures/builtin/pos-gold.ts';

const pos = BUILTIN_DETECTORS['builtin/pos'];
const spansOf = (text: string): BuiltinSpan[] => [...pos.detect(text)].flatMap((c) => c.spans);
const UNIVERSAL = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'SCONJ', 'SYM', 'VERB', 'X'];

describe('builtin/pos', () => {
  it('is registered as a PoS detector with the universal tags', () => {
    expect(pos.task).toBe('pos');
    expect([...pos.labels].sort()).toEqual([...UNIVERSAL].sort());
  });

  it('tags the hand-tagged sentences at ≥ 90% accuracy, every gold word with a span of its own', () => {
    const result = posAccuracy(pos);
    expect(result.tokens).toBeGreaterThanOrEqual(250);
    expect(result.unaligned).toBe(0);
    expect(result.accuracy, JSON.stringify(result.confusions)).toBeGreaterThanOrEqual(0.9);
  });

  it('gives one word per span, offsets exact with accents, emoji, CRLF and tabs', () => {
    for (const [text, tagged] of POS_GOLD) {
      const spans = spansOf(text);
      const gold = new Set(goldWords(text, tagged).map((g) => `${g.start}:${g.end}`));
      for (const s of spans) {
        expect(UNIVERSAL).toContain(s.label);
        expect(s.score).toBeGreaterThan(0);
        expect(s.score).toBeLessThanOrEqual(1);
        const word = text.slice(s.start, s.end);
        // No surrounding spaces or punctuation; clitics ("n't", "'s") and signs are words of their own.
        expect(word).toMatch(
          /^(?:[\p{L}\p{N}][\p{L}\p{N}\p{M}'’,.-]*[\p{L}\p{N}\p{M}]|[\p{L}\p{N}]|n['’]t|['’](?:s|ll|d|re|m|ve)|[$€£¥%#]|\p{Extended_Pictographic})$/u,
        );
        // Every span the detector gives for these sentences is one of the gold words.
        expect(gold.has(`${s.start}:${s.end}`), `${JSON.stringify(word)} in ${JSON.stringify(text)}`).toBe(true);
      }
      for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    }
  });

  it('reads a long document slice by slice, ends increasing to its length', () => {
    const unit = "The committee approved the budget.\r\nWe paid $250 for the café's machine 🙂 yesterday. ";
    const text = unit.repeat(Math.ceil(300_000 / unit.length));
    const chunks = [...pos.detect(text)];
    expect(chunks.length).toBeGreaterThan(1);
    let previous = 0;
    for (const c of chunks) {
      expect(c.end).toBeGreaterThan(previous);
      for (const s of c.spans) expect(s.start).toBeGreaterThanOrEqual(previous);
      previous = c.end;
    }
    expect(previous).toBe(text.length);
    const words = chunks.flatMap((c) => c.spans).map((s) => text.slice(s.start, s.end));
    expect(words.filter((w) => w === 'committee').length).toBe(Math.ceil(300_000 / unit.length));
  });

  it('gives nothing for empty text or text with no letters or digits', () => {
    expect(spansOf('')).toEqual([]);
    expect(spansOf(' \r\n\t -- ?!')).toEqual([]);
  });
});
