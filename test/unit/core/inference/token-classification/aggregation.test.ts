import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocketError } from '../../../../../src-main/core/errors.ts';
import {
  AGGREGATION_STRATEGIES,
  decodeEntities,
  type EntitySpan,
  type TokenWindow,
} from '../../../../../src-main/core/inference/token-classification/index.ts';
import { windowsFromEncoding } from '../../../../../src-main/core/inference/token-classification/windows.ts';
import { pythonPostprocess, softmax, type RefEntity, type RefToken } from './python-reference.ts';

const id2label: Record<number, string> = { 0: 'O', 1: 'B-PER', 2: 'I-PER', 3: 'B-LOC', 4: 'I-LOC', 5: 'MISC' };
const L = 6;

interface SyntheticDoc {
  starts: number[];
  ends: number[];
  wordIds: number[];
  logits: number[][];
}

/** Random documents: tokens of 1–4 characters, words of 1–3 tokens, single-space separated, random logits. */
const syntheticDoc = fc
  .array(
    fc.record({
      tokens: fc.integer({ min: 1, max: 3 }),
      logits: fc.array(
        fc.array(
          fc.integer({ min: -600, max: 600 }).map((x) => x / 100),
          { minLength: L, maxLength: L },
        ),
        { minLength: 3, maxLength: 3 },
      ),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((words): SyntheticDoc => {
    const doc: SyntheticDoc = { starts: [], ends: [], wordIds: [], logits: [] };
    let pos = 0;
    words.forEach((w, wi) => {
      for (let t = 0; t < w.tokens; t++) {
        doc.starts.push(pos);
        pos += 1 + ((wi + t) % 4);
        doc.ends.push(pos);
        doc.wordIds.push(wi);
        doc.logits.push(w.logits[t]!);
      }
      pos += 1;
    });
    return doc;
  });

/** True when an argmax or a max-token choice is a near-tie, which float32 vs float64 may break differently. */
function nearTie(doc: SyntheticDoc): boolean {
  const gap = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => b - a);
    return s[0]! - s[1]!;
  };
  const probs = doc.logits.map((l) => softmax(l));
  if (probs.some((p) => gap(p) < 1e-4)) return true;
  for (let i = 0; i < probs.length;) {
    let j = i + 1;
    while (j < probs.length && doc.wordIds[j] === doc.wordIds[i]) j++;
    const word = probs.slice(i, j);
    if (word.length > 1 && gap(word.map((p) => Math.max(...p))) < 1e-4) return true;
    if (gap(word[0]!.map((_, k) => word.reduce((sum, p) => sum + p[k]!, 0))) < 1e-4) return true;
    i = j;
  }
  return false;
}

function singleWindow(doc: SyntheticDoc): { windows: TokenWindow[]; logits: Float32Array[] } {
  const n = doc.starts.length;
  const window: TokenWindow = {
    inputIds: new Array(n + 2).fill(7),
    attentionMask: new Array(n + 2).fill(1),
    offsets: [null, ...doc.starts.map((s, i): [number, number] => [s, doc.ends[i]!]), null],
    wordIds: [null, ...doc.wordIds, null],
    coreStart: 1,
    coreEnd: n + 1,
  };
  const logits = new Float32Array((n + 2) * L);
  doc.logits.forEach((row, i) => logits.set(row, (i + 1) * L));
  logits.set([9, 0, 0, 0, 0, 0], 0); // specials would say 'O' loudly; they must be ignored
  logits.set([0, 9, 0, 0, 0, 0], (n + 1) * L);
  return { windows: [window], logits: [logits] };
}

function reference(doc: SyntheticDoc, strategy: (typeof AGGREGATION_STRATEGIES)[number], ignore?: string[]): RefEntity[] {
  const tokens: RefToken[] = doc.starts.map((s, i) => ({
    logits: Array.from(Float32Array.from(doc.logits[i]!)), // the model hands float32 logits to both
    start: s,
    end: doc.ends[i]!,
    isSubword: i > 0 && doc.wordIds[i] === doc.wordIds[i - 1],
  }));
  return pythonPostprocess(tokens, id2label, strategy, ignore);
}

function expectSame(actual: EntitySpan[], expected: RefEntity[]): void {
  expect(actual.map((e) => [e.start, e.end, e.label])).toEqual(expected.map((e) => [e.start, e.end, e.label]));
  actual.forEach((e, i) => expect(e.score).toBeCloseTo(expected[i]!.score, 5));
}

describe('aggregation matches the Python pipeline', () => {
  for (const strategy of AGGREGATION_STRATEGIES) {
    it(`${strategy}: same entities, spans and scores as Python's postprocess`, () => {
      fc.assert(
        fc.property(syntheticDoc, (doc) => {
          fc.pre(!nearTie(doc));
          const { windows, logits } = singleWindow(doc);
          const text = 'x'.repeat(doc.ends.at(-1)! + 1);
          expectSame(decodeEntities(text, windows, logits, id2label, { aggregation: strategy }), reference(doc, strategy));
          expectSame(
            decodeEntities(text, windows, logits, id2label, { aggregation: strategy, ignoreLabels: ['O', 'MISC'] }),
            reference(doc, strategy, ['O', 'MISC']),
          );
        }),
        { numRuns: 200 },
      );
    });
  }

  it('hand-checked example: micro|soft| com|pany with B-ORG I-PER I-ORG I-ORG', () => {
    const labels = { 0: 'O', 1: 'B-ORG', 2: 'I-ORG', 3: 'I-PER' };
    const text = 'microsoft company';
    const toks: Array<[number, number, number, number[]]> = [
      [0, 5, 0, [0, 5, 0, 1]], // micro: B-ORG p≈.97
      [5, 9, 0, [0, 0, 2, 4]], // soft: I-PER
      [10, 13, 1, [0, 0, 5, 0]], // com: I-ORG
      [13, 17, 1, [0, 0, 5, 0]], // pany: I-ORG
    ];
    const window: TokenWindow = {
      inputIds: [1, 1, 1, 1],
      attentionMask: [1, 1, 1, 1],
      offsets: toks.map(([s, e]) => [s, e]),
      wordIds: toks.map(([, , w]) => w),
      coreStart: 0,
      coreEnd: 4,
    };
    const logits = [Float32Array.from(toks.flatMap(([, , , l]) => l))];
    const decode = (aggregation: (typeof AGGREGATION_STRATEGIES)[number]) =>
      decodeEntities(text, [window], logits, labels, { aggregation }).map((e) => `${text.slice(e.start, e.end)}:${e.label}`);
    expect(decode('simple')).toEqual(['micro:ORG', 'soft:PER', 'company:ORG']);
    expect(decode('first')).toEqual(['microsoft company:ORG']);
    expect(decode('max')).toEqual(['microsoft company:ORG']);
    expect(decode('none')).toEqual(['micro:B-ORG', 'soft:I-PER', 'com:I-ORG', 'pany:I-ORG']);
  });
});

describe('filters', () => {
  const doc: SyntheticDoc = {
    starts: [0, 4, 8, 12],
    ends: [3, 7, 11, 15],
    wordIds: [0, 1, 2, 3],
    logits: [
      [0, 4, 0, 0, 0, 0],
      [0, 0, 0, 1.2, 0, 0],
      [3, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 2],
    ],
  };
  const { windows, logits } = singleWindow(doc);
  const text = 'Ana and Rio xyz';
  const run = (options: Partial<Parameters<typeof decodeEntities>[4]>) =>
    decodeEntities(text, windows, logits, id2label, { aggregation: 'simple', ...options }).map((e) => e.label);

  it('ignore_labels defaults to O and matches tags or full labels', () => {
    expect(run({})).toEqual(['PER', 'LOC', 'MISC']);
    expect(run({ ignoreLabels: [] })).toEqual(['PER', 'LOC', 'O', 'MISC']);
    expect(run({ ignoreLabels: ['O', 'LOC'] })).toEqual(['PER', 'MISC']);
    expect(decodeEntities(text, windows, logits, id2label, { aggregation: 'none', ignoreLabels: ['O', 'B-PER'] }).map((e) => e.label)).toEqual([
      'B-LOC',
      'MISC',
    ]);
  });

  it('a global threshold and per-label thresholds (which win) drop low-scoring entities', () => {
    const scores = decodeEntities(text, windows, logits, id2label, { aggregation: 'simple' }).map((e) => e.score);
    expect(scores[0]).toBeGreaterThan(0.9); // PER
    expect(scores[1]).toBeLessThan(0.4); // LOC, a weak guess
    expect(run({ threshold: 0.4 })).toEqual(['PER', 'MISC']);
    expect(run({ threshold: 0.4, thresholds: { LOC: 0.2 } })).toEqual(['PER', 'LOC', 'MISC']);
    expect(run({ thresholds: { PER: 0.99 } })).toEqual(['LOC', 'MISC']);
  });

  it('rejects an unknown strategy and mismatched logits with DocketErrors', () => {
    expect(() => decodeEntities(text, windows, logits, id2label, { aggregation: 'mean' as never })).toThrow(DocketError);
    expect(() => decodeEntities(text, windows, [new Float32Array(7)], id2label, { aggregation: 'simple' })).toThrow(DocketError);
    expect(() => decodeEntities(text, windows, [], id2label, { aggregation: 'simple' })).toThrow(DocketError);
  });
});

describe('seam merging', () => {
  it('each token is read once, from the window where it is most central', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 6, max: 40 }), fc.integer({ min: 0, max: 20 }), (n, maxLength, strideSeed) => {
        const budget = maxLength - 2;
        const stride = strideSeed % Math.max(1, Math.floor(budget / 2));
        const enc = {
          length: n,
          ids: new Int32Array(n).fill(5),
          starts: Int32Array.from({ length: n }, (_, i) => 2 * i),
          ends: Int32Array.from({ length: n }, (_, i) => 2 * i + 1),
          wordIds: Int32Array.from({ length: n }, (_, i) => i), // one token per word: cuts are exact midpoints
          misses: 0,
        };
        const windows = windowsFromEncoding(
          enc,
          { prefix: [1], suffix: [2], prefixTypes: [0], suffixTypes: [0], contentType: 0, hasTypes: true },
          { maxLength, stride },
        );
        // Window k predicts label 'W<k>', so each merged token says which window it was read from.
        const labels: Record<number, string> = Object.fromEntries(windows.map((_, k) => [k, `W${k}`]));
        const logits = windows.map((w, k) => {
          const out = new Float32Array(w.inputIds.length * windows.length);
          for (let t = 0; t < w.inputIds.length; t++) out[t * windows.length + k] = 5;
          return out;
        });
        const spans = decodeEntities('x'.repeat(2 * n), windows, logits, labels, { aggregation: 'none', ignoreLabels: [] });
        expect(spans).toHaveLength(n); // found once
        const centrality = (w: TokenWindow, doc: number): number => {
          const pos = w.offsets.findIndex((o) => o !== null && o[0] === 2 * doc);
          if (pos < 0) return -1;
          return Math.min(pos - 1, w.inputIds.length - 2 - pos);
        };
        spans.forEach((span, doc) => {
          expect(span.start).toBe(2 * doc);
          const best = Math.max(...windows.map((w) => centrality(w, doc)));
          const k = Number(span.label.slice(1));
          expect(centrality(windows[k]!, doc)).toBeGreaterThanOrEqual(best - 1); // midpoint cut: most central (±1 on even overlaps)
        });
      }),
      { numRuns: 150 },
    );
  });
});
