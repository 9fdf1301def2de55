/**
 * Token classification (NER, PoS) over whole documents with character-exact spans.
 * See README.md for the design; interface I3 in the project's agreed interfaces.
 */
import type { PreTrainedModel, PreTrainedTokenizer } from '@huggingface/transformers';
import { DocketError } from '../../errors.ts';
import { batchesByTokens } from '../batches.ts';
import { aggregate } from './aggregation.ts';
import { tokenizerView } from './encode.ts';
import { mergeWindows } from './merge.ts';
import { runWindows } from './run.ts';
import type { DecodeOptions, EntitySpan, TokenWindow } from './types.ts';
import { planWindows } from './windows.ts';

export type { AggregationStrategy, DecodeOptions, EntitySpan, TokenWindow } from './types.ts';
export { AGGREGATION_STRATEGIES } from './types.ts';
export { planWindows, type WindowOptions } from './windows.ts';
export { runWindows, modelInputNames } from './run.ts';
export { encodeDocument, type DocumentEncoding } from './encode.ts';

/** Turn a document's windows and their logits into entity spans (seam merge, aggregation, filters). */
export function decodeEntities(
  text: string,
  windows: TokenWindow[],
  logits: Float32Array[],
  id2label: Record<number, string>,
  options: DecodeOptions,
): EntitySpan[] {
  if (windows.length === 0) return [];
  const scores = mergeWindows(windows, logits);
  // Offsets index into the text the windows were planned on; a different string would give wrong spans.
  if (scores.n > 0 && scores.ends[scores.n - 1]! > text.length) {
    throw new DocketError(
      'invalid_windows',
      'The token windows were planned on a longer text than the one given to decodeEntities; pass the same document text.',
    );
  }
  return aggregate(scores, id2label, options);
}

const DEFAULT_MAX_LENGTH = 512;

/**
 * The window length for a model: tokenizer_config's model_max_length (missing or the "very large"
 * sentinel → 512), capped by the model's position embeddings (RoBERTa-style models reserve
 * padding_idx + 1 positions).
 */
export function resolveMaxLength(tokenizer: PreTrainedTokenizer, model?: PreTrainedModel): number {
  const fromTokenizer = Number(tokenizer.model_max_length);
  let max = Number.isFinite(fromTokenizer) && fromTokenizer > 0 && fromTokenizer <= 1_000_000 ? Math.floor(fromTokenizer) : DEFAULT_MAX_LENGTH;
  const config = (model?.config ?? {}) as unknown as Record<string, unknown>;
  const positions = Number(config['max_position_embeddings']);
  if (Number.isFinite(positions) && positions > 0) {
    const reserved = ['roberta', 'xlm-roberta', 'camembert', 'longformer'].includes(String(config['model_type'])) ? Number(config['pad_token_id'] ?? 1) + 1 : 0;
    max = Math.min(max, positions - reserved);
  }
  return max;
}

/**
 * Default overlap: an eighth of the window (64 of 512 tokens). A token near a seam is read from
 * the window where it is most central, so it keeps at least half the overlap (32 tokens, two
 * sentences or so) of context on its near side: more than spaCy-transformers' default strided
 * spans give (window 128, overlap 32). On the bench corpus (npm run bench -- inference) a quarter
 * put 22% more tokens through the model than the documents hold, an eighth 10% (30,087 and
 * 27,195 for 24,739).
 */
export function defaultStride(maxLength: number): number {
  return Math.max(0, Math.floor(maxLength / 8));
}

/** How this tokenizer's words are found for first/average/max (see README). */
export function wordBoundaries(tokenizer: PreTrainedTokenizer): 'pre-tokenizer' | 'whitespace' {
  return tokenizerView(tokenizer).wordBoundaries;
}

export interface ClassifyOptions extends Partial<DecodeOptions> {
  maxLength?: number;
  stride?: number;
  /** Windows per model call. */
  batchSize?: number;
}

/** Convenience for one document, in the process that calls it. The engine batches across documents instead. */
export async function classifyTokens(
  model: PreTrainedModel,
  tokenizer: PreTrainedTokenizer,
  text: string,
  options: ClassifyOptions = {},
): Promise<EntitySpan[]> {
  const maxLength = options.maxLength ?? resolveMaxLength(tokenizer, model);
  const stride = options.stride ?? defaultStride(maxLength);
  const windows = planWindows(tokenizer, text, { maxLength, stride });
  // A document's windows are all one length: the engine's batching rule applies unchanged.
  const logits: Float32Array[] = [];
  for (const batch of batchesByTokens(windows, (w) => w.inputIds.length, options.batchSize ?? 8)) logits.push(...(await runWindows(model, batch)));
  const id2label = ((model.config as unknown as Record<string, unknown>)['id2label'] ?? {}) as Record<number, string>;
  return decodeEntities(text, windows, logits, id2label, { ...options, aggregation: options.aggregation ?? 'simple' });
}
