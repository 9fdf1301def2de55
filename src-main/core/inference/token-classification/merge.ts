/**
 * Seam merging: turn a document's windows and their logits into one score table over the
 * document's tokens. Each token is read from the window whose core holds it (the window where it
 * is most central, see windows.ts), so a token on a seam appears exactly once, scored with the
 * most context. Scores are softmax probabilities (as in Python's pipeline).
 */
import { DocketError } from '../../errors.ts';
import type { TokenWindow } from './types.ts';

export interface TokenScores {
  /** Number of document tokens. */
  n: number;
  numLabels: number;
  starts: Int32Array;
  ends: Int32Array;
  wordIds: Int32Array;
  /** Softmax probabilities, token-major: probs[i * numLabels + label]. */
  probs: Float32Array;
}

export function mergeWindows(windows: TokenWindow[], logits: Float32Array[]): TokenScores {
  if (windows.length !== logits.length) {
    throw new DocketError('invalid_logits', `Got logits for ${logits.length} windows but the document has ${windows.length}.`);
  }
  let numLabels = 0;
  let n = 0;
  windows.forEach((w, k) => {
    const len = w.inputIds.length;
    const l = logits[k]!.length / len;
    if (!Number.isInteger(l) || l < 1 || (numLabels !== 0 && l !== numLabels)) {
      throw new DocketError('invalid_logits', `Window ${k} has ${logits[k]!.length} logits for ${len} tokens; expected tokens × labels.`);
    }
    numLabels = l;
    for (let t = w.coreStart; t < w.coreEnd; t++) if (w.offsets[t]) n++;
  });
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const wordIds = new Int32Array(n);
  const probs = new Float32Array(n * numLabels);
  let i = 0;
  windows.forEach((w, k) => {
    const row = logits[k]!;
    for (let t = w.coreStart; t < w.coreEnd; t++) {
      const off = w.offsets[t];
      if (!off) continue;
      starts[i] = off[0];
      ends[i] = off[1];
      wordIds[i] = w.wordIds[t] ?? -1 - i;
      softmaxInto(row, t * numLabels, numLabels, probs, i * numLabels);
      i++;
    }
  });
  return { n, numLabels, starts, ends, wordIds, probs };
}

function softmaxInto(src: Float32Array, from: number, count: number, dst: Float32Array, to: number): void {
  let max = -Infinity;
  for (let c = 0; c < count; c++) if (src[from + c]! > max) max = src[from + c]!;
  let sum = 0;
  for (let c = 0; c < count; c++) {
    const e = Math.exp(src[from + c]! - max);
    dst[to + c] = e;
    sum += e;
  }
  for (let c = 0; c < count; c++) dst[to + c] = dst[to + c]! / sum;
}
