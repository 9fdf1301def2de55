// Field schemas and request caps every domain noun shares, so a span's id and a run's id are
// checked the same way wherever they travel.
import { z } from 'zod';

export const id = z.number().int().positive();
export const status = z.enum(['proposed', 'accepted', 'rejected']);
export const source = z.enum(['model', 'pattern', 'human']);
export const path = z.string().min(1).max(4096);
export const threshold = z.number().min(0).max(1);

/** What spans and document labels both carry: who proposed them, how sure, and the analyst's decision. */
export const decision = {
  score: z.number().nullable(),
  source,
  sourceName: z.string(),
  status,
  runId: id.nullable(),
};

/** Request caps: generous for any real use, small enough that a hostile request is refused fast. */
export const MAX_IDS = 100_000; // ids, or paths, in one request
export const MAX_LIST = 10_000; // names (labels) in one request
export const MAX_NAME = 256; // a label, task, column, source or job id
export const MAX_TEXT = 10_000; // free text: a span's text, a hypothesis, a template, a pattern
/** A project's phone regions: detect's MAX_PHONE_REGIONS (not imported: the preload loads the contract, which loads this file). */
export const MAX_REGIONS = 12;
