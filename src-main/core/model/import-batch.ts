// What to import (files, folders, which CSV/JSONL field holds the text) and what came of it.
import { z } from 'zod';
import { id, MAX_IDS, MAX_NAME, path } from './fields.ts';

export const ImportOptions = z.object({
  paths: z.array(path).min(1).max(MAX_IDS),
  csvColumn: z.string().max(MAX_NAME).optional(),
  idColumn: z.string().max(MAX_NAME).optional(),
  jsonlField: z.string().max(MAX_NAME).optional(),
  /** Follow symbolic links that lead out of the imported folders (reported and skipped otherwise). */
  followLinksOutside: z.boolean().default(false),
});

export const ImportReport = z.object({
  imported: z.number().int(),
  duplicates: z.number().int(),
  failed: z.array(z.object({ path: z.string(), reason: z.string() })),
  warnings: z.array(z.object({ path: z.string(), message: z.string() })),
  documentIds: z.array(id),
});
export type ImportReport = z.infer<typeof ImportReport>;
