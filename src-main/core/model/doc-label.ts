// A label on a whole document for one task (sentiment, topic, …), as a classifier or the analyst gave it.
import { z } from 'zod';
import { decision, id } from './fields.ts';

export const DocLabel = z.object({
  id,
  documentId: id,
  task: z.string(),
  label: z.string(),
  ...decision,
});
export type DocLabel = z.infer<typeof DocLabel>;
