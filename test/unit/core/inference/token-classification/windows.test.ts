import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocketError } from '../../../../../src-main/core/errors.ts';
import { encodeDocument } from '../../../../../src-main/core/inference/token-classification/encode.ts';
import { planWindows } from '../../../../../src-main/core/inference/token-classification/windows.ts';
import type { TokenWindow } from '../../../../../src-main/core/inference/token-classification/types.ts';
import { byteFallbackBpeTokenizer, byteLevelBpeTokenizer, unigramTokenizer, wordPieceTokenizer } from './fixture-tokenizers.ts';

const tokenizers = [
  ['wordpiece', wordPieceTokenizer(false)],
  ['byte-level-bpe', byteLevelBpeTokenizer()],
  ['unigram', unigramTokenizer()],
  ['llama-bpe', byteFallbackBpeTokenizer()],
] as const;

const sentence = 'Ana María García visited Paris and Berlin with José, café 東京 😀 at ACME Ltd. ';

/** Content positions of a window: document token index of each non-special token, recovered by offsets. */
function checkPartition(windows: TokenWindow[], docTokens: number, maxLength: number, stride: number): void {
  let covered = 0;
  windows.forEach((w, k) => {
    expect(w.inputIds.length).toBeLessThanOrEqual(maxLength);
    expect(w.attentionMask.every((m) => m === 1)).toBe(true);
    expect(w.offsets.length).toBe(w.inputIds.length);
    expect(w.wordIds.length).toBe(w.inputIds.length);
    expect(w.coreStart).toBeLessThanOrEqual(w.coreEnd);
    for (let t = w.coreStart; t < w.coreEnd; t++) expect(w.offsets[t]).not.toBeNull();
    covered += w.coreEnd - w.coreStart;
    if (k > 0) {
      // Consecutive windows share at least `stride` tokens: the last content tokens of k-1 reappear at the start of k.
      const prev = windows[k - 1]!;
      const prevContent = prev.offsets.filter((o) => o !== null);
      const content = w.offsets.filter((o) => o !== null);
      const firstOffset = JSON.stringify(content[0]);
      const at = prevContent.findIndex((o) => JSON.stringify(o) === firstOffset);
      if (stride > 0) {
        expect(at).toBeGreaterThanOrEqual(0);
        expect(prevContent.length - at).toBeGreaterThanOrEqual(stride);
      }
      // Cores are contiguous in document order: k's core starts where k-1's ended.
      const prevCoreLast = prev.offsets[prev.coreEnd - 1]!;
      const coreFirst = w.offsets[w.coreStart]!;
      expect(coreFirst[0]).toBeGreaterThanOrEqual(prevCoreLast[0]);
    }
  });
  expect(covered).toBe(docTokens); // every token is in exactly one core
}

describe('planWindows', () => {
  for (const [name, tk] of tokenizers) {
    it(`${name}: a short text is one window identical to the tokenizer's own encoding`, () => {
      const [w, ...rest] = planWindows(tk, sentence, { maxLength: 512, stride: 128 });
      expect(rest).toHaveLength(0);
      expect(w!.inputIds).toEqual(tk.encode(sentence));
      expect(w!.coreStart).toBe(w!.offsets.findIndex((o) => o !== null));
      expect(w!.coreEnd).toBe(
        w!.offsets.length -
          w!.offsets
            .slice()
            .reverse()
            .findIndex((o) => o !== null),
      );
    });

    it(`${name}: long texts are covered by overlapping windows whose cores partition the tokens`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 12, max: 64 }), fc.integer({ min: 0, max: 100 }), (repeat, maxLength, strideSeed) => {
          const text = sentence.repeat(repeat);
          const budget = maxLength - 2;
          const stride = strideSeed % Math.max(1, Math.floor(budget / 2));
          const windows = planWindows(tk, text, { maxLength, stride });
          const doc = encodeDocument(tk, text);
          checkPartition(windows, doc.length, maxLength, stride);
        }),
        { numRuns: 40 },
      );
    });
  }

  it('BERT windows carry token_type_ids and [CLS]/[SEP] around every slice', () => {
    const tk = wordPieceTokenizer(false);
    const windows = planWindows(tk, sentence.repeat(10), { maxLength: 32, stride: 8 });
    const cls = tk.convert_tokens_to_ids('[CLS]');
    const sep = tk.convert_tokens_to_ids('[SEP]');
    for (const w of windows) {
      expect(w.inputIds[0]).toBe(cls);
      expect(w.inputIds.at(-1)).toBe(sep);
      expect(w.tokenTypeIds).toEqual(new Array(w.inputIds.length).fill(0));
      expect(w.offsets[0]).toBeNull();
      expect(w.offsets.at(-1)).toBeNull();
    }
  });

  it('seams move to word starts, so a word is read from one window', () => {
    const tk = wordPieceTokenizer(false);
    const text = 'visited '.repeat(60); // 'visited' = v ##i ##s ##i ##t ##ed: 6 tokens a word
    const windows = planWindows(tk, text, { maxLength: 40, stride: 12 });
    expect(windows.length).toBeGreaterThan(3);
    for (const w of windows.slice(1)) {
      const first = w.wordIds[w.coreStart]!;
      const before = w.wordIds[w.coreStart - 1];
      expect(before === null || before !== first).toBe(true);
    }
  });

  it('an empty document has no windows', () => {
    expect(planWindows(wordPieceTokenizer(true), '', { maxLength: 512, stride: 128 })).toEqual([]);
  });

  it('rejects impossible window settings with a DocketError', () => {
    const tk = wordPieceTokenizer(true);
    expect(() => planWindows(tk, sentence, { maxLength: 2, stride: 0 })).toThrow(DocketError);
    expect(() => planWindows(tk, sentence, { maxLength: 16, stride: 14 })).toThrow(/Stride 14/);
    expect(() => planWindows(tk, sentence, { maxLength: 16, stride: -1 })).toThrow(DocketError);
  });
});
