import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExportRequest, type ExportReport } from '../api/contract.ts';
import { DocketError } from '../errors.ts';
import { throwIfCancelled, type JobContext } from '../jobs/jobs.ts';
import { csvRow } from './csv-writer.ts';
import { exportData } from './data-export.ts';
import { outputName, PendingFile } from './output-file.ts';
import type { ProjectReader } from './project-reader.ts';
import { csvOrigin, redactedCsv, type CsvOrigin } from './redacted-csv.ts';
import { exportRedactedPdf, exportRedactedText, guarded, planRedaction, writeVerified, type Failure, type RedactionSettings } from './redacted-export.ts';
import { PseudonymBook, redactText } from './redacted-text.ts';
import { buildReport, StringHasher, summarise, type ReportFile } from './report.ts';
import { verifyText } from './verify.ts';
import { findNeedles, makeHaystack, type Needle } from './leak-match.ts';

export const REPORT_JSON = 'docket-export-report.json';
export const REPORT_TEXT = 'docket-export-report.txt';

type Request = ReturnType<typeof ExportRequest.parse>;

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
  const files: ReportFile[] = [];
  const failures: Failure[] = [];
  const filter = { status: request.status, minScore: request.minScore };
  let done = 0;
  const total = ids.length;
  const tick = (unit = 'documents') => job.report({ done: ++done, total, unit });
  job.report({ done: 0, total, unit: 'documents' });

  if (request.format === 'pdf' || request.format === 'txt') {
    const hasher = new StringHasher();
    const book = new PseudonymBook();
    for (const id of ids) {
      throwIfCancelled(job.signal);
      const doc = reader.document(id);
      const settings = settingsFor(request, id);
      const context = { outDir, hasher, book, signal: job.signal };
      const result = await guarded(`document ${id}`, () =>
        request.format === 'pdf' ? exportRedactedPdf(doc, settings, context) : exportRedactedText(doc, settings, context),
      );
      if ('reason' in result) failures.push(result);
      else {
        if (result.file) files.push(result.file);
        failures.push(...result.failures);
      }
      tick();
    }
  } else if (request.format === 'csv') {
    await exportCsv(reader, ids, request, outDir, files, failures, job.signal, () => tick());
  } else {
    const file = await exportData(request.format, reader, ids, { filter, includeSpanText: request.includeSpanText, outDir, signal: job.signal, onDocument: () => tick() });
    throwIfCancelled(job.signal);
    files.push(file);
    if (!file.checks.every((c) => c.passed)) failures.push({ file: file.file, page: null, reason: 'the exported file did not read back identically; it was not kept' });
  }

  const reportInput = { format: request.format, outDir, options: reportOptions(request), files, failures, startedAt };
  const reportPath = join(outDir, REPORT_JSON);
  const { api, json } = buildReport(reportInput, reportPath);
  writeFileSync(reportPath, JSON.stringify(json, null, 2) + '\n');
  writeFileSync(join(outDir, REPORT_TEXT), summarise(reportInput));
  return api;
}

function settingsFor(request: Request, documentId: number): RedactionSettings {
  return {
    filter: { status: request.status, minScore: request.minScore },
    overlay: request.overlay,
    boxColour: request.boxColour,
    dpi: request.dpi,
    replacement: request.replacement,
    wholePages: new Set(request.wholePages.filter((w) => w.documentId === documentId).map((w) => w.pageNo)),
  };
}

/** The options, minus anything that could hold document content. */
function reportOptions(request: Request): Record<string, unknown> {
  const { outDir: _outDir, ...rest } = request;
  return rest;
}

/**
 * CSV sources come back as CSV, one file per source, the text column redacted and the other
 * columns as they were; documents that are not CSV rows go to documents.csv (id, name, text).
 */
async function exportCsv(
  reader: ProjectReader,
  ids: readonly number[],
  request: Request,
  outDir: string,
  files: ReportFile[],
  failures: Failure[],
  signal: AbortSignal,
  tick: () => void,
): Promise<void> {
  const hasher = new StringHasher();
  const book = new PseudonymBook();
  const groups = new Map<string, { rows: Array<{ origin: CsvOrigin; redacted: string }>; needles: Map<string, Needle>; labelOf: Map<string, string>; counts: Record<string, number>; firstId: number }>();
  const plain = { rows: [] as Array<{ id: number; name: string; redacted: string }>, needles: new Map<string, Needle>(), labelOf: new Map<string, string>(), counts: {} as Record<string, number> };
  for (const id of ids) {
    throwIfCancelled(signal);
    const doc = reader.document(id);
    const plan = planRedaction(doc, { status: request.status, minScore: request.minScore }, hasher);
    const redacted = redactText(doc.text, plan.ranges, request.replacement, book);
    const origin = csvOrigin(doc);
    const target = origin ? groups.get(origin.source) ?? groups.set(origin.source, { rows: [], needles: new Map(), labelOf: new Map(), counts: {}, firstId: id }).get(origin.source)! : plain;
    if (origin) (target as { rows: Array<{ origin: CsvOrigin; redacted: string }> }).rows.push({ origin, redacted });
    else plain.rows.push({ id, name: doc.name, redacted });
    for (const n of plan.needles) target.needles.set(n.id, n);
    for (const [k, v] of plan.labelOf) target.labelOf.set(k, v);
    for (const [label, n] of Object.entries(plan.spansByLabel)) target.counts[label] = (target.counts[label] ?? 0) + n;
    tick();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const outputs: Array<{ name: string; content: string; needles: Map<string, Needle>; labelOf: Map<string, string>; counts: Record<string, number> }> = [];
  for (const [source, group] of groups) {
    const needles = [...group.needles.values()];
    outputs.push({ name: outputName(group.firstId, source, 'csv', needles), content: redactedCsv(group.rows), ...group });
  }
  if (plain.rows.length > 0) {
    let content = 'id,name,text\r\n';
    const needles = [...plain.needles.values()];
    // A document name can hold a redacted string (files named after people): then it is left blank.
    for (const row of plain.rows) content += csvRow([row.id, findNeedles(makeHaystack(row.name), needles).length > 0 ? '' : row.name, row.redacted]);
    outputs.push({ name: 'documents.csv', content, ...plain });
  }
  for (const out of outputs) {
    const { verification, failures: found } = await writeVerified(new PendingFile(outDir, out.name), out.content, async () => verifyText(out.content, [...out.needles.values()]), out.labelOf);
    files.push({ documentId: null, file: out.name, pages: null, spansByLabel: out.counts, checks: verification.checks, stringIds: [...out.needles.keys()] });
    failures.push(...found);
  }
}
