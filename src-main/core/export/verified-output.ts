// One redacted output file: written under a hidden temporary name, read back from disk,
// verified (every redacted string gone where it was) and scanned for residue (values nobody
// redacted), and only then given its name. Any failure leaves nothing under either name.
import { rmSync } from 'node:fs';
import type { ExportReport } from '../model/export.ts';
import type { Needle } from './leak-match.ts';
import type { PendingFile } from './output-file.ts';
import { pixelFindings, readPages, type PixelReader } from './pixel-check.ts';
import { scanPageReadings, scanPdfResidue, scanTextResidue, type ResidualContext, type ResidualFinding, type ResidualResult } from './residual-scan.ts';
import { verifyPdf, verifyText, type Check, type PdfExpectations, type Verification } from './verify.ts';

export type Failure = ExportReport['failures'][number];

/** What the redaction promised for one output: the strings that must be gone, named for reports. */
export interface RedactedStrings {
  needles: readonly Needle[];
  labelOf: ReadonlyMap<string, string>;
  spansOf: ReadonlyMap<string, readonly number[]>;
}

/** What checking one written file found. */
export interface Inspection {
  checks: Check[];
  failures: Failure[];
  /** Residual findings the analyst accepted for this export: the caller records them. */
  accepted: ResidualFinding[];
}

export async function writeVerified(pending: PendingFile, data: Uint8Array | string, inspect: (written: Buffer) => Promise<Inspection>): Promise<Inspection> {
  return settleVerified(pending, async () => {
    pending.write(data);
    return inspect(pending.readBack());
  });
}

/**
 * The end of `writeVerified` for a file already written under its temporary name (piece by
 * piece, as a CSV export writes its rows): checked by `inspect`, then named or discarded.
 */
export async function settleVerified(pending: PendingFile, inspect: () => Promise<Inspection>): Promise<Inspection> {
  try {
    const inspection = await inspect();
    if (inspection.failures.length > 0 || !inspection.checks.every((c) => c.passed)) {
      pending.discard();
      // An older file of that name would be taken for this one; it goes when replacing is allowed.
      if (pending.replace) rmSync(pending.finalPath, { force: true });
      if (inspection.failures.length === 0) inspection.failures.push({ file: pending.finalPath, page: null, reason: 'verification failed' });
      return inspection;
    }
    pending.commit();
    return inspection;
  } catch (error) {
    pending.discard();
    throw error;
  }
}

/** Page images to read again by OCR (pixel-check.ts): which pages, and with what. */
export interface PixelInspection {
  pages: readonly number[];
  reader: PixelReader;
  signal?: AbortSignal;
}

export async function inspectPdf(
  file: string,
  written: Buffer,
  promise: RedactedStrings,
  residual: ResidualContext,
  expect: PdfExpectations = {},
  pixels?: PixelInspection,
): Promise<Inspection> {
  const bytes = new Uint8Array(written.buffer, written.byteOffset, written.byteLength);
  const verification = await verifyPdf(bytes, promise.needles, expect);
  const inspection = inspectionOf(file, verification, promise, await scanPdfResidue(bytes, residual));
  if (!pixels || pixels.pages.length === 0) return inspection;
  const readings = await readPages(bytes, pixels.pages, pixels.reader, pixels.signal);
  const seen = pixelFindings(readings, promise.needles);
  const read = scanPageReadings(readings, residual);
  return {
    checks: [...inspection.checks, seen.check, read.check],
    failures: [
      ...inspection.failures,
      ...failuresOf(file, { ok: seen.findings.length === 0, checks: [seen.check], findings: seen.findings }, promise.labelOf, promise.spansOf),
      ...residualFailures(file, read.findings),
    ],
    accepted: [...inspection.accepted, ...read.findings.filter((f) => f.accepted)],
  };
}

export async function inspectText(file: string, written: Buffer, promise: RedactedStrings, residual: ResidualContext): Promise<Inspection> {
  const text = written.toString('utf8');
  return inspectionOf(file, verifyText(text, promise.needles), promise, scanTextResidue(text, residual));
}

/** What verification and the residual scan of one file found, as checks and report failures. */
export function inspectionOf(file: string, verification: Verification, promise: RedactedStrings, residual: ResidualResult): Inspection {
  return {
    checks: [...verification.checks, residual.check],
    failures: [...failuresOf(file, verification, promise.labelOf, promise.spansOf), ...residualFailures(file, residual.findings)],
    accepted: residual.findings.filter((f) => f.accepted),
  };
}

/**
 * Turns verification findings into report failures that name file, page, label and spans,
 * never the text, and say what the analyst can do about it.
 */
export function failuresOf(
  file: string,
  verification: Verification,
  labelOf: ReadonlyMap<string, string>,
  spansOf: ReadonlyMap<string, readonly number[]> = new Map(),
): Failure[] {
  const failures: Failure[] = verification.findings.map((f) => {
    const spans = spansOf.get(f.needleId) ?? [];
    const named = spans.length > 0 ? ` (span${spans.length > 1 ? 's' : ''} ${spans.join(', ')})` : '';
    return {
      file,
      page: f.page,
      reason:
        `redacted ${labelOf.get(f.needleId) ?? 'string'} #${f.needleId}${named} still present (${f.check}: ${f.where}). ` +
        'Redact every occurrence of it (Shift+A on the span), or widen the span if it covers only part of a word; the file was not written.',
    };
  });
  for (const c of verification.checks) if (!c.passed && c.name === 'structure') failures.push({ file, page: null, reason: `not sanitised: ${c.detail}` });
  return failures;
}

export function residualFailures(file: string, findings: readonly ResidualFinding[]): Failure[] {
  return findings
    .filter((f) => !f.accepted)
    .map((f) => ({
      file,
      page: f.page,
      residual: { id: f.id, label: f.label },
      reason:
        `unredacted ${f.label} #${f.id} found by the residual scan in the file as written and read back (${f.detector}); no redacted span covers it. ` +
        `Review it and redact it, add the value to the allow list, or accept it for this export (--accept-residual ${f.id}, recorded in the audit log); the file was not written.`,
    }));
}
