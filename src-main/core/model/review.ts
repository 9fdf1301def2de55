// A span or document label waiting for the analyst's decision, with the context to decide it.
import { z } from 'zod';
import { id, source, status } from './fields.ts';

export const ReviewItem = z.object({
  kind: z.enum(['span', 'label']),
  id,
  documentId: id,
  documentName: z.string(),
  label: z.string(),
  score: z.number().nullable(),
  status,
  source,
  sourceName: z.string(),
  text: z.string(), // the span's text, or the document's opening words for a label
  context: z.string(),
  disagreement: z.number().nullable(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

/** Where a page of the queue ends: the last item's sort key, which the next page starts after. */
export const ReviewCursor = z.object({
  kind: z.enum(['span', 'label']),
  id,
  documentId: id,
  start: z.number().int().nonnegative().nullable(),
  score: z.number().nullable(),
  disagreement: z.number().nullable(),
});
export type ReviewCursor = z.infer<typeof ReviewCursor>;
