// The project's labels, and where a model's tags land among them.
import { z } from 'zod';
import { id, MAX_NAME } from './fields.ts';

export const Label = z.object({
  id,
  setName: z.string().max(MAX_NAME),
  name: z.string().min(1).max(MAX_NAME),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  hotkey: z.string().max(1).nullable(),
});
export type Label = z.infer<typeof Label>;

/** Where each of a model's tags goes in the project: the analyst's choice, the catalog's default, the common names table, or unchanged. */
export const LabelMapping = z.object({
  /** The key the mapping is kept under: the hub id (or builtin/…), or the absolute folder of an imported model. */
  model: z.string(),
  /** entities: spans are stored under the mapped label; pos: tags are kept as they are; document: document labels are not mapped. */
  kind: z.enum(['entities', 'pos', 'document']),
  tags: z.array(
    z.object({
      tag: z.string(),
      label: z.string(),
      source: z.enum(['analyst', 'catalog', 'common', 'unchanged']),
      /** What the tag would map to without the analyst's choice. */
      automatic: z.string(),
    }),
  ),
});
export type LabelMapping = z.infer<typeof LabelMapping>;
