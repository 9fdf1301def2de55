import { formatAmount, LIMITS } from './limits.ts';
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
  sharedMetadata: Record<string, unknown>,
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
    sharedMetadata,
    pages: [],
  };
}

/** A row (or line) whose text alone passes the per-document limit: skipped, the others import. */
export function rowTextTooLong(length: number, max: number, what: 'row' | 'line'): string {
  const spec = LIMITS.textChars;
  return `its text is ${length.toLocaleString('en-US')} characters; Docket keeps at most ${formatAmount(max, spec.unit)} per document (${spec.env} raises it); ${what} skipped. Put a text that long in a file of its own.`;
}
