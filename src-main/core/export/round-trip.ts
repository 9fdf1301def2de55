// The read-back check of label data: the written file is read from disk line by line, parsed
// with the rules re-import uses (jsonl.ts, conll.ts), and each record compared, as a running
// digest, with what the exporter meant to write. Memory stays flat whatever the file's size.
import { DocketError } from '../errors.ts';
import { ConllReader, conllCanonical } from './conll.ts';
import { jsonlCanonical, parseJsonlLine } from './jsonl.ts';
import { textLines } from './read-back.ts';
import { RecordDigest } from './record-digest.ts';
import type { Check } from './verify.ts';

/** JSONL: every record's text and spans, in order, exactly as exported. */
export async function jsonlRoundTrip(path: string, written: RecordDigest, signal: AbortSignal): Promise<Check> {
  const read = new RecordDigest();
  for await (const { line, number } of textLines(path)) {
    if (signal.aborted) break;
    let record;
    try {
      record = parseJsonlLine(line, number);
    } catch (error) {
      if (!(error instanceof DocketError)) throw error;
      // Not the parser's message: it may quote the line, and reports never hold document text.
      return failed(`the file does not read back to the exported spans (line ${number} is not a valid record)`);
    }
    if (record) read.add(jsonlCanonical(record.text, record.spans));
  }
  return compare(read, written, 'records', 'text and spans identical', 'the file does not read back to the exported spans');
}

/** CoNLL: every document's tokens and entities (as token ranges), in order. */
export async function conllRoundTrip(path: string, written: RecordDigest, signal: AbortSignal): Promise<Check> {
  const read = new RecordDigest();
  const reader = new ConllReader();
  for await (const { line } of textLines(path)) {
    if (signal.aborted) break;
    const doc = reader.line(line);
    if (doc) read.add(conllCanonical(doc));
  }
  const last = reader.end();
  if (last) read.add(conllCanonical(last));
  return compare(read, written, 'documents', 'tokens and entities identical', 'the file does not read back to the exported entities');
}

function compare(read: RecordDigest, written: RecordDigest, unit: string, same: string, differs: string): Check {
  const count = read.count;
  const counts = count === written.count ? `` : ` (${written.count} ${unit} written, ${count} re-read)`;
  if (read.seal() === written.seal()) return { name: 'round-trip', passed: true, detail: `${count} ${unit} re-read; ${same}` };
  return failed(differs + counts);
}

function failed(detail: string): Check {
  return { name: 'round-trip', passed: false, detail };
}
