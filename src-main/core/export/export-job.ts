import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExportRequest, type ExportReport } from '../api/contract.ts';
import { DocketError } from '../errors.ts';
import { CancelledError, throwIfCancelled, type JobContext } from '../jobs/jobs.ts';
import { exportCsv } from './csv-export.ts';
import { exportData } from './data-export.ts';
import { removeLeftovers } from './output-file.ts';
import type { ProjectReader } from './project-reader.ts';
import { exportRedactedPdf, exportRedactedText, guarded, type RedactionSettings } from './redacted-export.ts';
import { PseudonymBook } from './redacted-text.ts';
import { StringHasher, writeReport, type ReportInput } from './report.ts';
import type { ResidualFinding } from './residual-scan.ts';
import { ocrPixelReader } from './pixel-check.ts';

export { REPORT_JSON, REPORT_TEXT } from './report.ts';

export type Request = ReturnType<typeof ExportRequest.parse>;

/**
 * One export: the chosen documents in the chosen format into outDir, every redacted file
 * verified before it gets its name, and a report (JSON + text) beside them. A document that
 * fails (unreadable, or a leak found) is named in the report and has no output; the others go on.
 */
export async function runExport(reader: ProjectReader, input: unknown, job: Pick<JobContext, 'signal' | 'report'>): Promise<ExportReport> {
  const request = ExportRequest.parse(input);
  const outDir = resolve(request.outDir);
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    throw new DocketError('export_dir', `Cannot create the export folder ${outDir} (${(error as Error).message}); choose another folder.`);
  }
  const startedAt = new Date();
  const ids = reader.documentIds(request.documentIds);
  const outcome: ReportInput = { format: request.format, outDir, options: reportOptions(request), files: [], failures: [], startedAt };
  // First the folder says an export is under way (and what an earlier, interrupted one left
  // behind is gone): if this one is killed, the folder says so instead of showing an old "ok".
  // A folder holding another export is replaced only with consent (its report is the first file).
  removeLeftovers(outDir);
  writeReport(outDir, outcome, 'in-progress', request.overwrite);
  try {
    await exportAll(reader, request, ids, outDir, outcome, job);
  } catch (error) {
    if (error instanceof CancelledError || job.signal.aborted) writeReport(outDir, outcome, 'cancelled', true);
    throw error;
  }
  return writeReport(outDir, outcome, 'complete', true);
}

async function exportAll(reader: ProjectReader, request: Request, ids: readonly number[], outDir: string, outcome: ReportInput, job: Pick<JobContext, 'signal' | 'report'>): Promise<void> {
  const { files, failures } = outcome;
  const residual = { residualRules: reader.residualRules(), acceptResidual: new Set(request.acceptResidual) };
  // Residual findings the analyst accepted shipped on their word: the project keeps a record,
  // written as soon as the file is.
  const recordAccepted = (documentId: number | null, file: string, findings: readonly ResidualFinding[]) => {
    if (findings.length === 0) return;
    reader.recordAudit({ action: 'export.residual_accepted', entity: 'document', entityId: documentId, after: { file, outDir, findings: findings.map(({ id, label, page, detector }) => ({ id, label, page, detector })) } });
  };
  let done = 0;
  const total = ids.length;
  const tick = () => job.report({ done: ++done, total, unit: 'documents' });
  job.report({ done: 0, total, unit: 'documents' });

  if (request.format === 'pdf' || request.format === 'txt') {
    const hasher = new StringHasher();
    const book = new PseudonymBook();
    const pixels = request.format === 'pdf' && request.pixelCheck ? ocrPixelReader() : undefined;
    try {
      for (const id of ids) {
        throwIfCancelled(job.signal);
        const doc = reader.document(id);
        const settings = settingsFor(request, id);
        const context = { outDir, hasher, book, signal: job.signal, overwrite: request.overwrite, pixels, ...residual };
        const result = await guarded(`document ${id}`, () =>
          request.format === 'pdf' ? exportRedactedPdf(doc, settings, context) : exportRedactedText(doc, settings, context),
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
  } else if (request.format === 'csv') {
    const csv = await exportCsv(reader, ids, { ...request, outDir, ...residual }, job.signal, tick);
    files.push(...csv.files);
    failures.push(...csv.failures);
    for (const a of csv.accepted) recordAccepted(null, a.file, a.findings);
  } else {
    const filter = { status: request.status, minScore: request.minScore };
    const file = await exportData(request.format, reader, ids, { filter, includeSpanText: request.includeSpanText, outDir, overwrite: request.overwrite, signal: job.signal, onDocument: tick });
    throwIfCancelled(job.signal);
    files.push(file);
    if (!file.checks.every((c) => c.passed)) failures.push({ file: file.file, page: null, reason: 'the exported file did not read back identically; it was not kept' });
  }
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

/** The options, minus anything that could hold document content. */
function reportOptions(request: Request): Record<string, unknown> {
  const { outDir: _outDir, ...rest } = request;
  return rest;
}

