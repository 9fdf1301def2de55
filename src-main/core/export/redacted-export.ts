import { rmSync } from 'node:fs';
import { DocketError, errorMessage } from '../errors.ts';
import { throwIfCancelled } from '../jobs/jobs.ts';
import { parseHexColour } from './colour.ts';
import { layOutRedacted } from './laid-out-pdf.ts';
import { makeNeedle, normalise, type Needle } from './leak-match.ts';
import { outputName, PendingFile } from './output-file.ts';
import type { ExportDocument } from './project-reader.ts';
import { redactPdf } from './redacted-pdf.ts';
import { redactText, type PseudonymBook, type ReplacementMode } from './redacted-text.ts';
import type { ReportFile, StringHasher } from './report.ts';
import { countByLabel, mergeRanges, selectSpans, type RedactionRange, type SpanFilter } from './selection.ts';
import { verifyPdf, verifyText, type Verification } from './verify.ts';
import type { ExportReport } from '../api/contract.ts';

export interface RedactionSettings {
  filter: SpanFilter;
  overlay: string;
  boxColour: string;
  dpi: number;
  replacement: Record<string, ReplacementMode>;
  /** Whole-page redactions of this document (1-based page numbers). */
  wholePages: ReadonlySet<number>;
}

export interface RedactionContext {
  outDir: string;
  hasher: StringHasher;
  book: PseudonymBook;
  signal: AbortSignal;
  onPage?: () => void;
}

export type Failure = ExportReport['failures'][number];

/** What one document redacts: merged ranges, and a needle per distinct redacted string. */
export interface DocumentRedaction {
  ranges: RedactionRange[];
  needles: Needle[];
  spansByLabel: Record<string, number>;
  labelOf: Map<string, string>;
}

export function planRedaction(doc: ExportDocument, filter: SpanFilter, hasher: StringHasher): DocumentRedaction {
  const spans = selectSpans(doc.spans, filter);
  const ranges = mergeRanges(spans);
  const needles = new Map<string, Needle>();
  const labelOf = new Map<string, string>();
  const add = (text: string, label: string) => {
    const id = hasher.id(normalise(text));
    const needle = makeNeedle(id, text);
    if (needle && !needles.has(id)) {
      needles.set(id, needle);
      labelOf.set(id, label);
    }
  };
  for (const span of spans) add(doc.text.slice(span.start, span.end), span.label);
  for (const range of ranges) add(doc.text.slice(range.start, range.end), range.label);
  return { ranges, needles: [...needles.values()], spansByLabel: countByLabel(spans), labelOf };
}

/** Turns verification findings into report failures that name file, page and label, never the text. */
export function failuresOf(file: string, verification: Verification, labelOf: ReadonlyMap<string, string>): Failure[] {
  const failures: Failure[] = verification.findings.map((f) => ({
    file,
    page: f.page,
    reason: `redacted ${labelOf.get(f.needleId) ?? 'string'} #${f.needleId} still present (${f.check}: ${f.where})`,
  }));
  for (const c of verification.checks) if (!c.passed && c.name === 'structure') failures.push({ file, page: null, reason: `not sanitised: ${c.detail}` });
  return failures;
}

/**
 * Writes one verified output: temp file, verification, then rename; on any failure the temp
 * file and any older file of the same name are removed, so nothing unverified is left.
 */
export async function writeVerified(
  pending: PendingFile,
  data: Uint8Array | string,
  verify: () => Promise<Verification>,
  labelOf: ReadonlyMap<string, string>,
): Promise<{ verification: Verification; failures: Failure[] }> {
  try {
    pending.write(data);
    const verification = await verify();
    const failures = failuresOf(pending.finalPath, verification, labelOf);
    if (failures.length > 0 || !verification.ok) {
      pending.discard();
      removeStale(pending.finalPath);
      return { verification, failures: failures.length > 0 ? failures : [{ file: pending.finalPath, page: null, reason: 'verification failed' }] };
    }
    pending.commit();
    return { verification, failures: [] };
  } catch (error) {
    pending.discard();
    throw error;
  }
}

function removeStale(path: string): void {
  rmSync(path, { force: true });
}

/** A document as a redacted PDF: the original redacted when it is a PDF, laid out otherwise. */
export async function exportRedactedPdf(doc: ExportDocument, settings: RedactionSettings, context: RedactionContext): Promise<{ file: ReportFile | null; failures: Failure[] }> {
  const plan = planRedaction(doc, settings.filter, context.hasher);
  const name = outputName(doc.id, doc.name, 'pdf', plan.needles);
  const pending = new PendingFile(context.outDir, name);
  const colour = parseHexColour(settings.boxColour);
  const bytes = doc.mediaType === 'application/pdf' ? doc.bytes() : null;
  if (doc.mediaType === 'application/pdf' && !bytes) {
    return { file: null, failures: [{ file: name, page: null, reason: 'the original PDF bytes are not in the project; re-import the file' }] };
  }
  let output: Uint8Array;
  let pages: number;
  let redactedPages: number[] = [];
  const warnings: string[] = [];
  if (bytes) {
    const result = await redactPdf(bytes, doc.text, doc.pages, plan.ranges, {
      dpi: settings.dpi,
      colour,
      overlay: settings.overlay,
      wholePages: settings.wholePages,
      signal: context.signal,
      onPage: context.onPage,
    });
    output = result.bytes;
    pages = result.pageCount;
    redactedPages = result.rasterisedPages;
    warnings.push(...result.warnings);
    const ocr = doc.pages.filter((p) => p.needsOcr).map((p) => p.pageNo);
    if (ocr.length > 0) warnings.push(`pages ${ocr.join(', ')} have no text layer (scans): nothing on them could be found or checked`);
  } else {
    const result = await layOutRedacted(doc.text, plan.ranges, { colour, overlay: settings.overlay, signal: context.signal });
    output = result.bytes;
    pages = result.pageCount;
    context.onPage?.();
  }
  throwIfCancelled(context.signal);
  const pageSizes = bytes ? doc.pages.map((p) => [p.width, p.height] as const) : undefined;
  const expectSizes = pageSizes && pageSizes.length === pages ? { pageSizes } : {};
  const { verification, failures } = await writeVerified(pending, output, () => verifyPdf(output, plan.needles, expectSizes), plan.labelOf);
  return {
    file: { documentId: doc.id, file: name, pages, spansByLabel: plan.spansByLabel, checks: verification.checks, redactedPages, stringIds: plan.needles.map((n) => n.id), warnings },
    failures,
  };
}

/** A document as redacted text. */
export async function exportRedactedText(doc: ExportDocument, settings: RedactionSettings, context: RedactionContext): Promise<{ file: ReportFile; failures: Failure[] }> {
  const plan = planRedaction(doc, settings.filter, context.hasher);
  const name = outputName(doc.id, doc.name, 'txt', plan.needles);
  const content = redactText(doc.text, plan.ranges, settings.replacement, context.book);
  const { verification, failures } = await writeVerified(new PendingFile(context.outDir, name), content, async () => verifyText(content, plan.needles), plan.labelOf);
  return { file: { documentId: doc.id, file: name, pages: null, spansByLabel: plan.spansByLabel, checks: verification.checks, stringIds: plan.needles.map((n) => n.id) }, failures };
}

/** Wraps a per-document export so that one bad document becomes a failure, not a stopped batch. */
export async function guarded<T>(file: string, work: () => Promise<T>): Promise<T | Failure> {
  try {
    return await work();
  } catch (error) {
    if ((error as DocketError).code === 'cancelled') throw error;
    return { file, page: null, reason: errorMessage(error) };
  }
}
