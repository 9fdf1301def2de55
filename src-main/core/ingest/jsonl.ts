// JSONL: one JSON object per line, the text in a chosen field. Streamed line by line.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { IngestError } from './ingest-error.ts';
import { rowDocument, type RowOptions, type RowResult } from './rows.ts';
import { MEDIA_TYPES } from './types.ts';

export async function* readJsonlRows(path: string, fileName: string, options: RowOptions): AsyncGenerator<RowResult> {
  const field = options.textField ?? 'text';
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  let good = 0;
  let bad = 0;
  for await (const raw of lines) {
    lineNo++;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
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
      yield { problem: `line ${lineNo}: no text in field "${field}" (fields: ${Object.keys(record).join(', ')}); line skipped. Choose the field with --jsonl-field.` };
      continue;
    }
    const id = options.idField !== undefined ? record[options.idField] : undefined;
    const key = typeof id === 'string' || typeof id === 'number' ? String(id) : String(lineNo);
    const { [field]: _text, ...rest } = record;
    good++;
    yield { document: rowDocument(fileName, MEDIA_TYPES.jsonl, key, text, { jsonl: { field, line: lineNo, fields: rest } }) };
  }
  if (good === 0 && bad === 0) throw new IngestError('empty', 'it has no JSON lines.');
  if (good === 0) throw new IngestError('no_rows', `none of its ${bad} line(s) could be imported (see the messages above).`);
}
