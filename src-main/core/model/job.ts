// What a running job says about itself: progress while it works, and how it finished.
import { z } from 'zod';

export const JobProgress = z.object({
  jobId: z.string(),
  kind: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  unit: z.string(),
  ratePerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  message: z.string().optional(),
  /** Share of the work done (0–1) when items differ in size; otherwise done / total. */
  fraction: z.number().min(0).max(1).optional(),
});
export type JobProgress = z.infer<typeof JobProgress>;

export const JobFinished = z.object({
  jobId: z.string(),
  kind: z.string(),
  status: z.enum(['completed', 'cancelled', 'failed']),
  result: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type JobFinished = z.infer<typeof JobFinished>;
