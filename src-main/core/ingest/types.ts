import type { NewPage } from '../store/queries/pages.ts';

/** One document extracted from a file (or one row of a CSV/JSONL file), ready to store. */
export interface ExtractedDocument {
  name: string;
  text: string;
  mediaType: string;
  /** Row key for CSV/JSONL rows; '' for whole files. */
  partKey: string;
  pageCount: number | null;
  status: 'imported' | 'needs_ocr' | 'partial_ocr';
  warnings: string[];
  metadata: Record<string, unknown>;
  /** What every row of its file shares (a CSV's header), stored once for the file. */
  sharedMetadata?: Record<string, unknown>;
  pages: NewPage[];
}

export const MEDIA_TYPES = {
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  jsonl: 'application/jsonl',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  // Images are stored as a PDF of their images (image.ts): these are the files' own types, kept in metadata.source.
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
} as const;

export type FormatKind = keyof typeof MEDIA_TYPES;

const EXTENSIONS: Record<string, FormatKind> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.tif': 'tiff',
  '.tiff': 'tiff',
};

export function formatOf(path: string): FormatKind | null {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return null;
  return EXTENSIONS[path.slice(dot).toLowerCase()] ?? null;
}

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);
