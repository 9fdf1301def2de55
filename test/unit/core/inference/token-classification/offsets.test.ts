import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import { encodeDocument, type DocumentEncoding } from '../../../../../src-main/core/inference/token-classification/encode.ts';
import { wordBoundaries } from '../../../../../src-main/core/inference/token-classification/index.ts';
import { byteFallbackBpeTokenizer, byteLevelBpeTokenizer, unigramTokenizer, wordPieceTokenizer } from './fixture-tokenizers.ts';

const families: Array<[string, PreTrainedTokenizer]> = [
  ['wordpiece-uncased', wordPieceTokenizer(true)],
  ['wordpiece-cased', wordPieceTokenizer(false)],
  ['byte-level-bpe', byteLevelBpeTokenizer()],
  ['unigram-metaspace', unigramTokenizer()],
  ['bpe-byte-fallback', byteFallbackBpeTokenizer()],
];

const HARD = 'Hello  Ana María García (José) visited Paris, café 東京 😀x e\u0301 naïve, 𝔘nicode 👨‍👩‍👧 end€.';

function spans(text: string, enc: DocumentEncoding): string[] {
  const out: string[] = [];
  for (let i = 0; i < enc.length; i++) out.push(text.slice(enc.starts[i], enc.ends[i]));
  return out;
}

/** Words as [start, end) from the encoding: union of each word's non-empty token spans. */
function words(text: string, enc: DocumentEncoding): string[] {
  const byWord = new Map<number, [number, number]>();
  for (let i = 0; i < enc.length; i++) {
    if (enc.ends[i]! <= enc.starts[i]!) continue;
    const w = byWord.get(enc.wordIds[i]!);
    byWord.set(enc.wordIds[i]!, w ? [Math.min(w[0], enc.starts[i]!), Math.max(w[1], enc.ends[i]!)] : [enc.starts[i]!, enc.ends[i]!]);
  }
  return [...byWord.values()].map(([s, e]) => text.slice(s, e));
}

function checkInvariants(text: string, tokenizer: PreTrainedTokenizer, enc: DocumentEncoding): void {
  const reference = tokenizer.encode(text, { add_special_tokens: false });
  expect(Array.from(enc.ids)).toEqual(reference); // one tokenization, identical to the library's
  expect(enc.misses).toBe(0);
  let prevStart = 0;
  for (let i = 0; i < enc.length; i++) {
    const s = enc.starts[i]!;
    const e = enc.ends[i]!;
    expect(s).toBeGreaterThanOrEqual(prevStart);
    expect(e).toBeGreaterThanOrEqual(s);
    expect(e).toBeLessThanOrEqual(text.length);
    prevStart = s;
    if (e > s) {
      expect(/^\s/u.test(text.slice(s, e))).toBe(false); // never a leading space (Ġ, ▁)
      expect(/\s$/u.test(text.slice(s, e))).toBe(false);
      // never splits a surrogate pair
      expect(/^[\uDC00-\uDFFF]/.test(text.slice(s, e))).toBe(false);
      expect(/[\uD800-\uDBFF]$/.test(text.slice(s, e))).toBe(false);
    }
    if (i > 0) expect(enc.wordIds[i]! - enc.wordIds[i - 1]!).toBeGreaterThanOrEqual(0);
  }
}

describe('character offsets per tokenizer family', () => {
  for (const [name, tokenizer] of families) {
    it(`${name}: same ids as the library, exact non-overlapping spans on hard text`, () => {
      const enc = encodeDocument(tokenizer, HARD);
      checkInvariants(HARD, tokenizer, enc);
      // Every non-space character is covered by some token (nothing silently skipped).
      const covered = new Uint8Array(HARD.length);
      for (let i = 0; i < enc.length; i++) for (let k = enc.starts[i]!; k < enc.ends[i]!; k++) covered[k] = 1;
      let uncovered = '';
      for (let k = 0; k < HARD.length; k++) if (!covered[k] && !/\s/u.test(HARD[k]!)) uncovered += HARD[k];
      expect(uncovered.replace(/\u200D/g, '')).toBe(''); // ZWJ may be dropped by BERT's cleanup but then sits inside the emoji span
    });
  }

  it('WordPiece uncased maps accent-stripped tokens back to the accented original', () => {
    const text = 'Ana MARÍA García, José e\u0301 café';
    const enc = encodeDocument(wordPieceTokenizer(true), text);
    expect(words(text, enc)).toEqual(['Ana', 'MARÍA', 'García', ',', 'José', 'e\u0301', 'café']);
  });

  it('WordPiece: [UNK] covers its whole word, including non-BMP and ZWJ emoji sequences', () => {
    const text = 'x 𝔘nicode 👨‍👩‍👧 end€.';
    const enc = encodeDocument(wordPieceTokenizer(true), text);
    expect(spans(text, enc)).toEqual(['x', '𝔘nicode', '👨‍👩‍👧', 'end€', '.']);
  });

  it('byte-level BPE: tokens splitting a multi-byte character both span the whole character; Ġ excluded', () => {
    const text = 'José 東京 😀';
    const tk = byteLevelBpeTokenizer();
    const enc = encodeDocument(tk, text);
    checkInvariants(text, tk, enc);
    expect(words(text, enc)).toEqual(['José', '東京', '😀']);
    const tokens = tk.tokenize(text);
    const eAcute = tokens.indexOf('Ã'); // first byte of 'é'
    expect(eAcute).toBeGreaterThan(0);
    expect(spans(text, enc)[eAcute]).toBe('é');
    expect(spans(text, enc)[eAcute + 1]).toBe('é');
  });

  it('Metaspace: a lone ▁ token joins the word that follows it; spans exclude the space', () => {
    const text = 'visit 東京 today';
    const enc = encodeDocument(unigramTokenizer(), text);
    expect(words(text, enc)).toEqual(['visit', '東京', 'today']);
  });

  it('byte fallback tokens (<0xF0>…) map to the emoji they encode', () => {
    const text = 'hello 😀 world';
    const tk = byteFallbackBpeTokenizer();
    const enc = encodeDocument(tk, text);
    checkInvariants(text, tk, enc);
    const tokens = tk.tokenize(text);
    expect(tokens.filter((t) => t.startsWith('<0x'))).toHaveLength(4);
    expect(words(text, enc)).toEqual(['hello', '😀', 'world']);
  });

  it('reports where word boundaries come from', () => {
    expect(wordBoundaries(wordPieceTokenizer(true))).toBe('pre-tokenizer');
    expect(wordBoundaries(byteLevelBpeTokenizer())).toBe('pre-tokenizer');
    expect(wordBoundaries(unigramTokenizer())).toBe('whitespace');
    expect(wordBoundaries(byteFallbackBpeTokenizer())).toBe('whitespace');
  });

  it('empty documents have no tokens; whitespace-only ones only zero-width tokens', () => {
    for (const [, tk] of families) {
      expect(encodeDocument(tk, '').length).toBe(0);
      const blank = encodeDocument(tk, ' \n\t ');
      for (let i = 0; i < blank.length; i++) expect(blank.ends[i]).toBe(blank.starts[i]); // whitespace tokens are zero-width
    }
  });
});

const PIECES = [
  'Paris',
  'Berlin',
  'New York',
  'Ana María García',
  'José',
  'café',
  'e\u0301te\u0301',
  'naïve',
  '東京',
  '大阪',
  '😀',
  '👍🏽',
  '𝔘nicode',
  '𠜎',
  'hello',
  'world',
  'ACME',
  'Ltd',
  '42',
  '€100',
];
const SEPARATORS = [' ', '  ', ', ', '. ', ' (', ') ', '\n', ' - ', '\t', ' "'];

describe('property: piece boundaries are token boundaries', () => {
  const doc = fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 40 });
  for (const [name, tokenizer] of families) {
    it(name, () => {
      fc.assert(
        fc.property(doc, (parts) => {
          let text = '';
          const placed: Array<[number, number]> = [];
          for (const [piece, sep] of parts) {
            placed.push([text.length, text.length + piece.length]);
            text += piece + sep;
          }
          const enc = encodeDocument(tokenizer, text);
          checkInvariants(text, tokenizer, enc);
          for (const [a, b] of placed) {
            let startsAt = false;
            let endsAt = false;
            for (let i = 0; i < enc.length; i++) {
              const s = enc.starts[i]!;
              const e = enc.ends[i]!;
              if (e <= s) continue;
              if (s === a) startsAt = true;
              if (e === b) endsAt = true;
              expect(s < a && e > a, `token straddles start of ${text.slice(a, b)}`).toBe(false);
              expect(s < b && e > b, `token straddles end of ${text.slice(a, b)}`).toBe(false);
            }
            expect(startsAt && endsAt, `${JSON.stringify(text.slice(a, b))} in ${JSON.stringify(text)}`).toBe(true);
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
