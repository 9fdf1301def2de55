import type { ExtractedDocument } from './types.ts';

/** What a row-per-document reader (CSV, JSONL) yields: a document, or a problem with one row. */
export type RowResult = { document: ExtractedDocument } | { problem: string };

export interface RowOptions {
  /** CSV column / JSONL field holding the text. */
  textField?: string;
  /** CSV column / JSONL field holding the row id (document name and duplicate key). */
  idField?: string;
}

export function rowDocument(
  fileName: string,
  mediaType: string,
  key: string,
  text: string,
  metadata: Record<string, unknown>,
): ExtractedDocument {
  return {
    name: `${fileName}#${key}`,
    text: text.replace(/\r\n?/g, '\n'),
    mediaType,
    partKey: key,
    pageCount: null,
    status: 'imported',
    warnings: [],
    metadata,
    pages: [],
  };
}
