import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { EXPORT_FORMATS, type ExportFormat, type ExportFormats } from '../model/export-format.ts';
import type { Span } from '../model/span.ts';
import { auditLines } from './audit.ts';
import { conllDocument, entitiesOf, readConll, tokenize } from './conll.ts';
import { csvRow } from './csv-writer.ts';
import { jsonlLine, readJsonl } from './jsonl.ts';
import { LABELS_HEADER, labelRows } from './labels-csv.ts';
import { PendingFile } from './output-file.ts';
import type { ExportDocument, ProjectReader } from './project-reader.ts';
import type { ReportFile } from './report.ts';
import { countByLabel, mergeRanges, selectSpans, type SpanFilter } from './selection.ts';
import { spanRows, spansHeader } from './spans-csv.ts';
import type { Check } from './verify.ts';

/** The label-data formats of the export table: one file for the whole selection. */
export type DataFormat = { [F in ExportFormat]: ExportFormats[F]['kind'] extends 'label data' ? F : never }[ExportFormat];

export interface DataExportOptions {
  filter: SpanFilter;
  includeSpanText: boolean;
  outDir: string;
  /** Replace a file already in the folder (the user said so). */
  overwrite: boolean;
  signal: AbortSignal;
  onDocument: () => void;
}

/** What a document was written as, for the read-back check. */
interface Written {
  spans: Array<{ start: number; end: number; label: string }>;
  text: string;
  id: number;
}

/** One label-data format: its file, what goes in it, and how the written file is checked. */
interface DataWriter {
  /** The file name before the table's extension. */
  stem: string;
  header(options: DataExportOptions): string;
  /** Written once for the project (the audit log) instead of per document. */
  project?(reader: ProjectReader): Iterable<string>;
  /** A document's lines; `expected` is what the read-back check must find again. */
  document(doc: ExportDocument, spans: Span[], options: DataExportOptions, reader: ProjectReader): { lines: string; expected?: Written };
  /** Reads the written file back; no checks for a format that has no reader. */
  verify(content: string, expected: readonly Written[]): Check[];
}

const noDocuments = () => ({ lines: '' });
const unchecked = (): Check[] => [];

/** Every label-data format, no default: a format without an entry does not compile. */
const DATA_WRITERS = {
  jsonl: {
    stem: 'spans',
    header: () => '',
    document(doc, spans) {
      const out = spans.map((s) => ({ start: s.start, end: s.end, label: s.label }));
      const lines = jsonlLine({
        text: doc.text,
        spans: out,
        meta: { documentId: doc.id, name: doc.name, mediaType: doc.mediaType, spanIds: spans.map((s) => s.id) },
      });
      return { lines, expected: { spans: out, text: doc.text, id: doc.id } };
    },
    verify: verifyJsonl,
  },
  conll: {
    stem: 'spans',
    header: () => '',
    document(doc, spans) {
      // CoNLL cannot nest or overlap entities: overlapping spans merge, the longest names it.
      const merged = mergeRanges(spans)
        .filter((r) => /\S/.test(doc.text.slice(r.start, r.end)))
        .map((r) => ({ start: r.start, end: r.end, label: r.label }));
      return { lines: conllDocument(doc.text, merged, String(doc.id)), expected: { spans: merged, text: doc.text, id: doc.id } };
    },
    verify: verifyConll,
  },
  'labels-csv': {
    stem: 'labels',
    header: () => csvRow(LABELS_HEADER),
    document(doc, _spans, { filter }, reader) {
      const labels = doc.labels.filter(
        (l) =>
          l.status !== 'rejected' &&
          (filter.status === 'all' || l.status === 'accepted') &&
          (filter.minScore === undefined || l.score === null || l.score >= filter.minScore),
      );
      return { lines: labelRows(doc.name, labels, (runId) => reader.runModel(runId)) };
    },
    verify: unchecked,
  },
  'spans-csv': {
    stem: 'spans',
    header: (options) => spansHeader(options.includeSpanText),
    document: (doc, spans, options) => ({
      lines: spanRows(spans, { documentName: doc.name, text: doc.text, pages: doc.pages, includeText: options.includeSpanText }),
    }),
    verify: unchecked,
  },
  audit: {
    stem: 'audit',
    header: () => '',
    project: (reader) => auditLines(reader.auditRows()),
    document: noDocuments,
    verify: unchecked,
  },
} satisfies Record<DataFormat, DataWriter>;

export function dataFileName(format: DataFormat): string {
  return `${DATA_WRITERS[format].stem}.${EXPORT_FORMATS[format].extension}`;
}

/**
 * Label data for the whole selection in one file. Streams document by document into a temp
 * file, then checks the file reads back to what was written (JSONL spans exactly, CoNLL
 * entities token for token) before it gets its final name.
 */
export async function exportData(format: DataFormat, reader: ProjectReader, ids: readonly number[], options: DataExportOptions): Promise<ReportFile> {
  const writer: DataWriter = DATA_WRITERS[format];
  const fileName = dataFileName(format);
  const pending = new PendingFile(options.outDir, fileName, options.overwrite);
  const fd = openSync(pending.tempPath, 'w', 0o600);
  const write = (s: string) => writeSync(fd, s);
  const counts: Record<string, number> = {};
  const expected: Written[] = [];
  try {
    write(writer.header(options));
    if (writer.project) {
      for (const line of writer.project(reader)) write(line);
    } else {
      for (const id of ids) {
        if (options.signal.aborted) break;
        const doc = reader.document(id);
        const spans = selectSpans(doc.spans, options.filter);
        for (const [label, n] of Object.entries(countByLabel(spans))) counts[label] = (counts[label] ?? 0) + n;
        const out = writer.document(doc, spans, options, reader);
        write(out.lines);
        if (out.expected) expected.push(out.expected);
        options.onDocument();
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  } finally {
    closeSync(fd);
  }
  if (options.signal.aborted) {
    pending.discard();
    return { documentId: null, file: fileName, pages: null, spansByLabel: counts, checks: [] };
  }
  const checks = writer.verify(readFileSync(pending.tempPath, 'utf8'), expected);
  if (checks.every((c) => c.passed)) pending.commit();
  else pending.discard();
  return { documentId: null, file: fileName, pages: null, spansByLabel: counts, checks };
}

function verifyJsonl(content: string, expected: readonly Written[]): Check[] {
  const records = readJsonl(content);
  const same =
    records.length === expected.length &&
    records.every((r, i) => r.text === expected[i]!.text && JSON.stringify(r.spans) === JSON.stringify(expected[i]!.spans));
  return [
    {
      name: 'round-trip',
      passed: same,
      detail: same ? `${records.length} records re-read; text and spans identical` : 'the file does not read back to the exported spans',
    },
  ];
}

function verifyConll(content: string, expected: readonly Written[]): Check[] {
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
  return [
    {
      name: 'round-trip',
      passed: same,
      detail: same ? `${docs.length} documents re-read; tokens and entities identical` : 'the file does not read back to the exported entities',
    },
  ];
}
