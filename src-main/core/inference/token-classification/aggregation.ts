/**
 * Aggregation strategies with the semantics of Python transformers' TokenClassificationPipeline:
 * - none: one entity per token, label = argmax (full label, e.g. 'B-PER'), score = its probability;
 * - simple: tokens labelled as with none, then grouped (below);
 * - first / average / max: one label per word, then grouped. first = the word's first token's
 *   argmax; max = argmax of the token whose top probability is highest; average = argmax of the
 *   mean probability vector over the word's tokens (score = that mean);
 * - grouping: consecutive items join the open group when their tag (label without B-/I-) equals
 *   the previous item's tag and they are not B-; group score = mean of the item scores;
 * - ignore_labels is applied after grouping (label or tag), then Docket's thresholds.
 * Items whose span is empty (lone '▁' tokens) take part in grouping but never define its extent.
 */
import { DocketError } from '../../errors.ts';
import type { TokenScores } from './merge.ts';
import { AGGREGATION_STRATEGIES, type DecodeOptions, type EntitySpan } from './types.ts';

interface Items {
  count: number;
  label: Int32Array;
  score: Float64Array;
  start: Int32Array;
  end: Int32Array;
}

export function aggregate(scores: TokenScores, id2label: Record<number, string>, options: DecodeOptions): EntitySpan[] {
  if (!AGGREGATION_STRATEGIES.includes(options.aggregation)) {
    throw new DocketError(
      'invalid_aggregation',
      `Unknown aggregation strategy "${String(options.aggregation)}"; use one of ${AGGREGATION_STRATEGIES.join(', ')}.`,
    );
  }
  const labels = Array.from({ length: scores.numLabels }, (_, c) => id2label[c] ?? `LABEL_${c}`);
  const tags = labels.map((l) => (l.startsWith('B-') || l.startsWith('I-') ? l.slice(2) : l));
  const begins = labels.map((l) => l.startsWith('B-'));
  const ignore = new Set(options.ignoreLabels ?? ['O']);
  const thresholds = options.thresholds ?? {};
  const floor = options.threshold ?? 0;
  const keep = (c: number, score: number, asTag: boolean): boolean => {
    const name = asTag ? tags[c]! : labels[c]!;
    if (ignore.has(name) || ignore.has(tags[c]!)) return false;
    const min = thresholds[name] ?? thresholds[tags[c]!] ?? floor;
    return score >= min;
  };

  const items = options.aggregation === 'none' || options.aggregation === 'simple' ? tokenItems(scores) : wordItems(scores, options.aggregation);
  const out: EntitySpan[] = [];
  if (options.aggregation === 'none') {
    for (let i = 0; i < items.count; i++) {
      const c = items.label[i]!;
      if (items.end[i]! > items.start[i]! && keep(c, items.score[i]!, false)) {
        out.push({ start: items.start[i]!, end: items.end[i]!, label: labels[c]!, score: items.score[i]! });
      }
    }
    return out;
  }

  // Group consecutive items (Python's group_entities).
  let gTag = -1;
  let gSum = 0;
  let gCount = 0;
  let gStart = -1;
  let gEnd = -1;
  const flush = (): void => {
    if (gCount === 0) return;
    const score = gSum / gCount;
    if (gEnd > gStart && keep(gTag, score, true)) out.push({ start: gStart, end: gEnd, label: tags[gTag]!, score });
    gCount = 0;
  };
  for (let i = 0; i < items.count; i++) {
    const c = items.label[i]!;
    const joins = gCount > 0 && tags[c] === tags[gTag] && !begins[c];
    if (!joins) {
      flush();
      gTag = c;
      gSum = 0;
      gStart = -1;
      gEnd = -1;
    }
    gSum += items.score[i]!;
    gCount++;
    const s = items.start[i]!;
    const e = items.end[i]!;
    if (e > s) {
      if (gStart < 0 || s < gStart) gStart = s;
      if (e > gEnd) gEnd = e;
    }
  }
  flush();
  return out;
}

function argmaxAt(probs: Float32Array, from: number, count: number): number {
  let best = 0;
  for (let c = 1; c < count; c++) if (probs[from + c]! > probs[from + best]!) best = c;
  return best;
}

function tokenItems(s: TokenScores): Items {
  const label = new Int32Array(s.n);
  const score = new Float64Array(s.n);
  for (let i = 0; i < s.n; i++) {
    const c = argmaxAt(s.probs, i * s.numLabels, s.numLabels);
    label[i] = c;
    score[i] = s.probs[i * s.numLabels + c]!;
  }
  return { count: s.n, label, score, start: s.starts, end: s.ends };
}

function wordItems(s: TokenScores, strategy: 'first' | 'average' | 'max'): Items {
  const L = s.numLabels;
  const label = new Int32Array(s.n);
  const score = new Float64Array(s.n);
  const start = new Int32Array(s.n);
  const end = new Int32Array(s.n);
  const mean = new Float64Array(L);
  let count = 0;
  for (let i = 0; i < s.n;) {
    let j = i + 1;
    while (j < s.n && s.wordIds[j] === s.wordIds[i]) j++;
    // Word [i, j): extent from its non-empty tokens.
    let ws = -1;
    let we = -1;
    for (let t = i; t < j; t++) {
      if (s.ends[t]! > s.starts[t]!) {
        if (ws < 0 || s.starts[t]! < ws) ws = s.starts[t]!;
        if (s.ends[t]! > we) we = s.ends[t]!;
      }
    }
    let c: number;
    let sc: number;
    if (strategy === 'first') {
      c = argmaxAt(s.probs, i * L, L);
      sc = s.probs[i * L + c]!;
    } else if (strategy === 'max') {
      let bestToken = i;
      let bestScore = -1;
      for (let t = i; t < j; t++) {
        const tc = argmaxAt(s.probs, t * L, L);
        if (s.probs[t * L + tc]! > bestScore) {
          bestScore = s.probs[t * L + tc]!;
          bestToken = t;
        }
      }
      c = argmaxAt(s.probs, bestToken * L, L);
      sc = bestScore;
    } else {
      mean.fill(0);
      for (let t = i; t < j; t++) for (let k = 0; k < L; k++) mean[k] = mean[k]! + s.probs[t * L + k]!;
      c = 0;
      for (let k = 1; k < L; k++) if (mean[k]! > mean[c]!) c = k;
      sc = mean[c]! / (j - i);
    }
    label[count] = c;
    score[count] = sc;
    start[count] = ws < 0 ? s.starts[i]! : ws;
    end[count] = we < 0 ? s.starts[i]! : we;
    count++;
    i = j;
  }
  return { count, label, score, start, end };
}
