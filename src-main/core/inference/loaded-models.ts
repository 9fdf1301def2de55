// Sessions are expensive to create (graph optimisation, weights into memory): the host keeps
// each model it has loaded, per dtype, for as long as it lives.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import {
  AutoModelForSequenceClassification,
  AutoModelForTokenClassification,
  AutoTokenizer,
  env,
  type PreTrainedModel,
  type PreTrainedTokenizer,
} from '@huggingface/transformers';
import { completeMaxLength } from './max-length.ts';
import { completeSpecialTokens } from './special-tokens.ts';
import type { OnnxDtype } from './models/dtypes.ts';

export interface LoadedModel {
  model: PreTrainedModel;
  tokenizer: PreTrainedTokenizer;
  config: Record<string, unknown>;
  /** Milliseconds spent inside ONNX Runtime's session.run since the model was loaded. */
  sessionMs(): number;
}

const cache = new Map<string, Promise<LoadedModel>>();

export function loadModel(path: string, dtype: OnnxDtype, head: 'token' | 'sequence'): Promise<LoadedModel> {
  const key = `${head}:${dtype}:${path}`;
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = load(path, dtype, head);
    cache.set(key, loaded);
    loaded.catch(() => cache.delete(key));
  }
  return loaded;
}

async function load(path: string, dtype: OnnxDtype, head: 'token' | 'sequence'): Promise<LoadedModel> {
  // Local folders only: the one network use of the app is an explicit model pull.
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  // Nothing here is downloaded, and a download-cache entry must never stand in for the folder.
  env.useFSCache = false;
  // By path, never by name: transformers.js reads a name that is a valid hub id ("Xenova/bert")
  // under env.localModelPath, but anything else ("bert ner", "ner (v2)", "modèle-ner",
  // "models--Xenova--bert-base-NER": spaces, brackets, non-ASCII, "--") as a path relative to the
  // working directory, where the folder is not, so the tokenizer config came back undefined
  // ("reading 'tokenizer_class'"). An absolute path is never a valid hub id (it starts with "/" or
  // a drive letter), so transformers.js always reads it as the folder itself.
  const folder = resolve(path);
  const tokenizer = await AutoTokenizer.from_pretrained(folder);
  const Model = head === 'token' ? AutoModelForTokenClassification : AutoModelForSequenceClassification;
  const model = await Model.from_pretrained(folder, {
    dtype,
    device: 'cpu',
    // Parallelism comes from ONNX Runtime's own threads, not from more processes or workers.
    session_options: { intraOpNumThreads: availableParallelism(), interOpNumThreads: 1 },
  });
  const config = model.config as unknown as Record<string, unknown>;
  // What tokenizer_config.json leaves out, from the folder's other files (see each module).
  completeSpecialTokens(tokenizer, folder, config);
  completeMaxLength(tokenizer, config);
  return { model, tokenizer, config, sessionMs: timeSessions(model) };
}

type TimedSession = { run(...args: unknown[]): Promise<unknown> };

/**
 * Wraps the model's own ONNX sessions so every run is timed where it happens: the engine's
 * overhead (tokenizing, windows, decoding, messages) is then "total − session" and can be
 * measured, not guessed. The wrapper adds two clock reads per run.
 */
export function timeSessions(model: PreTrainedModel): () => number {
  let ms = 0;
  for (const session of Object.values(model.sessions as Record<string, TimedSession>)) {
    const run = session.run.bind(session);
    session.run = async (...args: unknown[]) => {
      const t0 = performance.now();
      try {
        return await run(...args);
      } finally {
        ms += performance.now() - t0;
      }
    };
  }
  return () => ms;
}
