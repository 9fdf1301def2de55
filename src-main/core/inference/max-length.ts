// How many tokens a model reads at once. tokenizer_config.json's model_max_length says it for most
// folders; some hub folders have none (or Python's "very large" sentinel), and then the model's
// own position table is the limit: config.json's max_position_embeddings, less the positions
// RoBERTa-style models reserve for padding (padding_idx + 1 = 2: 514 positions read 512 tokens).
import type { PreTrainedTokenizer } from '@huggingface/transformers';

const DEFAULT_MAX_LENGTH = 512;

/** Models whose position ids start after the padding index (create_position_ids_from_input_ids). */
const PADDING_OFFSET_MODELS = new Set([
  'roberta',
  'xlm-roberta',
  'xlm-roberta-xl',
  'camembert',
  'longformer',
  'data2vec-text',
  'roberta-prelayernorm',
  'xmod',
  'mpnet',
  'ibert',
]);

function declared(tokenizer: PreTrainedTokenizer): number | null {
  const value = Number((tokenizer.config as Record<string, unknown>)['model_max_length']);
  return Number.isFinite(value) && value > 0 && value <= 1_000_000 ? Math.floor(value) : null;
}

/** Positions the model can read: max_position_embeddings minus the RoBERTa padding offset, or null. */
export function positionLimit(modelConfig: Record<string, unknown>): number | null {
  const positions = Number(modelConfig['max_position_embeddings']);
  if (!Number.isFinite(positions) || positions <= 0) return null;
  const pad = Number(modelConfig['pad_token_id']);
  const offset = PADDING_OFFSET_MODELS.has(String(modelConfig['model_type'])) ? (Number.isInteger(pad) && pad >= 0 ? pad + 1 : 2) : 0;
  return positions - offset;
}

/**
 * Writes model_max_length into the tokenizer's config when tokenizer_config.json has no usable
 * one, from the position table, so every task (token windows too) reads the same limit.
 */
export function completeMaxLength(tokenizer: PreTrainedTokenizer, modelConfig: Record<string, unknown>): void {
  const positions = positionLimit(modelConfig);
  if (declared(tokenizer) === null && positions !== null && positions > 0) (tokenizer.config as Record<string, unknown>)['model_max_length'] = positions;
}

/** The sequence length to use: model_max_length (else the position limit, else 512), never past the positions. */
export function maxSequenceLength(tokenizer: PreTrainedTokenizer, modelConfig: Record<string, unknown>): number {
  const positions = positionLimit(modelConfig);
  const limit = declared(tokenizer) ?? positions ?? DEFAULT_MAX_LENGTH;
  return positions !== null && positions > 0 ? Math.min(limit, positions) : limit;
}
