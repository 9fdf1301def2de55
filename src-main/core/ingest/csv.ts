// CSV/TSV: each row becomes a document. Streamed: a 100 MB file never sits in memory.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { IngestError } from './ingest-error.ts';
import { rowDocument, type RowOptions, type RowResult } from './rows.ts';
import { MEDIA_TYPES } from './types.ts';

export async function* readCsvRows(path: string, fileName: string, kind: 'csv' | 'tsv', options: RowOptions): AsyncGenerator<RowResult> {
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      delimiter: kind === 'tsv' ? '\t' : ',',
      relax_column_count: true,
      relax_quotes: kind === 'tsv',
      skip_empty_lines: true,
      info: true,
    }),
  );
  let header: string[] | null = null;
  let textIndex = -1;
  let idIndex = -1;
  let rowNumber = 0;
  const ragged = { count: 0, first: 0 };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = record.map((h) => h.trim());
        textIndex = pickTextColumn(header, options.textField);
        idIndex = options.idField === undefined ? -1 : header.indexOf(options.idField);
        if (options.idField !== undefined && idIndex < 0) {
          throw new IngestError('no_column', `it has no id column "${options.idField}"; its columns are: ${header.join(', ')}.`);
        }
        continue;
      }
      rowNumber++;
      if (record.length !== header.length) {
        if (ragged.count++ === 0) ragged.first = info.lines;
      }
      const text = record[textIndex] ?? '';
      if (text.trim() === '') {
        yield { problem: `row ${rowNumber} (line ${info.lines}): the "${header[textIndex]}" cell is empty; row skipped.` };
        continue;
      }
      const key = idIndex >= 0 && record[idIndex] ? record[idIndex]! : String(rowNumber);
      const columns: Record<string, string> = {};
      header.forEach((h, i) => {
        if (i !== textIndex) columns[h] = record[i] ?? '';
      });
      const mediaType = MEDIA_TYPES[kind];
      yield { document: rowDocument(fileName, mediaType, key, text, { csv: { header, textColumn: header[textIndex], rowNumber, row: columns } }) };
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    const e = error as Error & { code?: string; lines?: number };
    throw new IngestError('bad_csv', `it is not well-formed ${kind.toUpperCase()}${e.lines ? ` near line ${e.lines}` : ''}: ${e.message}. Fix the quoting there and import again.`);
  }
  if (!header) throw new IngestError('empty', 'it has no header row and no data.');
  if (ragged.count > 0) {
    yield { problem: `${ragged.count} row(s) have a different number of cells than the header (first at line ${ragged.first}); missing cells were read as empty.` };
  }
}

function pickTextColumn(header: string[], wanted: string | undefined): number {
  if (wanted !== undefined) {
    const index = header.indexOf(wanted);
    if (index < 0) throw new IngestError('no_column', `it has no column "${wanted}"; its columns are: ${header.join(', ')}. Pick one with --csv-column.`);
    return index;
  }
  const index = header.findIndex((h) => h.toLowerCase() === 'text');
  if (index >= 0) return index;
  if (header.length === 1) return 0;
  throw new IngestError('no_column', `it has no "text" column; choose the column that holds the text with --csv-column (columns: ${header.join(', ')}).`);
}
