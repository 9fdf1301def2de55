// A document imported from images (PNG, JPEG, TIFF) exported as images again: each page of its
// verified redacted PDF rendered at the scan's resolution and written in the source's format
// (PNG for PNG and TIFF, JPEG for JPEG), one file per page. An image has no text layer to check,
// so each written file is read back, decoded, and read by OCR: a redacted string or a residual
// finding readable in it fails it, like the PDF's pixel check. Encoders write no metadata; the
// written file is checked for metadata chunks anyway.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { ExportReport } from '../model/export.ts';
import { renderForOcr } from '../ocr/page-render.ts';
import { PendingFile, outputName } from './output-file.ts';
import { closePdfjs, openPdfjs } from './pdfjs.ts';
import { pixelFindings, type PixelReader } from './pixel-check.ts';
import { scanPageReadings, type ResidualContext, type ResidualFinding } from './residual-scan.ts';
import { failuresOf, residualFailures, writeVerified, type Inspection, type RedactedStrings } from './verified-output.ts';
import type { Check } from './verify.ts';

type ReportFile = ExportReport['files'][number];
type Failure = ExportReport['failures'][number];

/** What an image-sourced document records at import (ingest/image.ts, metadata.source). */
export interface ImageSourceInfo {
  format: 'png' | 'jpeg' | 'tiff';
  dpi: number;
}

export function imageSourceOf(metadata: Record<string, unknown>): ImageSourceInfo | null {
  const source = metadata.source as { format?: unknown; dpi?: unknown } | undefined;
  if (!source || (source.format !== 'png' && source.format !== 'jpeg' && source.format !== 'tiff')) return null;
  return { format: source.format, dpi: typeof source.dpi === 'number' && source.dpi > 0 ? source.dpi : 300 };
}

export interface ImageExportContext {
  outDir: string;
  overwrite: boolean;
  residual: ResidualContext;
  /** Without it the images cannot be checked, and none is written. */
  pixels: PixelReader | undefined;
  signal: AbortSignal;
}

/** Renders pages at most this fine: a 600 dpi scan exported at 600 dpi would need ~140 MB a page. */
const MAX_DPI = 400;

export async function exportPageImages(
  doc: { id: number; name: string },
  pdf: Uint8Array,
  source: ImageSourceInfo,
  promise: RedactedStrings,
  context: ImageExportContext,
): Promise<{ files: ReportFile[]; failures: Failure[]; accepted: ResidualFinding[] }> {
  const out = { files: [] as ReportFile[], failures: [] as Failure[], accepted: [] as ResidualFinding[] };
  const reader = context.pixels;
  if (!reader) {
    out.failures.push({
      file: doc.name,
      page: null,
      reason: 'page images can only be exported with the pixel check on (an image has no text layer to verify otherwise); the redacted PDF was written',
    });
    return out;
  }
  const ext = source.format === 'jpeg' ? 'jpg' : 'png';
  const viewer = await openPdfjs(pdf);
  try {
    for (let pageNo = 1; pageNo <= viewer.numPages; pageNo++) {
      const rendered = await renderForOcr(viewer, pageNo, Math.min(source.dpi, MAX_DPI));
      const canvas = createCanvas(rendered.pixels.width, rendered.pixels.height);
      const context2d = canvas.getContext('2d');
      const image = context2d.createImageData(rendered.pixels.width, rendered.pixels.height);
      image.data.set(rendered.pixels.rgba);
      context2d.putImageData(image, 0, 0);
      const bytes = ext === 'jpg' ? await canvas.encode('jpeg', 92) : await canvas.encode('png');
      const stem = viewer.numPages > 1 ? `${doc.name.replace(/\.[^.]*$/, '')}-page-${pageNo}` : doc.name;
      const pending = new PendingFile(context.outDir, outputName(doc.id, stem, ext, promise.needles), context.overwrite);
      const inspection = await writeVerified(pending, bytes, (written) =>
        inspectImage(pending.finalPath, pageNo, written, promise, context.residual, reader, context.signal),
      );
      out.failures.push(...inspection.failures);
      out.accepted.push(...inspection.accepted);
      if (inspection.failures.length === 0)
        out.files.push({ documentId: doc.id, file: pending.finalPath.slice(context.outDir.length + 1), pages: 1, spansByLabel: {}, checks: inspection.checks });
    }
  } finally {
    await closePdfjs(viewer);
  }
  return out;
}

async function inspectImage(
  file: string,
  pageNo: number,
  written: Buffer,
  promise: RedactedStrings,
  residual: ResidualContext,
  reader: PixelReader,
  signal: AbortSignal,
): Promise<Inspection> {
  const decoded = await loadImage(written);
  const canvas = createCanvas(decoded.width, decoded.height);
  const context2d = canvas.getContext('2d');
  context2d.drawImage(decoded, 0, 0);
  const rgba = context2d.getImageData(0, 0, decoded.width, decoded.height).data;
  const text = await reader.text({ rgba, width: decoded.width, height: decoded.height }, signal);
  const readings = [{ pageNo, text }];
  const seen = pixelFindings(readings, promise.needles);
  const read = scanPageReadings(readings, residual);
  const structure = metadataCheck(written);
  return {
    checks: [structure, seen.check, read.check],
    failures: [
      ...failuresOf(file, { ok: seen.findings.length === 0, checks: [seen.check], findings: seen.findings }, promise.labelOf, promise.spansOf),
      ...residualFailures(file, read.findings),
      ...(structure.passed ? [] : [{ file, page: null, reason: `not sanitised: ${structure.detail}` }]),
    ],
    accepted: read.findings.filter((f) => f.accepted),
  };
}

/** No text, EXIF or XMP chunk in a PNG, no APP1-APP15 or comment segment in a JPEG: an image carries its pixels only. */
function metadataCheck(bytes: Buffer): Check {
  const found: string[] = [];
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    for (let at = 8; at + 8 <= bytes.length;) {
      const length = bytes.readUInt32BE(at);
      const type = bytes.toString('latin1', at + 4, at + 8);
      if (['tEXt', 'iTXt', 'zTXt', 'eXIf'].includes(type)) found.push(type);
      at += 12 + length;
    }
  } else {
    for (let at = 2; at + 4 <= bytes.length && bytes[at] === 0xff;) {
      const marker = bytes[at + 1]!;
      if (marker === 0xda) break; // image data from here
      if ((marker >= 0xe1 && marker <= 0xef) || marker === 0xfe) found.push(`0xFF${marker.toString(16).toUpperCase()}`);
      at += 2 + bytes.readUInt16BE(at + 2);
    }
  }
  return found.length === 0
    ? { name: 'structure', passed: true, detail: 'image without text or metadata segments' }
    : { name: 'structure', passed: false, detail: `metadata segments ${found.join(', ')}` };
}
