import { csvRow } from './csv-writer.ts';
import type { ExportDocument } from './project-reader.ts';

/** Where a CSV row came from, read from the document's import metadata. */
export interface CsvOrigin {
  /** Groups rows of one source file. */
  source: string;
  /** Every column of the source, in order. */
  header: string[];
  /** The column whose text was imported (and is redacted). */
  textColumn: string;
  /** The row's position in the source (keeps the output in source order). */
  rowNumber: number;
  /** The row's other cells by column name. */
  cells: Record<string, string>;
}

function stringRecord(value: unknown): Record<string, string> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
}

/**
 * Reads a CSV row's origin from import metadata, or null for documents that are not CSV rows.
 * Accepts `{ csv: { header, textColumn, rowNumber, row } }` and the flatter
 * `{ header|columns, textColumn|column, rowNumber|row, cells|row|values }` shapes.
 */
export function csvOrigin(doc: ExportDocument): CsvOrigin | null {
  const root = (doc.metadata.csv && typeof doc.metadata.csv === 'object' ? doc.metadata.csv : doc.metadata) as Record<string, unknown>;
  const textColumn = [root.textColumn, root.column, root.csvColumn].find((v) => typeof v === 'string') as string | undefined;
  const cells = stringRecord(root.cells) ?? stringRecord(root.values) ?? stringRecord(root.row) ?? stringRecord(root.columns);
  if (!textColumn || !cells) return null;
  const header = (Array.isArray(root.header) ? root.header : Array.isArray(root.headers) ? root.headers : null)?.map(String) ?? [
    ...new Set([...Object.keys(cells), textColumn]),
  ];
  const rowNumber = [root.rowNumber, root.rowIndex, root.index, root.line].find((v) => typeof v === 'number') as number | undefined;
  return { source: doc.sourcePath ?? doc.name, header, textColumn, rowNumber: rowNumber ?? doc.id, cells };
}

/** One row of a source's CSV in the columns of `header` (its file's first row's), the text column redacted, the others as they were. */
export function redactedRow(header: readonly string[], origin: CsvOrigin, redacted: string): string {
  return csvRow(header.map((column) => (column === origin.textColumn ? redacted : (origin.cells[column] ?? ''))));
}
