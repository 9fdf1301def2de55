import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { auditLines } from './audit.ts';
import { conllDocument, entitiesOf, readConll, tokenize } from './conll.ts';
import { csvRow } from './csv-writer.ts';
import { jsonlLine, readJsonl } from './jsonl.ts';
import { LABELS_HEADER, labelRows } from './labels-csv.ts';
import { PendingFile } from './output-file.ts';
import type { ProjectReader } from './project-reader.ts';
import type { ReportFile } from './report.ts';
import { countByLabel, mergeRanges, selectSpans, type SpanFilter } from './selection.ts';
import { spanRows, spansHeader } from './spans-csv.ts';
import type { Check } from './verify.ts';

export type DataFormat = 'jsonl' | 'conll' | 'labels-csv' | 'spans-csv' | 'audit';

export interface DataExportOptions {
  filter: SpanFilter;
  includeSpanText: boolean;
  outDir: string;
  /** Replace a file already in the folder (the user said so). */
  overwrite: boolean;
  signal: AbortSignal;
  onDocument: () => void;
}

const FILE_NAMES: Record<DataFormat, string> = {
  jsonl: 'spans.jsonl',
  conll: 'spans.conll',
  'labels-csv': 'labels.csv',
  'spans-csv': 'spans.csv',
  audit: 'audit.jsonl',
};

/**
 * Label data for the whole selection in one file. Streams document by document into a temp
 * file, then checks the file reads back to what was written (JSONL spans exactly, CoNLL
 * entities token for token) before it gets its final name.
 */
export async function exportData(format: DataFormat, reader: ProjectReader, ids: readonly number[], options: DataExportOptions): Promise<ReportFile> {
  const pending = new PendingFile(options.outDir, FILE_NAMES[format], options.overwrite);
  const fd = openSync(pending.tempPath, 'w', 0o600);
  const write = (s: string) => writeSync(fd, s);
  const counts: Record<string, number> = {};
  const expected: Array<{ spans: Array<{ start: number; end: number; label: string }>; text: string; id: number }> = [];
  try {
    if (format === 'labels-csv') write(csvRow(LABELS_HEADER));
    if (format === 'spans-csv') write(spansHeader(options.includeSpanText));
    if (format === 'audit') {
      for (const line of auditLines(reader.auditRows())) write(line);
    } else {
      for (const id of ids) {
        if (options.signal.aborted) break;
        const doc = reader.document(id);
        const spans = selectSpans(doc.spans, options.filter);
        for (const [label, n] of Object.entries(countByLabel(spans))) counts[label] = (counts[label] ?? 0) + n;
        if (format === 'jsonl') {
          const out = spans.map((s) => ({ start: s.start, end: s.end, label: s.label }));
          write(jsonlLine({ text: doc.text, spans: out, meta: { documentId: doc.id, name: doc.name, mediaType: doc.mediaType, spanIds: spans.map((s) => s.id) } }));
          expected.push({ spans: out, text: doc.text, id: doc.id });
        } else if (format === 'conll') {
          // CoNLL cannot nest or overlap entities: overlapping spans merge, the longest names it.
          const merged = mergeRanges(spans)
            .filter((r) => /\S/.test(doc.text.slice(r.start, r.end)))
            .map((r) => ({ start: r.start, end: r.end, label: r.label }));
          write(conllDocument(doc.text, merged, String(doc.id)));
          expected.push({ spans: merged, text: doc.text, id: doc.id });
        } else if (format === 'labels-csv') {
          const labels = doc.labels.filter((l) => l.status !== 'rejected' && (options.filter.status === 'all' || l.status === 'accepted') && (options.filter.minScore === undefined || l.score === null || l.score >= options.filter.minScore));
          write(labelRows(doc.name, labels, (runId) => reader.runModel(runId)));
        } else {
          write(spanRows(spans, { documentName: doc.name, text: doc.text, pages: doc.pages, includeText: options.includeSpanText }));
        }
        options.onDocument();
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  } finally {
    closeSync(fd);
  }
  if (options.signal.aborted) {
    pending.discard();
    return { documentId: null, file: FILE_NAMES[format], pages: null, spansByLabel: counts, checks: [] };
  }
  const checks = roundTrip(format, readFileSync(pending.tempPath, 'utf8'), expected);
  if (checks.every((c) => c.passed)) pending.commit();
  else pending.discard();
  return { documentId: null, file: FILE_NAMES[format], pages: null, spansByLabel: counts, checks };
}

function roundTrip(format: DataFormat, content: string, expected: ReadonlyArray<{ spans: Array<{ start: number; end: number; label: string }>; text: string; id: number }>): Check[] {
  if (format === 'jsonl') {
    const records = readJsonl(content);
    const same = records.length === expected.length && records.every((r, i) => r.text === expected[i]!.text && JSON.stringify(r.spans) === JSON.stringify(expected[i]!.spans));
    return [{ name: 'round-trip', passed: same, detail: same ? `${records.length} records re-read; text and spans identical` : 'the file does not read back to the exported spans' }];
  }
  if (format === 'conll') {
    const docs = readConll(content);
    let same = docs.length === expected.length;
    for (let i = 0; same && i < docs.length; i++) {
      const want = expected[i]!;
      const tokens = tokenize(want.text, new Set(want.spans.flatMap((s) => [s.start, s.end])));
      const wanted = want.spans.map((s) => ({
        start: tokens.findIndex((t) => t.start >= s.start),
        end: tokens.findLastIndex((t) => t.end <= s.end) + 1,
        label: s.label,
      }));
      same = docs[i]!.tokens.join(' ') === tokens.map((t) => t.text).join(' ') && JSON.stringify(entitiesOf(docs[i]!.tags)) === JSON.stringify(wanted);
    }
    return [{ name: 'round-trip', passed: same, detail: same ? `${docs.length} documents re-read; tokens and entities identical` : 'the file does not read back to the exported entities' }];
  }
  return [];
}
