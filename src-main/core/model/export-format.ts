// Every export format, once: its human name, what kind of output it makes and its file
// extension. The contract's format enum, the CLI's --format and the renderer's list come from
// these keys, and export/formats.ts must give each one a writer (the compiler checks both), so
// a format cannot be half added. Plain data, no writers: the preload and renderer load it.
import { z } from 'zod';

export interface ExportFormatInfo {
  /** What the analyst sees in the export dialog and `docket export --help`. */
  name: string;
  /** redacted: one verified copy per document (or per CSV source); label data: one file for the selection. */
  kind: 'redacted' | 'label data';
  extension: string;
}

export const EXPORT_FORMATS = {
  pdf: { name: 'Redacted PDFs (text truly removed, pages re-rendered)', kind: 'redacted', extension: 'pdf' },
  txt: { name: 'Redacted plain text', kind: 'redacted', extension: 'txt' },
  csv: { name: 'CSV: one row per document', kind: 'redacted', extension: 'csv' },
  jsonl: { name: 'JSONL: text, labels and spans', kind: 'label data', extension: 'jsonl' },
  conll: { name: 'CoNLL (BIO tags)', kind: 'label data', extension: 'conll' },
  audit: { name: 'Audit log (every change)', kind: 'label data', extension: 'jsonl' },
  'labels-csv': { name: 'CSV: one row per document label', kind: 'label data', extension: 'csv' },
  'spans-csv': { name: 'CSV: one row per span', kind: 'label data', extension: 'csv' },
} as const satisfies Record<string, ExportFormatInfo>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
export type ExportFormats = typeof EXPORT_FORMATS;

const names = Object.keys(EXPORT_FORMATS) as [ExportFormat, ...ExportFormat[]];
export const ExportFormat = z.enum(names);
