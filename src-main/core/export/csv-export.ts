import { throwIfCancelled } from '../jobs/jobs.ts';
import type { Request } from './export-job.ts';
import { inspectCsvFile } from './csv-inspection.ts';
import { CsvOutput } from './csv-output.ts';
import type { ProjectReader } from './project-reader.ts';
import { csvOrigin } from './redacted-csv.ts';
import { planRedaction } from './redacted-export.ts';
import { PseudonymBook, redactText } from './redacted-text.ts';
import { StringHasher, type ReportFile } from './report.ts';
import type { ResidualFinding, ResidualRules } from './residual-scan.ts';
import { settleVerified, type Failure } from './verified-output.ts';

type CsvRequest = Omit<Request, 'acceptResidual'> & { residualRules: ResidualRules; acceptResidual: ReadonlySet<string> };

/**
 * CSV sources come back as CSV, one file per source, the text column redacted and the other
 * columns as they were; documents that are not CSV rows go to documents.csv (id, name, text).
 * Streams: each row goes to its file as its document is redacted (csv-output.ts), and each file
 * is checked by reading it back from disk (csv-inspection.ts), so a project of a million rows
 * takes the memory of one document and the redacted strings.
 */
export async function exportCsv(
  reader: ProjectReader,
  ids: readonly number[],
  request: CsvRequest,
  signal: AbortSignal,
  tick: () => void,
): Promise<{ files: ReportFile[]; failures: Failure[]; accepted: Array<{ documentId: null; file: string; findings: ResidualFinding[] }> }> {
  const hasher = new StringHasher();
  const book = new PseudonymBook();
  const outputs = new Map<string, CsvOutput>();
  const files: ReportFile[] = [];
  const failures: Failure[] = [];
  const accepted: Array<{ documentId: null; file: string; findings: ResidualFinding[] }> = [];
  try {
    let current: CsvOutput | undefined;
    for (const id of ids) {
      throwIfCancelled(signal);
      const doc = reader.document(id);
      const plan = planRedaction(doc, { status: request.status, minScore: request.minScore }, hasher);
      const redacted = redactText(doc.text, plan.ranges, request.replacement, book);
      const origin = csvOrigin(doc);
      const key = origin ? `source:${origin.source}` : 'documents';
      const output = outputs.get(key) ?? outputs.set(key, new CsvOutput(request.outDir, origin?.source ?? null, id)).get(key)!;
      // One file descriptor open at a time, however many sources interleave.
      if (current !== output) current?.pause();
      current = output;
      output.add(doc, plan, redacted, origin);
      tick();
      await new Promise((resolve) => setImmediate(resolve));
    }
    // documents.csv last, as before: CSV sources first in the order they were met.
    const ordered = [...outputs.values()].sort((a, b) => Number(a.source === null) - Number(b.source === null));
    for (const output of ordered) {
      const { name, pending } = await output.finish(request.outDir, request.overwrite, signal);
      const residual = output.residual.context(request.residualRules, request.acceptResidual);
      const promise = { needles: [...output.needles.values()], labelOf: output.labelOf, spansOf: output.spansOf };
      const inspection = await settleVerified(pending, () => inspectCsvFile(pending, promise, residual, signal));
      files.push({ documentId: null, file: name, pages: null, spansByLabel: output.counts, checks: inspection.checks, stringIds: [...output.needles.keys()] });
      failures.push(...inspection.failures);
      if (inspection.accepted.length > 0 && inspection.failures.length === 0) accepted.push({ documentId: null, file: name, findings: inspection.accepted });
    }
  } finally {
    // Whatever was not finished (a cancel, an unreadable document) leaves nothing behind.
    for (const output of outputs.values()) output.discard();
  }
  return { files, failures, accepted };
}
