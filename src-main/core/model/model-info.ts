// Models: one on this machine (ModelInfo), and one Docket recommends (CatalogModel).
import { z } from 'zod';

export const ModelInfo = z.object({
  id: z.string(),
  path: z.string(),
  task: z.string().nullable(),
  modelType: z.string().nullable(),
  labels: z.array(z.string()),
  dtypes: z.array(z.string()),
  sizeBytes: z.number(),
  /** Ships with Docket (builtin/names, builtin/pos): no download, rule- and lexicon-based, less accurate than a transformer. */
  builtin: z.boolean(),
});
export type ModelInfo = z.infer<typeof ModelInfo>;

/** A recommended model (inference/models/catalog.ts): what it is for, what it costs to pull, and whether this machine has it. */
export const CatalogModel = z.object({
  id: z.string(),
  /** What the analyst wants done; `task` is how Docket runs it (topic runs as zero-shot, toxicity as multi-label text classification). */
  use: z.enum(['sentiment', 'topic', 'toxicity', 'nli', 'zero-shot', 'ner', 'pos']),
  task: z.enum(['ner', 'pos', 'text-classification', 'nli', 'zero-shot']),
  multiLabel: z.boolean(),
  /** Approximate size of the ONNX weights a pull fetches, in MB (q8: onnx/model_quantized.onnx; null when none); 0 for built-ins. */
  sizeMb: z.object({ fp32: z.number().nonnegative(), q8: z.number().nonnegative().nullable() }),
  labels: z.array(z.string()),
  languages: z.array(z.string()),
  licence: z.string(),
  note: z.string(),
  /** The model's tags (B-/I- folded) onto project labels, used when the analyst has not mapped them. */
  defaultMapping: z.record(z.string(), z.string()),
  builtin: z.boolean(),
  /** On this machine: pulled into the cache (built-ins always are). */
  pulled: z.boolean(),
});
export type CatalogModel = z.infer<typeof CatalogModel>;
