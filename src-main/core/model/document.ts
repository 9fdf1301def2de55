// An imported document as lists show it, and its pages.
import { z } from 'zod';
import { id } from './fields.ts';

export const DocumentRow = z.object({
  id,
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  pageCount: z.number().nullable(),
  status: z.string(),
  topLabel: z.string().nullable(),
  topScore: z.number().nullable(),
  spanCount: z.number().int(),
  minConfidence: z.number().nullable(),
  /** Mean word confidence (0-100) of the text OCR read, when OCR read any of it. */
  ocrConfidence: z.number().nullable().optional(),
  importedAt: z.string(),
});
export type DocumentRow = z.infer<typeof DocumentRow>;

export const Box = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });

export const PageInfo = z.object({
  pageNo: z.number().int().positive(),
  width: z.number(),
  height: z.number(),
  rotation: z.number().int(),
  textStart: z.number().int(),
  textEnd: z.number().int(),
  needsOcr: z.boolean(),
  /** Mean word confidence (0-100) when OCR read the page's text; absent when the text came from the file. */
  ocrConfidence: z.number().nullable().optional(),
});
export type PageInfo = z.infer<typeof PageInfo>;
