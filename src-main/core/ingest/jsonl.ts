// JSONL: one JSON object per line, the text in a chosen field. Streamed line by line: a line
// longer than the limit is counted, not held, and skipped; a line nested too deeply is skipped
// before it is parsed; the other lines import.
import { createReadStream } from 'node:fs';
import { IngestError } from './ingest-error.ts';
import { limit, limitError } from './limits.ts';
import { rowDocument, rowTextTooLong, type RowOptions, type RowResult } from './rows.ts';
import { MEDIA_TYPES } from './types.ts';

export async function* readJsonlRows(path: string, fileName: string, options: RowOptions): AsyncGenerator<RowResult> {
  const field = options.textField ?? 'text';
  const maxLine = limit('jsonlLineBytes');
  const maxDepth = limit('jsonDepth');
  const maxText = limit('textChars');
  let lineNo = 0;
  let good = 0;
  let bad = 0;
  for await (const read of lines(path, maxLine)) {
    lineNo++;
    if (typeof read === 'number') {
      bad++;
      yield { problem: `line ${lineNo}: ${limitError('jsonlLineBytes', read, maxLine).message}` };
      continue;
    }
    const line = lineNo === 1 ? read.replace(/^\uFEFF/, '') : read;
    if (line.trim() === '') continue;
    if (depthOver(line, maxDepth)) {
      bad++;
      yield { problem: `line ${lineNo}: ${limitError('jsonDepth', null, maxDepth).message}` };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      bad++;
      yield { problem: `line ${lineNo}: not valid JSON (${(error as Error).message}); line skipped.` };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      bad++;
      yield { problem: `line ${lineNo}: not a JSON object; line skipped.` };
      continue;
    }
    const record = value as Record<string, unknown>;
    const text = record[field];
    if (typeof text !== 'string' || text.trim() === '') {
      bad++;
      yield {
        problem: `line ${lineNo}: no text in field "${field}" (fields: ${Object.keys(record).join(', ')}); line skipped. Choose the field with --jsonl-field.`,
      };
      continue;
    }
    if (text.length > maxText) {
      bad++;
      yield { problem: `line ${lineNo}: ${rowTextTooLong(text.length, maxText, 'line')}` };
      continue;
    }
    const id = options.idField !== undefined ? record[options.idField] : undefined;
    const key = typeof id === 'string' || typeof id === 'number' ? String(id) : String(lineNo);
    const { [field]: _text, ...rest } = record;
    good++;
    yield { document: rowDocument(fileName, MEDIA_TYPES.jsonl, key, text, { jsonl: { line: lineNo, fields: rest } }, { jsonl: { field } }) };
  }
  if (good === 0 && bad === 0) throw new IngestError('empty', 'it has no JSON lines.');
  if (good === 0) throw new IngestError('no_rows', `none of its ${bad} line(s) could be imported (see the messages above).`);
}

const CR = 0x0d;
const LF = 0x0a;

/**
 * The file's lines as text (UTF-8, broken on '\n', '\r\n' or '\r', as readline does), holding at
 * most `max` bytes: a longer line is given as its length in bytes, its text never built.
 */
async function* lines(path: string, max: number): AsyncGenerator<string | number> {
  const stream = createReadStream(path);
  let held: Buffer[] = [];
  let length = 0; // bytes of the current line in earlier chunks
  let afterCR = false; // the last chunk ended in '\r': a '\n' starting the next one belongs to it
  const line = (last: Buffer): string | number => {
    const total = length + last.length;
    const out = total > max ? total : held.length === 0 ? last.toString('utf8') : Buffer.concat([...held, last]).toString('utf8');
    held = [];
    length = 0;
    return out;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = afterCR && chunk[0] === LF ? 1 : 0;
      afterCR = false;
      let nextLF = chunk.indexOf(LF, start);
      let nextCR = chunk.indexOf(CR, start);
      while (nextLF >= 0 || nextCR >= 0) {
        const end = nextCR < 0 || (nextLF >= 0 && nextLF < nextCR) ? nextLF : nextCR;
        yield line(chunk.subarray(start, end));
        start = end + 1;
        if (chunk[end] === CR) {
          if (start === chunk.length) afterCR = true;
          else if (chunk[start] === LF) start++;
        }
        if (nextLF >= 0 && nextLF < start) nextLF = chunk.indexOf(LF, start);
        if (nextCR >= 0 && nextCR < start) nextCR = chunk.indexOf(CR, start);
      }
      const rest = chunk.length - start;
      if (rest > 0) {
        if (length + rest <= max) held.push(chunk.subarray(start));
        else held = [];
        length += rest;
      }
    }
    if (length > 0) yield line(Buffer.alloc(0));
  } finally {
    stream.destroy();
  }
}

/** Whether arrays and objects nest deeper than `max` in this JSON text (strings skipped), found without parsing it. */
function depthOver(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}
