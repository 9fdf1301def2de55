// Messages between main (client.ts) and the inference host (host.ts). Both sides validate
// what they receive: the host is a separate process and a crash there must not become
// undefined behaviour here.
import { z } from 'zod';
import { ONNX_DTYPE_NAMES } from './models/dtypes.ts';

export const InferenceTask = z.enum(['ner', 'pos', 'text-classification', 'nli', 'zero-shot']);
export type InferenceTask = z.infer<typeof InferenceTask>;

export const TaskOptions = z.object({
  aggregation: z.enum(['none', 'simple', 'first', 'average', 'max']).optional(),
  threshold: z.number().min(0).max(1).optional(),
  /** Minimum score per label (its full name or B-/I- stripped tag); overrides `threshold` for it. */
  thresholds: z.record(z.string(), z.number().min(0).max(1)).optional(),
  ignoreLabels: z.array(z.string()).optional(),
  multiLabel: z.boolean().optional(),
  hypothesis: z.string().optional(),
  labels: z.array(z.string()).optional(),
  template: z.string().optional(),
  /** Windows (token tasks) or sequences (classification) per session.run. */
  batchSize: z.number().int().positive().max(256).optional(),
});
export type TaskOptions = z.infer<typeof TaskOptions>;

export const ToHost = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run'),
    requestId: z.string(),
    task: InferenceTask,
    /** path: a model folder (absolute), or a built-in detector's id such as builtin/names. */
    model: z.object({ path: z.string(), dtype: z.enum(ONNX_DTYPE_NAMES) }),
    docs: z.array(z.object({ id: z.number().int(), text: z.string() })),
    options: TaskOptions,
  }),
  z.object({ type: z.literal('cancel'), requestId: z.string() }),
]);
export type ToHost = z.infer<typeof ToHost>;

const Scored = z.object({ label: z.string(), score: z.number() });

export const DocResult = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('spans'),
    spans: z.array(z.object({ start: z.number().int(), end: z.number().int(), label: z.string(), score: z.number() })),
    tokens: z.number().int(),
  }),
  z.object({
    kind: z.literal('labels'),
    /** Every label with its probability, highest first. */
    distribution: z.array(Scored),
    multiLabel: z.boolean(),
    /** Raw logits (per candidate label for zero-shot), kept so thresholds can be revisited. */
    logits: z.array(z.array(z.number())),
    tokens: z.number().int(),
    truncated: z.boolean(),
    /** NLI / zero-shot: per label, the characters [start, end) of the document window its score was read from. */
    evidence: z.array(z.object({ label: z.string(), start: z.number().int(), end: z.number().int() })).optional(),
  }),
]);
export type DocResult = z.infer<typeof DocResult>;

/**
 * What one request cost inside the host: time in ONNX Runtime's session.run against the whole
 * request (the rest is tokenizing, windows, decoding, messages), and the host's peak memory.
 */
export const RunStats = z.object({ sessionMs: z.number(), totalMs: z.number(), peakRssMb: z.number() });
export type RunStats = z.infer<typeof RunStats>;

export const FromHost = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number() }),
  z.object({ type: z.literal('doc'), requestId: z.string(), docId: z.number().int(), result: DocResult }),
  /** tokens: just done; share: of this request's model work done so far, 0–1. */
  z.object({ type: z.literal('progress'), requestId: z.string(), docs: z.number().int(), tokens: z.number().int(), share: z.number().min(0).max(1) }),
  z.object({ type: z.literal('done'), requestId: z.string(), stats: RunStats }),
  z.object({ type: z.literal('error'), requestId: z.string(), code: z.string(), message: z.string() }),
]);
export type FromHost = z.infer<typeof FromHost>;
