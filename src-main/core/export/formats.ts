// The writer of every export format, as one table the compiler checks against the format list
// (model/export-format.ts: name, kind, extension). There is no default branch: a format added
// there without a writer here does not compile, instead of silently writing another format.
// Verifiers: redacted PDFs and text are inspected by their writers before they get their name
// (verified-output.ts inspectPdf / inspectText, with the residual scan); label data is read back
// by its entry in data-export.ts.
import { throwIfCancelled, type JobContext } from '../jobs/jobs.ts';
import { EXPORT_FORMATS, type ExportFormat, type ExportFormatInfo } from '../model/export-format.ts';
import { exportCsv } from './csv-export.ts';
import { exportData, type DataFormat } from './data-export.ts';
import type { Request } from './export-job.ts';
import { ocrPixelReader } from './pixel-check.ts';
import type { ProjectReader } from './project-reader.ts';
import { exportRedactedPdf, exportRedactedText, guarded, type RedactionSettings } from './redacted-export.ts';
import { PseudonymBook } from './redacted-text.ts';
import { StringHasher, type ReportInput } from './report.ts';
import type { ResidualFinding, ResidualRules } from './residual-scan.ts';

/** One export under way: what was asked, where the results go, and how to report. */
export interface ExportRun {
  reader: ProjectReader;
  request: Request;
  ids: readonly number[];
  outDir: string;
  outcome: ReportInput;
  job: Pick<JobContext, 'signal' | 'report'>;
  residual: { residualRules: ResidualRules; acceptResidual: ReadonlySet<string> };
  /** Records residual findings the analyst let through, once their file is written. */
  recordAccepted(documentId: number | null, file: string, findings: readonly ResidualFinding[]): void;
  /** One more document done. */
  tick(): void;
}

export interface FormatWriter extends ExportFormatInfo {
  write(run: ExportRun): Promise<void>;
}

type Writer = (run: ExportRun) => Promise<void>;
const entry = <F extends ExportFormat>(format: F, write: Writer) => ({ ...EXPORT_FORMATS[format], write });

export const FORMAT_WRITERS = {
  pdf: entry('pdf', redactedDocuments('pdf')),
  txt: entry('txt', redactedDocuments('txt')),
  csv: entry('csv', redactedCsv),
  jsonl: entry('jsonl', labelData('jsonl')),
  conll: entry('conll', labelData('conll')),
  audit: entry('audit', labelData('audit')),
  'labels-csv': entry('labels-csv', labelData('labels-csv')),
  'spans-csv': entry('spans-csv', labelData('spans-csv')),
} satisfies Record<ExportFormat, FormatWriter>;

/** A verified redacted copy per document; one bad document is a failure, not a stopped batch. */
function redactedDocuments(format: 'pdf' | 'txt'): Writer {
  return async ({ reader, request, ids, outDir, outcome: { files, failures }, job, residual, recordAccepted, tick }) => {
    const hasher = new StringHasher();
    const book = new PseudonymBook();
    const pixels = format === 'pdf' && request.pixelCheck ? ocrPixelReader() : undefined;
    try {
      for (const id of ids) {
        throwIfCancelled(job.signal);
        const doc = reader.document(id);
        const settings = settingsFor(request, id);
        const context = { outDir, hasher, book, signal: job.signal, overwrite: request.overwrite, pixels, ...residual };
        const result = await guarded(`document ${id}`, () =>
          format === 'pdf' ? exportRedactedPdf(doc, settings, context) : exportRedactedText(doc, settings, context),
        );
        if ('reason' in result) failures.push(result);
        else {
          if (result.file) files.push(result.file, ...(result.extraFiles ?? []));
          failures.push(...result.failures);
          if (result.file && result.failures.length === 0) recordAccepted(id, result.file.file, result.accepted);
        }
        tick();
        // A turn of the event loop per document: a cancel sent from another process is read then.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      await pixels?.close();
    }
  };
}

async function redactedCsv({ reader, request, ids, outDir, outcome: { files, failures }, job, residual, recordAccepted, tick }: ExportRun): Promise<void> {
  const csv = await exportCsv(reader, ids, { ...request, outDir, ...residual }, job.signal, tick);
  files.push(...csv.files);
  failures.push(...csv.failures);
  for (const a of csv.accepted) recordAccepted(null, a.file, a.findings);
}

function labelData(format: DataFormat): Writer {
  return async ({ reader, request, ids, outDir, outcome: { files, failures }, job, tick }) => {
    const filter = { status: request.status, minScore: request.minScore };
    const file = await exportData(format, reader, ids, {
      filter,
      includeSpanText: request.includeSpanText,
      outDir,
      overwrite: request.overwrite,
      signal: job.signal,
      onDocument: tick,
      onRows: (done) => job.report({ done, total: null, unit: 'audit entries' }),
    });
    throwIfCancelled(job.signal);
    files.push(file);
    if (!file.checks.every((c) => c.passed))
      failures.push({ file: file.file, page: null, reason: 'the exported file did not read back identically; it was not kept' });
  };
}

function settingsFor(request: Request, documentId: number): RedactionSettings {
  return {
    filter: { status: request.status, minScore: request.minScore },
    overlay: request.overlay,
    boxColour: request.boxColour,
    dpi: request.dpi,
    replacement: request.replacement,
    wholePages: new Set(request.wholePages.filter((w) => w.documentId === documentId).map((w) => w.pageNo)),
    rasteriseAll: request.rasteriseAll,
    pageImages: request.pageImages,
  };
}
