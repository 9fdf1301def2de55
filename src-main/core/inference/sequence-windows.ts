// Whole documents through whole-sequence heads. NLI and zero-shot read a premise (the document)
// and a hypothesis; a model reads at most maxLength tokens, and transformers.js truncates the
// assembled pair at that limit, which cuts the hypothesis (and the final </s> a BART head reads)
// off every long document, so every label got the same logits. Here the premise is cut instead,
// as Python's truncation='only_first' does, but into overlapping windows that together cover the
// whole document, each carrying the full hypothesis and the special tokens exactly where the
// tokenizer's pair template puts them (pair-encoding.ts).
import { Tensor, type PreTrainedModel, type PreTrainedTokenizer } from '@huggingface/transformers';
import { batchesByTokens } from './batches.ts';
import { HostTaskError } from './host-task-error.ts';
import { encodeWithLayout, pairEncoding, plainIds, specialCount, type EncodedSequence } from './pair-encoding.ts';
import { encodeDocument, modelInputNames, type DocumentEncoding } from './token-classification/index.ts';
import type { TaskHooks } from './token-task.ts';

/** A slice of the premise: tokens [first, last) and the characters [start, end) they cover. */
export interface PremiseWindow {
  first: number;
  last: number;
  start: number;
  end: number;
}

export interface PairWindow extends EncodedSequence, PremiseWindow {}

/** Overlap between consecutive windows: an eighth of the premise tokens a window holds (as token tasks). */
export function premiseStride(budget: number): number {
  return Math.max(0, Math.floor(budget / 8));
}

/** Premise tokens a window has room for, next to a hypothesis of `hypothesisTokens` and the pair's special tokens. */
export function premiseBudget(tokenizer: PreTrainedTokenizer, maxLength: number, hypothesisTokens: number): number {
  const budget = maxLength - specialCount(pairEncoding(tokenizer).pair) - hypothesisTokens;
  if (budget < 1) {
    throw new HostTaskError(
      'hypothesis_too_long',
      `The hypothesis takes ${hypothesisTokens} tokens and the model reads ${maxLength} with its special tokens: no room is left for the document. Shorten the hypothesis or template.`,
    );
  }
  return budget;
}

/**
 * [first, last) token ranges covering all `n` premise tokens: as few windows of at most `budget`
 * tokens as an overlap of at least `stride` allows, spread evenly from the start to the end, then
 * moved to word boundaries inside each overlap so no window starts or ends inside a word
 * (coverage is kept: each window still starts at or before the previous one's end).
 */
export function premiseWindows(enc: DocumentEncoding, budget: number, stride: number): PremiseWindow[] {
  const n = enc.length;
  if (n === 0) return [{ first: 0, last: 0, start: 0, end: 0 }];
  const ranges: Array<[number, number]> = [];
  if (n <= budget) ranges.push([0, n]);
  else {
    const step = Math.max(1, budget - Math.min(stride, budget - 1));
    const count = Math.ceil((n - budget) / step) + 1;
    const overlap = budget - step;
    const length = Math.min(budget, Math.ceil((n + (count - 1) * overlap) / count));
    const span = n - length;
    for (let k = 0; k < count; k++) {
      const s = Math.floor((k * span) / (count - 1));
      ranges.push([s, s + length]);
    }
  }
  const wordStart = (t: number) => t <= 0 || t >= n || enc.wordIds[t] !== enc.wordIds[t - 1];
  for (let k = 1; k < ranges.length; k++) {
    const [s] = ranges[k]!;
    const previousEnd = ranges[k - 1]![1];
    for (let t = s; t < previousEnd; t++)
      if (wordStart(t)) {
        ranges[k]![0] = t;
        break;
      }
  }
  for (let k = 0; k + 1 < ranges.length; k++) {
    const [s, e] = ranges[k]!;
    const nextStart = ranges[k + 1]![0];
    for (let t = e; t > s && t >= nextStart; t--)
      if (wordStart(t)) {
        ranges[k]![1] = t;
        break;
      }
  }
  return ranges.map(([first, last]) => ({ first, last, start: enc.starts[first]!, end: enc.ends[last - 1]! }));
}

/** The model input for one premise window and one hypothesis (ids without special tokens). */
export function pairWindow(tokenizer: PreTrainedTokenizer, enc: DocumentEncoding, window: PremiseWindow, hypothesisIds: readonly number[]): PairWindow {
  const encoded = encodeWithLayout(pairEncoding(tokenizer).pair, enc.ids.subarray(window.first, window.last), hypothesisIds);
  return { ...window, ...encoded };
}

/** Every window of `premise` paired with `hypothesis`, for a model reading `maxLength` tokens. */
export function planPairWindows(tokenizer: PreTrainedTokenizer, premise: string, hypothesis: string, maxLength: number, stride?: number): PairWindow[] {
  const hypothesisIds = plainIds(tokenizer, hypothesis);
  const budget = premiseBudget(tokenizer, maxLength, hypothesisIds.length);
  const enc = encodeDocument(tokenizer, premise);
  return premiseWindows(enc, budget, stride ?? premiseStride(budget)).map((w) => pairWindow(tokenizer, enc, w, hypothesisIds));
}

/**
 * Logits per input, in the order given: inputs sorted longest first into padded batches of at
 * most `batchSize` (and the shared padded-token budget), token_type_ids only if the session takes
 * them, padding with the tokenizer's pad token under attention mask 0.
 */
export async function runSequenceInputs(
  model: PreTrainedModel,
  inputs: readonly EncodedSequence[],
  padId: number,
  batchSize: number,
  hooks: TaskHooks,
): Promise<number[][]> {
  const wantsTypes = modelInputNames(model).includes('token_type_ids');
  const order = inputs.map((_, i) => i).sort((a, b) => inputs[b]!.inputIds.length - inputs[a]!.inputIds.length);
  const logits: number[][] = new Array(inputs.length);
  const pad = BigInt(padId);
  for (const batch of batchesByTokens(order, (i) => inputs[i]!.inputIds.length, batchSize)) {
    if (hooks.cancelled()) throw new HostTaskError('cancelled', 'The run was cancelled.');
    const width = inputs[batch[0]!]!.inputIds.length;
    const ids = new BigInt64Array(batch.length * width).fill(pad);
    const mask = new BigInt64Array(batch.length * width);
    const types = wantsTypes ? new BigInt64Array(batch.length * width) : null;
    batch.forEach((i, row) => {
      const input = inputs[i]!;
      for (let t = 0; t < input.inputIds.length; t++) {
        ids[row * width + t] = BigInt(input.inputIds[t]!);
        mask[row * width + t] = 1n;
        if (types) types[row * width + t] = BigInt(input.tokenTypeIds[t] ?? 0);
      }
    });
    const feeds: Record<string, Tensor> = {
      input_ids: new Tensor('int64', ids, [batch.length, width]),
      attention_mask: new Tensor('int64', mask, [batch.length, width]),
    };
    if (types) feeds['token_type_ids'] = new Tensor('int64', types, [batch.length, width]);
    const output = (await (model as unknown as (f: Record<string, Tensor>) => Promise<Record<string, Tensor | undefined>>)(feeds)) ?? {};
    const out = output['logits'];
    if (!out || out.dims.length !== 2 || out.dims[0] !== batch.length) {
      throw new HostTaskError(
        'model_not_sequence_classifier',
        `The model did not return one row of logits per sequence (got ${out ? `[${out.dims.join(', ')}]` : 'no "logits" output'}); is it a sequence-classification model?`,
      );
    }
    const rows = out.tolist() as number[][];
    batch.forEach((i, row) => (logits[i] = rows[row]!.map(Number)));
    hooks.progress(batch.reduce((sum, i) => sum + inputs[i]!.inputIds.length, 0));
  }
  return logits;
}
