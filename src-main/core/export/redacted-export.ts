import { type DocketError, errorMessage } from '../errors.ts';
import { throwIfCancelled } from '../jobs/jobs.ts';
import { parseHexColour } from './colour.ts';
import { layOutRedacted } from './laid-out-pdf.ts';
import { countOccurrences, makeHaystack, makeNeedle, normalise, type Needle } from './leak-match.ts';
import { outputName, PendingFile } from './output-file.ts';
import type { ExportDocument } from './project-reader.ts';
import { redactPdf } from './redacted-pdf.ts';
import { redactText, type PseudonymBook, type ReplacementMode } from './redacted-text.ts';
import type { ReportFile, StringHasher } from './report.ts';
import { countByLabel, mergeRanges, selectSpans, type RedactionRange, type SpanFilter } from './selection.ts';
import { residualContextFor, type ResidualFinding, type ResidualRules } from './residual-scan.ts';
import { inspectPdf, inspectText, writeVerified, type Failure } from './verified-output.ts';
import type { PixelReader } from './pixel-check.ts';
import { exportPageImages, imageSourceOf } from './redacted-images.ts';

export interface RedactionSettings {
  filter: SpanFilter;
  overlay: string;
  boxColour: string;
  dpi: number;
  replacement: Record<string, ReplacementMode>;
  /** Whole-page redactions of this document (1-based page numbers). */
  wholePages: ReadonlySet<number>;
  rasteriseAll: boolean;
  /** A document imported from images also gets its redacted pages as images (redacted-images.ts). */
  pageImages: boolean;
}

export interface RedactionContext {
  outDir: string;
  /** Replace files already in the folder (the user said so). */
  overwrite: boolean;
  residualRules: ResidualRules;
  /** Residual finding ids (or labels) the analyst accepted for this export. */
  acceptResidual: ReadonlySet<string>;
  hasher: StringHasher;
  book: PseudonymBook;
  signal: AbortSignal;
  onPage?: () => void;
  /** Reads the written file's page images again (pixel-check.ts); none: not checked, and the report says so. */
  pixels?: PixelReader;
}

/** One document's output: its report entry (null when nothing could be made), failures, accepted residue. */
export interface DocumentExport {
  file: ReportFile | null;
  /** More files made from the same document (its pages as images). */
  extraFiles?: ReportFile[];
  failures: Failure[];
  accepted: ResidualFinding[];
}

/** What one document redacts: merged ranges, and a needle per distinct redacted string. */
export interface DocumentRedaction {
  ranges: RedactionRange[];
  needles: Needle[];
  spansByLabel: Record<string, number>;
  labelOf: Map<string, string>;
  /** The spans behind each needle, so a failure can name them (ids, never text). */
  spansOf: Map<string, number[]>;
}

export function planRedaction(doc: ExportDocument, filter: SpanFilter, hasher: StringHasher): DocumentRedaction {
  const spans = selectSpans(doc.spans, filter);
  const ranges = mergeRanges(spans);
  const outside = makeHaystack(textOutside(doc.text, ranges));
  const needles = new Map<string, Needle>();
  const labelOf = new Map<string, string>();
  const spansOf = new Map<string, number[]>();
  const add = (text: string, label: string, spanIds: readonly number[]) => {
    const id = hasher.id(normalise(text));
    const needle = needles.get(id) ?? makeNeedle(id, text);
    if (!needle) return;
    if (!needles.has(id)) {
      needle.allowed = countOccurrences(outside, needle);
      needles.set(id, needle);
      labelOf.set(id, label);
    }
    const ids = spansOf.get(id) ?? spansOf.set(id, []).get(id)!;
    for (const spanId of spanIds) if (!ids.includes(spanId)) ids.push(spanId);
  };
  for (const span of spans) add(doc.text.slice(span.start, span.end), span.label, [span.id]);
  for (const range of ranges) add(doc.text.slice(range.start, range.end), range.label, range.spanIds);
  return { ranges, needles: [...needles.values()], spansByLabel: countByLabel(spans), labelOf, spansOf };
}

/** The text with every redacted range replaced by a break no token can cross. */
function textOutside(text: string, ranges: readonly RedactionRange[]): string {
  let out = '';
  let at = 0;
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, range.start) + ' \u2588 ';
    at = Math.max(at, range.end);
  }
  return out + text.slice(at);
}

/** A document as a redacted PDF: the original redacted when it is a PDF, laid out otherwise. */
export async function exportRedactedPdf(doc: ExportDocument, settings: RedactionSettings, context: RedactionContext): Promise<DocumentExport> {
  const plan = planRedaction(doc, settings.filter, context.hasher);
  const name = outputName(doc.id, doc.name, 'pdf', plan.needles);
  const pending = new PendingFile(context.outDir, name, context.overwrite);
  const colour = parseHexColour(settings.boxColour);
  const bytes = doc.mediaType === 'application/pdf' ? doc.bytes() : null;
  if (doc.mediaType === 'application/pdf' && !bytes) {
    return { file: null, failures: [{ file: name, page: null, reason: 'the original PDF bytes are not in the project; re-import the file' }], accepted: [] };
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
      rasteriseAll: settings.rasteriseAll,
      onPage: context.onPage,
    });
    output = result.bytes;
    pages = result.pageCount;
    redactedPages = result.rasterisedPages;
    warnings.push(...result.warnings);
    const ocr = doc.pages.filter((p) => p.needsOcr).map((p) => p.pageNo);
    if (ocr.length > 0)
      warnings.push(
        `pages ${ocr.join(', ')} have no text layer (scans) and were not read by OCR (docket ocr, or OCR in the Run panel): nothing on them could be found or checked`,
      );
  } else {
    const result = await layOutRedacted(doc.text, plan.ranges, { colour, overlay: settings.overlay, signal: context.signal });
    output = result.bytes;
    pages = result.pageCount;
    context.onPage?.();
  }
  throwIfCancelled(context.signal);
  const pageSizes = bytes ? doc.pages.map((p) => [p.width, p.height] as const) : undefined;
  const expectSizes = pageSizes && pageSizes.length === pages ? { pageSizes } : {};
  const residual = residualContextFor([doc], context.residualRules, context.acceptResidual);
  const pixels = context.pixels && redactedPages.length > 0 ? { pages: redactedPages, reader: context.pixels, signal: context.signal } : undefined;
  const { checks, failures, accepted } = await writeVerified(pending, output, (written) =>
    inspectPdf(pending.finalPath, written, plan, residual, expectSizes, pixels),
  );
  if (!context.pixels && redactedPages.length > 0)
    warnings.push(`the ${redactedPages.length} page image(s) were not read again by OCR (pixel check off): a box that missed its word would not be seen`);
  const file = {
    documentId: doc.id,
    file: name,
    pages,
    spansByLabel: plan.spansByLabel,
    checks,
    redactedPages,
    stringIds: plan.needles.map((n) => n.id),
    warnings,
  };
  const source = settings.pageImages && failures.length === 0 ? imageSourceOf(doc.metadata) : null;
  if (!source) return { file, failures, accepted };
  // Imported from images: the verified PDF's pages written again as images in the source's format.
  const images = await exportPageImages(doc, output, source, plan, {
    outDir: context.outDir,
    overwrite: context.overwrite,
    residual,
    pixels: context.pixels,
    signal: context.signal,
  });
  return { file, extraFiles: images.files, failures: [...failures, ...images.failures], accepted: [...accepted, ...images.accepted] };
}

/** A document as redacted text. */
export async function exportRedactedText(doc: ExportDocument, settings: RedactionSettings, context: RedactionContext): Promise<DocumentExport> {
  const plan = planRedaction(doc, settings.filter, context.hasher);
  const name = outputName(doc.id, doc.name, 'txt', plan.needles);
  const content = redactText(doc.text, plan.ranges, settings.replacement, context.book);
  const pending = new PendingFile(context.outDir, name, context.overwrite);
  const residual = residualContextFor([doc], context.residualRules, context.acceptResidual);
  const { checks, failures, accepted } = await writeVerified(pending, content, (written) => inspectText(pending.finalPath, written, plan, residual));
  return {
    file: { documentId: doc.id, file: name, pages: null, spansByLabel: plan.spansByLabel, checks, stringIds: plan.needles.map((n) => n.id) },
    failures,
    accepted,
  };
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
