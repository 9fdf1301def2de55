// The row-per-document files: case notes as CSV (RFC 4180 quoting), messages as JSONL.
import { caseNotes, messages } from './sample-texts.ts';

/** A field quoted when it must be: a comma, a quote or a line break inside it. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Case notes with the text in a column named "text", the one the importer reads by default. */
export function caseNotesCsv(): string {
  const rows = [['id', 'opened', 'officer', 'text'], ...caseNotes.map((n) => [n.id, n.opened, n.officer, n.text])];
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One JSON object a line, the text in "text" (the importer's default field). */
export function messagesJsonl(): string {
  return messages.map((m) => JSON.stringify({ id: m.id, from: m.from, sent: m.sent, text: m.text })).join('\n') + '\n';
}
