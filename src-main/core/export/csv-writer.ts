// RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; CRLF rows.

export type Cell = string | number | boolean | null | undefined;

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly Cell[]): string {
  return cells.map(csvField).join(',') + '\r\n';
}

/**
 * For label data opened in a spreadsheet: a cell that starts like a formula is prefixed with
 * an apostrophe, so a document named "=HYPERLINK(...)" cannot run anything (CSV injection).
 * Not used for redacted re-exports of CSV sources, whose cells must stay as they were.
 */
export function inert(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
