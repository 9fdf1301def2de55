/**
 * Run one padded batch of windows through a token-classification model.
 *
 * Windows may come from many documents (the engine sorts them by length to limit padding), so
 * nothing here knows about documents. Inputs are built straight into int64 buffers; the model
 * gets token_type_ids only when its ONNX session declares that input.
 */
import { Tensor, type PreTrainedModel } from '@huggingface/transformers';
import { DocketError } from '../../errors.ts';
import type { TokenWindow } from './types.ts';

interface SessionLike {
  inputNames?: string[];
}

export function modelInputNames(model: PreTrainedModel): string[] {
  const sessions = model.sessions as Record<string, SessionLike>;
  const session = sessions['model'] ?? Object.values(sessions)[0];
  return session?.inputNames ?? ['input_ids', 'attention_mask'];
}

/** Logits [seqLen * numLabels] per window, padding removed, in the order given. */
export async function runWindows(model: PreTrainedModel, windows: TokenWindow[]): Promise<Float32Array[]> {
  if (windows.length === 0) return [];
  const batch = windows.length;
  let seq = 0;
  for (const w of windows) seq = Math.max(seq, w.inputIds.length);
  const padId = BigInt(Number((model.config as unknown as Record<string, unknown>)['pad_token_id'] ?? 0) || 0);
  const names = modelInputNames(model);
  const wantsTypes = names.includes('token_type_ids');

  const ids = new BigInt64Array(batch * seq).fill(padId);
  const mask = new BigInt64Array(batch * seq);
  const types = wantsTypes ? new BigInt64Array(batch * seq) : null;
  for (let b = 0; b < batch; b++) {
    const w = windows[b]!;
    const row = b * seq;
    for (let t = 0; t < w.inputIds.length; t++) {
      ids[row + t] = BigInt(w.inputIds[t]!);
      mask[row + t] = BigInt(w.attentionMask[t] ?? 1);
      if (types && w.tokenTypeIds) types[row + t] = BigInt(w.tokenTypeIds[t] ?? 0);
    }
  }
  const feeds: Record<string, Tensor> = {
    input_ids: new Tensor('int64', ids, [batch, seq]),
    attention_mask: new Tensor('int64', mask, [batch, seq]),
  };
  if (types) feeds['token_type_ids'] = new Tensor('int64', types, [batch, seq]);

  const output = (await (model as unknown as (inputs: Record<string, Tensor>) => Promise<Record<string, Tensor>>)(feeds)) ?? {};
  const logits = output['logits'];
  if (!logits || logits.dims.length !== 3 || logits.dims[0] !== batch || logits.dims[1] !== seq) {
    throw new DocketError(
      'model_not_token_classifier',
      `The model did not return per-token logits [batch, sequence, labels] (got ${logits ? `[${logits.dims.join(', ')}]` : 'no "logits" output'}); is it a token-classification model?`,
    );
  }
  const labels = logits.dims[2]!;
  const data = toFloat32(logits.data);
  return windows.map((w, b) => data.slice(b * seq * labels, (b * seq + w.inputIds.length) * labels));
}

function toFloat32(data: unknown): Float32Array {
  if (data instanceof Float32Array) return data;
  if (ArrayBuffer.isView(data) || Array.isArray(data)) return Float32Array.from(data as ArrayLike<number>);
  throw new DocketError('model_not_token_classifier', 'The model returned logits of an unsupported type.');
}
