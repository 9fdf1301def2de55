import { z } from 'zod';
import { DocketError } from '../errors.ts';

/**
 * One line per document in the shape spaCy and Prodigy import: the text, its spans by
 * character offset, and where it came from. Offsets are UTF-16 code units, as everywhere in
 * Docket (and as JavaScript and Prodigy count them).
 */
export const JsonlRecord = z.object({
  text: z.string(),
  spans: z.array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive(), label: z.string() })),
  meta: z.record(z.string(), z.unknown()),
});
export type JsonlRecord = z.infer<typeof JsonlRecord>;

export function jsonlLine(record: JsonlRecord): string {
  return JSON.stringify(record) + '\n';
}

/** Reads an exported (or hand-made) JSONL file back; a bad line is named by number. */
export function readJsonl(content: string, file = 'JSONL file'): JsonlRecord[] {
  const records: JsonlRecord[] = [];
  content.split('\n').forEach((line, index) => {
    const record = parseJsonlLine(line, index + 1, file);
    if (record) records.push(record);
  });
  return records;
}

/**
 * One line of a JSONL file (lines split at \n only, as `readJsonl` splits them): its record,
 * null for a blank line. Re-import and the export's streaming read-back share these rules.
 */
export function parseJsonlLine(line: string, lineNo: number, file = 'JSONL file'): JsonlRecord | null {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new DocketError('bad_jsonl', `${file} line ${lineNo} is not JSON (${(error as Error).message}).`);
  }
  const parsed = JsonlRecord.safeParse(value);
  if (!parsed.success) throw new DocketError('bad_jsonl', `${file} line ${lineNo} is not a {text, spans, meta} record: ${parsed.error.issues[0]?.message}.`);
  for (const span of parsed.data.spans) {
    if (span.end > parsed.data.text.length || span.start >= span.end) {
      throw new DocketError('bad_jsonl', `${file} line ${lineNo} has a span [${span.start}, ${span.end}) outside its text.`);
    }
  }
  return parsed.data;
}

/**
 * What the read-back check compares of a record: its text and its spans in order (not `meta`,
 * which only says where it came from). The same string for the record as exported and as re-read.
 */
export function jsonlCanonical(text: string, spans: ReadonlyArray<{ start: number; end: number; label: string }>): string {
  return JSON.stringify([text, spans.map((s) => [s.start, s.end, s.label])]);
}
