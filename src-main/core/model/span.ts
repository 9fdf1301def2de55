// A labelled range of a document's text (UTF-16 offsets), proposed by a model or pattern or made by hand.
import { z } from 'zod';
import { decision, id } from './fields.ts';

export const Span = z.object({
  id,
  documentId: id,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  label: z.string(),
  ...decision,
});
export type Span = z.infer<typeof Span>;
