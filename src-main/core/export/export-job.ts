import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExportRequest, type ExportReport } from '../model/export.ts';
import { DocketError } from '../errors.ts';
import { CancelledError, type JobContext } from '../jobs/jobs.ts';
import { FORMAT_WRITERS, type ExportRun } from './formats.ts';
import { removeLeftovers } from './output-file.ts';
import type { ProjectReader } from './project-reader.ts';
import { writeReport, type ReportInput } from './report.ts';

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

async function exportAll(
  reader: ProjectReader,
  request: Request,
  ids: readonly number[],
  outDir: string,
  outcome: ReportInput,
  job: Pick<JobContext, 'signal' | 'report'>,
): Promise<void> {
  const residual = { residualRules: reader.residualRules(), acceptResidual: new Set(request.acceptResidual) };
  // Residual findings the analyst accepted shipped on their word: the project keeps a record,
  // written as soon as the file is.
  const recordAccepted: ExportRun['recordAccepted'] = (documentId, file, findings) => {
    if (findings.length === 0) return;
    reader.recordAudit({
      action: 'export.residual_accepted',
      entity: 'document',
      entityId: documentId,
      after: { file, outDir, findings: findings.map(({ id, label, page, detector }) => ({ id, label, page, detector })) },
    });
  };
  let done = 0;
  const total = ids.length;
  const tick = () => job.report({ done: ++done, total, unit: 'documents' });
  job.report({ done: 0, total, unit: 'documents' });
  await FORMAT_WRITERS[request.format].write({ reader, request, ids, outDir, outcome, job, residual, recordAccepted, tick });
}

/** The options, minus anything that could hold document content. */
function reportOptions(request: Request): Record<string, unknown> {
  const { outDir: _outDir, ...rest } = request;
  return rest;
}
