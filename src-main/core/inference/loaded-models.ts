// Sessions are expensive to create (graph optimisation, weights into memory): the host keeps
// each model it has loaded, per dtype, for as long as it lives.
import { availableParallelism } from 'node:os';
import { basename, dirname, sep } from 'node:path';
import {
  AutoModelForSequenceClassification,
  AutoModelForTokenClassification,
  AutoTokenizer,
  env,
  type PreTrainedModel,
  type PreTrainedTokenizer,
} from '@huggingface/transformers';

export interface LoadedModel {
  model: PreTrainedModel;
  tokenizer: PreTrainedTokenizer;
  config: Record<string, unknown>;
}

const cache = new Map<string, Promise<LoadedModel>>();

export function loadModel(path: string, dtype: 'fp32' | 'q8', head: 'token' | 'sequence'): Promise<LoadedModel> {
  const key = `${head}:${dtype}:${path}`;
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = load(path, dtype, head);
    cache.set(key, loaded);
    loaded.catch(() => cache.delete(key));
  }
  return loaded;
}

async function load(path: string, dtype: 'fp32' | 'q8', head: 'token' | 'sequence'): Promise<LoadedModel> {
  // Local folders only: the one network use of the app is an explicit model pull.
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = dirname(path) + sep;
  const id = basename(path);
  const tokenizer = await AutoTokenizer.from_pretrained(id);
  const Model = head === 'token' ? AutoModelForTokenClassification : AutoModelForSequenceClassification;
  const model = await Model.from_pretrained(id, {
    dtype,
    device: 'cpu',
    // Parallelism comes from ONNX Runtime's own threads, not from more processes or workers.
    session_options: { intraOpNumThreads: availableParallelism(), interOpNumThreads: 1 },
  });
  return { model, tokenizer, config: model.config as unknown as Record<string, unknown> };
}
