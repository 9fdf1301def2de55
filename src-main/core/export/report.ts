import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ExportReport } from '../model/export.ts';
import { PendingFile } from './output-file.ts';
import type { Check } from './verify.ts';

export const REPORT_JSON = 'docket-export-report.json';
export const REPORT_TEXT = 'docket-export-report.txt';

/** An export is 'in-progress' from its first step until its last: a report that stays so was interrupted. */
export type ReportStatus = 'in-progress' | 'cancelled' | 'complete';

/**
 * Identifies a redacted string in a report without revealing it: HMAC-SHA256 under a key made
 * for this one export and never stored. Equal strings get equal ids within the report (so
 * "the same name leaked twice" is visible); nobody can test a guess against them afterwards.
 */
export class StringHasher {
  readonly #key = randomBytes(32);

  id(normalisedText: string): string {
    return createHmac('sha256', this.#key).update(normalisedText).digest('hex').slice(0, 16);
  }
}

export interface ReportFile {
  documentId: number | null;
  file: string;
  pages: number | null;
  spansByLabel: Record<string, number>;
  checks: Check[];
  redactedPages?: number[];
  stringIds?: string[];
  warnings?: string[];
}

export interface ReportInput {
  format: string;
  outDir: string;
  options: Record<string, unknown>;
  files: ReportFile[];
  failures: ExportReport['failures'];
  startedAt: Date;
}

/**
 * Writes both reports (JSON and text) beside the files, each through a temporary name and a
 * rename, so a reader never sees half a report and a link planted there is replaced, not followed.
 */
export function writeReport(outDir: string, input: ReportInput, status: ReportStatus, replace: boolean): ExportReport {
  const { api, json } = buildReport(input, join(outDir, REPORT_JSON), status);
  for (const [name, content] of [
    [REPORT_JSON, JSON.stringify(json, null, 2) + '\n'],
    [REPORT_TEXT, summarise(input, status)],
  ] as const) {
    const file = new PendingFile(outDir, name, replace);
    file.write(content);
    file.commit();
  }
  return api;
}

/** The report as the API returns it (the contract's ExportReport), and the fuller JSON written to disk. */
export function buildReport(input: ReportInput, reportPath: string | null, status: ReportStatus = 'complete'): { api: ExportReport; json: unknown } {
  const ok = status === 'complete' && input.failures.length === 0 && input.files.every((f) => f.checks.every((c) => c.passed));
  const api: ExportReport = {
    ok,
    outDir: input.outDir,
    files: input.files.map(({ documentId, file, pages, spansByLabel, checks }) => ({ documentId, file, pages, spansByLabel, checks })),
    failures: input.failures,
    reportPath,
  };
  const json = {
    docket: 'export-report',
    version: 2,
    status,
    ok,
    format: input.format,
    startedAt: input.startedAt.toISOString(),
    finishedAt: status === 'complete' ? new Date().toISOString() : null,
    options: input.options,
    totals: totals(input.files),
    files: input.files,
    failures: input.failures,
    note:
      status === 'in-progress'
        ? 'This export has not finished. If it is not running any more it was interrupted: the files in this folder are not described by any report; export again.'
        : status === 'cancelled'
          ? 'This export was cancelled: the files listed were written and verified, the other documents were not exported.'
          : 'Redacted strings are never written here; stringIds are keyed hashes valid only within this report; residual finding ids are stable per document.',
  };
  return { api, json };
}

function totals(files: readonly ReportFile[]): { files: number; pages: number; spansByLabel: Record<string, number> } {
  const spansByLabel: Record<string, number> = {};
  let pages = 0;
  for (const f of files) {
    pages += f.pages ?? 0;
    for (const [label, n] of Object.entries(f.spansByLabel)) spansByLabel[label] = (spansByLabel[label] ?? 0) + n;
  }
  return { files: files.length, pages, spansByLabel };
}

/** The same report for a person: one block per file, failures first. */
export function summarise(input: ReportInput, status: ReportStatus = 'complete'): string {
  const t = totals(input.files);
  const lines: string[] = [];
  const ok = input.failures.length === 0 && input.files.every((f) => f.checks.every((c) => c.passed));
  lines.push(`Docket export (${input.format}) to ${input.outDir}`);
  if (status === 'in-progress') {
    lines.push(
      `RESULT: INCOMPLETE — the export started ${input.startedAt.toISOString()} has not finished. If it is not running, it was interrupted: do not use the files in this folder; export again.`,
    );
    return lines.join('\n') + '\n';
  }
  if (status === 'cancelled')
    lines.push(
      `RESULT: CANCELLED — ${input.files.length} file(s) were written and verified before the export was cancelled; the other documents were not exported.`,
    );
  else
    lines.push(
      ok ? 'RESULT: PASSED — every file was verified.' : `RESULT: FAILED — ${input.failures.length} problem(s); the files concerned were NOT written.`,
    );
  lines.push(`${t.files} file(s), ${t.pages} page(s); redacted spans by label: ${formatCounts(t.spansByLabel)}`);
  if (input.failures.length > 0) {
    lines.push('', 'Failures:');
    for (const f of input.failures) lines.push(`  ✗ ${f.file}${f.page !== null ? ` page ${f.page}` : ''}: ${f.reason}`);
  }
  for (const f of input.files) {
    lines.push('', `${f.file}${f.pages !== null ? ` (${f.pages} page${f.pages === 1 ? '' : 's'})` : ''}`);
    if (f.redactedPages && f.redactedPages.length > 0) lines.push(`  redacted pages: ${f.redactedPages.join(', ')}`);
    lines.push(`  spans: ${formatCounts(f.spansByLabel)}`);
    for (const c of f.checks) lines.push(`  ${c.passed ? '✓' : '✗'} ${c.name}${c.detail ? ` — ${c.detail}` : ''}`);
    for (const w of f.warnings ?? []) lines.push(`  ! ${w}`);
  }
  return lines.join('\n') + '\n';
}

function formatCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? 'none' : entries.map(([label, n]) => `${label} ${n}`).join(', ');
}
