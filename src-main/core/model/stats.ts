// The project at a glance: documents per status, and per label how many and how confident.
import { z } from 'zod';

export const Stats = z.object({
  documents: z.number().int(),
  byStatus: z.record(z.string(), z.number()),
  labels: z.array(z.object({ label: z.string(), kind: z.enum(['span', 'label']), count: z.number(), histogram: z.array(z.number()) })),
});
export type Stats = z.infer<typeof Stats>;
