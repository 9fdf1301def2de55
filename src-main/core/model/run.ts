// One run of a task (patterns, OCR, a model) over the batch: resumable, counted per label.
import { z } from 'zod';
import { id } from './fields.ts';

export const RunSummary = z.object({
  id,
  task: z.string(),
  model: z.string().nullable(),
  status: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  docsTotal: z.number().int(),
  docsDone: z.number().int(),
  counts: z.record(z.string(), z.number()),
  error: z.string().nullable(),
});
export type RunSummary = z.infer<typeof RunSummary>;
