import { EXPORT_FORMATS, type ExportFormat, type ExportFormats } from '../model/export-format.ts';
import type { Span } from '../model/span.ts';
import { auditLines } from './audit.ts';
import { conllDocument, conllExpected } from './conll.ts';
import { csvRow } from './csv-writer.ts';
import { FileSink } from './file-sink.ts';
import { jsonlCanonical, jsonlLine } from './jsonl.ts';
import { LABELS_HEADER, labelRows } from './labels-csv.ts';
import { PendingFile } from './output-file.ts';
import type { ExportDocument, ProjectReader } from './project-reader.ts';
import { RecordDigest } from './record-digest.ts';
import type { ReportFile } from './report.ts';
import { conllRoundTrip, jsonlRoundTrip } from './round-trip.ts';
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
  /** Entries of a project-wide file (the audit log) written so far: its progress, as it has no documents. */
  onRows?: (done: number) => void;
}

/** One label-data format: its file, what goes in it, and how the written file is checked. */
interface DataWriter {
  /** The file name before the table's extension. */
  stem: string;
  header(options: DataExportOptions): string;
  /** Written once for the project (the audit log) instead of per document. */
  project?(reader: ProjectReader): Iterable<string>;
  /** A document's lines; `expected` is what the read-back check must find again (its canonical form). */
  document(doc: ExportDocument, spans: Span[], options: DataExportOptions, reader: ProjectReader): { lines: string; expected?: string };
  /** Reads the written file back from disk against the digest of what was meant; no checks for a format that has no reader. */
  verify(path: string, written: RecordDigest, signal: AbortSignal): Promise<Check[]>;
}

const noDocuments = () => ({ lines: '' });
const unchecked = async (): Promise<Check[]> => [];

/** Audit entries between two turns of the event loop: a progress report and a look for a cancel. */
const ROWS_PER_TURN = 2000;

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
      return { lines, expected: jsonlCanonical(doc.text, out) };
    },
    verify: async (path, written, signal) => [await jsonlRoundTrip(path, written, signal)],
  },
  conll: {
    stem: 'spans',
    header: () => '',
    document(doc, spans) {
      // CoNLL cannot nest or overlap entities: overlapping spans merge, the longest names it.
      const merged = mergeRanges(spans)
        .filter((r) => /\S/.test(doc.text.slice(r.start, r.end)))
        .map((r) => ({ start: r.start, end: r.end, label: r.label }));
      return { lines: conllDocument(doc.text, merged, String(doc.id)), expected: conllExpected(String(doc.id), doc.text, merged) };
    },
    verify: async (path, written, signal) => [await conllRoundTrip(path, written, signal)],
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
 * file, then reads the file back from disk and checks it holds what was written (JSONL spans
 * exactly, CoNLL entities token for token) before it gets its final name. Neither side is held
 * in memory: both are running digests (record-digest.ts).
 */
export async function exportData(format: DataFormat, reader: ProjectReader, ids: readonly number[], options: DataExportOptions): Promise<ReportFile> {
  const writer: DataWriter = DATA_WRITERS[format];
  const fileName = dataFileName(format);
  const pending = new PendingFile(options.outDir, fileName, options.overwrite);
  const counts: Record<string, number> = {};
  const written = new RecordDigest();
  const cancelled = (): ReportFile => {
    pending.discard();
    return { documentId: null, file: fileName, pages: null, spansByLabel: counts, checks: [] };
  };
  try {
    const sink = new FileSink(pending.tempPath);
    try {
      sink.write(writer.header(options));
      if (writer.project) await writeProject(writer.project(reader), sink, options);
      else {
        for (const id of ids) {
          if (options.signal.aborted) break;
          const doc = reader.document(id);
          const spans = selectSpans(doc.spans, options.filter);
          for (const [label, n] of Object.entries(countByLabel(spans))) counts[label] = (counts[label] ?? 0) + n;
          const out = writer.document(doc, spans, options, reader);
          // On disk before it is reported done: progress counts documents in the file.
          sink.write(out.lines);
          sink.flush();
          if (out.expected !== undefined) written.add(out.expected);
          options.onDocument();
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      sink.close();
    } finally {
      sink.abandon();
    }
    if (options.signal.aborted) return cancelled();
    const checks = await writer.verify(pending.tempPath, written, options.signal);
    if (options.signal.aborted) return cancelled();
    if (checks.every((c) => c.passed)) pending.commit();
    else pending.discard();
    return { documentId: null, file: fileName, pages: null, spansByLabel: counts, checks };
  } catch (error) {
    pending.discard();
    throw error;
  }
}

/** A project-wide file (the audit log): any number of lines, a turn of the event loop every few thousand. */
async function writeProject(lines: Iterable<string>, sink: FileSink, options: DataExportOptions): Promise<void> {
  let done = 0;
  for (const line of lines) {
    sink.write(line);
    if (++done % ROWS_PER_TURN !== 0) continue;
    options.onRows?.(done);
    await new Promise((resolve) => setImmediate(resolve));
    // Leaving the loop closes the iterator, and with it the query reading the rows.
    if (options.signal.aborted) return;
  }
  options.onRows?.(done);
}
