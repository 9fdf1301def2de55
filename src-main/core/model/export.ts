// An export as asked for (format, folder, which spans, how to redact) and what it produced.
import { z } from 'zod';
import { ExportFormat } from './export-format.ts';
import { id, MAX_IDS, MAX_NAME, path, threshold } from './fields.ts';

export const ExportRequest = z.object({
  format: ExportFormat,
  outDir: path,
  status: z.enum(['accepted', 'all']).default('accepted'),
  minScore: threshold.optional(),
  documentIds: z.array(id).max(MAX_IDS).optional(),
  overlay: z.string().max(MAX_NAME).default('none'), // 'none' | 'label' | any reason code such as "(b)(6)"
  boxColour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#000000'),
  dpi: z.number().int().min(72).max(600).default(200),
  replacement: z.record(z.string().max(MAX_NAME), z.enum(['block', 'label', 'pseudonym'])).default({}),
  includeSpanText: z.boolean().default(false),
  wholePages: z
    .array(z.object({ documentId: id, pageNo: z.number().int().positive() }))
    .max(MAX_IDS)
    .default([]),
  /** Render every page of a redacted PDF as an image (plus its text layer), not only pages with redactions. */
  rasteriseAll: z.boolean().default(false),
  /** Read every page image of a redacted PDF again by OCR and fail it when a redacted value, or a residual finding, is readable there. */
  pixelCheck: z.boolean().default(true),
  /** Documents imported from PNG, JPEG or TIFF: also write each redacted page as an image in the source's format (TIFF pages as PNG). */
  pageImages: z.boolean().default(false),
  /** Replace files already in the folder (otherwise an existing file is never overwritten). */
  overwrite: z.boolean().default(false),
  /** Residual-scan findings the analyst lets through: finding ids (16 hex digits) or whole labels. Recorded in the audit log. */
  acceptResidual: z.array(z.string().trim().min(1).max(64)).max(10_000).default([]),
});
export type ExportRequest = z.input<typeof ExportRequest>;

export const ExportReport = z.object({
  ok: z.boolean(),
  outDir: z.string(),
  files: z.array(
    z.object({
      documentId: id.nullable(),
      file: z.string(),
      pages: z.number().int().nullable(),
      spansByLabel: z.record(z.string(), z.number()),
      checks: z.array(z.object({ name: z.string(), passed: z.boolean(), detail: z.string().optional() })),
    }),
  ),
  failures: z.array(
    z.object({
      file: z.string(),
      page: z.number().nullable(),
      reason: z.string(),
      /** A residual-scan finding: what `acceptResidual` takes to let it through. */
      residual: z.object({ id: z.string(), label: z.string() }).optional(),
    }),
  ),
  reportPath: z.string().nullable(),
});
export type ExportReport = z.infer<typeof ExportReport>;
