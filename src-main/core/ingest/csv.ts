// CSV/TSV: each row becomes a document. Streamed: a 100 MB file never sits in memory, and
// neither does one huge row: RowLimiter measures each row before csv-parse sees it and passes a
// row longer than the limit on as a marker, so that row is reported and skipped and the others import.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { parse } from 'csv-parse';
import { IngestError } from './ingest-error.ts';
import { formatAmount, limit, LIMITS, limitError } from './limits.ts';
import { rowDocument, rowTextTooLong, type RowOptions, type RowResult } from './rows.ts';
import { MEDIA_TYPES } from './types.ts';

export async function* readCsvRows(path: string, fileName: string, kind: 'csv' | 'tsv', options: RowOptions): AsyncGenerator<RowResult> {
  const maxRow = limit('csvRowBytes');
  const maxText = limit('textChars');
  const delimiter = kind === 'tsv' ? '\t' : ',';
  const limiter = new RowLimiter(delimiter.charCodeAt(0), maxRow);
  const source = createReadStream(path);
  const parser = source.pipe(limiter).pipe(
    parse({
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: kind === 'tsv',
      skip_empty_lines: true,
      info: true,
      // RowLimiter keeps longer rows away; this bounds csv-parse even where the two read quoting differently.
      max_record_size: maxRow,
    }),
  );
  source.on('error', (error) => parser.destroy(error));
  let header: string[] | null = null;
  let textIndex = -1;
  let idIndex = -1;
  let rowNumber = 0;
  let lineShift = 0; // line breaks inside rows the limiter took out
  const ragged = { count: 0, first: 0 };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const tooLong = record.length === 1 ? limiter.marker(record[0]!) : null;
      if (tooLong) lineShift += tooLong.lineBreaks;
      const line = info.lines + lineShift;
      if (!header) {
        if (tooLong) {
          const spec = LIMITS.csvRowBytes;
          throw new IngestError(
            'too_large',
            `its header row is more than ${formatAmount(maxRow, spec.unit)} long; Docket reads CSV rows of up to ${formatAmount(maxRow, spec.unit)} (${spec.env} raises it). Check that it is a ${kind.toUpperCase()} file.`,
          );
        }
        header = record.map((h) => h.trim());
        textIndex = pickTextColumn(header, options.textField);
        idIndex = options.idField === undefined ? -1 : header.indexOf(options.idField);
        if (options.idField !== undefined && idIndex < 0) {
          throw new IngestError('no_column', `it has no id column "${options.idField}"; its columns are: ${header.join(', ')}.`);
        }
        continue;
      }
      rowNumber++;
      if (tooLong) {
        yield { problem: `row ${rowNumber} (line ${line}): ${limitError('csvRowBytes', tooLong.bytes, maxRow).message}` };
        continue;
      }
      if (record.length !== header.length) {
        if (ragged.count++ === 0) ragged.first = line;
      }
      const text = record[textIndex] ?? '';
      if (text.trim() === '') {
        yield { problem: `row ${rowNumber} (line ${line}): the "${header[textIndex]}" cell is empty; row skipped.` };
        continue;
      }
      if (text.length > maxText) {
        yield { problem: `row ${rowNumber} (line ${line}): ${rowTextTooLong(text.length, maxText, 'row')}` };
        continue;
      }
      const key = idIndex >= 0 && record[idIndex] ? record[idIndex]! : String(rowNumber);
      const columns: Record<string, string> = {};
      header.forEach((h, i) => {
        if (i !== textIndex) columns[h] = record[i] ?? '';
      });
      const mediaType = MEDIA_TYPES[kind];
      // The header and text column are the file's, stored once (the store gives them back with each row).
      const shared = { csv: { header, textColumn: header[textIndex] } };
      yield { document: rowDocument(fileName, mediaType, key, text, { csv: { rowNumber, row: columns } }, shared) };
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    const e = error as Error & { code?: string; lines?: number };
    if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR') throw new IngestError('unreadable', `it cannot be read (${e.code}).`);
    if (e.code === 'CSV_MAX_RECORD_SIZE') {
      throw new IngestError(
        'too_large',
        `near line ${(e.lines ?? 0) + lineShift} a row runs on past ${formatAmount(maxRow, 'bytes')} (an unclosed quote?); Docket reads CSV rows of up to ${formatAmount(maxRow, 'bytes')} (${LIMITS.csvRowBytes.env} raises it). Fix the quoting there and import again.`,
      );
    }
    throw new IngestError(
      'bad_csv',
      `it is not well-formed ${kind.toUpperCase()}${e.lines ? ` near line ${e.lines + lineShift}` : ''}: ${e.message}. Fix the quoting there and import again.`,
    );
  } finally {
    source.destroy();
    limiter.destroy();
    parser.destroy();
  }
  if (!header) throw new IngestError('empty', 'it has no header row and no data.');
  if (ragged.count > 0) {
    yield {
      problem: `${ragged.count} row(s) have a different number of cells than the header (first at line ${ragged.first}); missing cells were read as empty.`,
    };
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Passes CSV bytes through unchanged, row by row, holding at most `maxRow` bytes of a row that
 * spans chunks. A row longer than that is dropped as it streams and replaced by one marker cell
 * (with the row's length and the line breaks it held, so later line numbers stay right); its
 * line ending is kept, so csv-parse reads the same rows, in the same numbers. Quoting is followed
 * as csv-parse does: a quote opens a quoted cell only at the start of a cell, `""` inside one is
 * a quote, line breaks inside one are data.
 */
class RowLimiter extends Transform {
  readonly #delimiter: number;
  readonly #max: number;
  readonly #token = `DOCKET-ROW-TOO-LONG-${randomBytes(8).toString('hex')}`;
  /** The current row's bytes from earlier chunks, while it fits; dropped once it does not. */
  #held: Buffer[] = [];
  #length = 0; // bytes of the current row in earlier chunks
  #lineBreaks = 0; // CR/LF inside the current row (quoted)
  #inQuotes = false;
  #quoteSeen = false; // in a quoted cell, the last byte was a quote: closing, or the first of ""
  #cellStart = true;

  constructor(delimiter: number, max: number) {
    super();
    this.#delimiter = delimiter;
    this.#max = max;
  }

  /** The row this cell stands for, when it is the marker of a row that was too long. */
  marker(cell: string): { bytes: number; lineBreaks: number } | null {
    if (!cell.startsWith(this.#token)) return null;
    const [bytes, lineBreaks] = cell
      .slice(this.#token.length + 1)
      .split('-')
      .map(Number);
    return { bytes: bytes!, lineBreaks: lineBreaks! };
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let flushFrom = 0; // bytes before this are pushed
    let rowStart = 0; // where the current row starts in this chunk (0 when it began earlier)
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (this.#quoteSeen) {
        this.#quoteSeen = false;
        if (b === QUOTE) continue; // "" inside a quoted cell
        this.#inQuotes = false;
      }
      if (this.#inQuotes) {
        if (b === QUOTE) this.#quoteSeen = true;
        else if (b === CR || b === LF) this.#lineBreaks++;
        continue;
      }
      if (b === QUOTE && this.#cellStart) {
        this.#inQuotes = true;
        this.#cellStart = false;
      } else if (b === this.#delimiter) {
        this.#cellStart = true;
      } else if (b === CR || b === LF) {
        // The row ends before this line break, which stays as it is (csv-parse learns the line ending from it).
        flushFrom = this.#endRow(chunk, flushFrom, rowStart, i);
        rowStart = i + 1;
      } else {
        this.#cellStart = false;
      }
    }
    this.#keep(chunk, flushFrom, rowStart);
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.#length > 0) this.#endRow(Buffer.alloc(0), 0, 0, 0);
    done();
  }

  /** The row [rowStart, end) of this chunk (after any held part) is complete; returns the new flushFrom. */
  #endRow(chunk: Buffer, flushFrom: number, rowStart: number, end: number): number {
    const length = this.#length + (end - rowStart);
    const tooLong = length > this.#max;
    if (this.#held.length > 0 || tooLong) {
      if (rowStart > flushFrom) this.push(chunk.subarray(flushFrom, rowStart)); // rows before it, in order
      if (tooLong) this.push(Buffer.from(`${this.#token}-${length}-${this.#lineBreaks}`));
      else for (const part of this.#held) this.push(part);
      flushFrom = tooLong ? end : rowStart;
    }
    this.#held = [];
    this.#length = 0;
    this.#lineBreaks = 0;
    this.#cellStart = true;
    return flushFrom;
  }

  /** End of a chunk: complete rows go on, the unfinished one is held (or, once too long, only counted). */
  #keep(chunk: Buffer, flushFrom: number, rowStart: number): void {
    if (rowStart > flushFrom) this.push(chunk.subarray(flushFrom, rowStart));
    const rest = chunk.length - rowStart;
    if (rest === 0) return;
    const fits = this.#length + rest <= this.#max;
    this.#length += rest;
    if (fits) this.#held.push(chunk.subarray(rowStart));
    else this.#held = [];
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
