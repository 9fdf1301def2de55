// `npm run bench -- export`: imports a generated 200-page PDF as the app does, redacts it with
// redactions on every other page (rasterised at 200 dpi, the default; the other pages sanitised
// and copied), verifies it and runs the residual scan on it; prints pages/s, each step's share
// of the export and peak memory.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { makeNeedle } from '../src-main/core/export/leak-match.ts';
import { redactPdf } from '../src-main/core/export/redacted-pdf.ts';
import { residualContextFor, scanPdfResidue } from '../src-main/core/export/residual-scan.ts';
import { mergeRanges } from '../src-main/core/export/selection.ts';
import { verifyPdf } from '../src-main/core/export/verify.ts';
import { ocrPixelReader, pixelFindings, readPages } from '../src-main/core/export/pixel-check.ts';
import { extractPdf } from '../src-main/core/ingest/pdf.ts';

const PAGES = 200;
/** Rasterised pages the bench reads by OCR (each takes ~1-2 s): enough for a rate. */
const PIXEL_SAMPLE = 10;
const require = createRequire(import.meta.url);

export async function makePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')), { subset: true });
  for (let p = 1; p <= PAGES; p++) {
    const page = doc.addPage([612, 792]);
    for (let line = 0; line < 40; line++) {
      const name = p % 2 === 0 && line % 10 === 3 ? `Person Number${p}x${line}` : 'the quarterly budget';
      page.drawText(`Line ${line} of page ${p}: ${name} was reviewed by the committee today.`, { x: 56, y: 740 - line * 17, size: 10, font });
    }
  }
  return doc.save();
}

export async function benchExport(): Promise<void> {
  let peak = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
  };
  const timer = setInterval(sample, 20);
  const bytes = await makePdf();
  const { text, pages } = await extractPdf('bench.pdf', bytes);
  const spans = [...text.matchAll(/Person Number\d+x\d+/g)].map((m, i) => ({ id: i + 1, start: m.index, end: m.index + m[0].length, label: 'PER' }));
  const baseline = process.memoryUsage().rss;
  const t0 = performance.now();
  const result = await redactPdf(bytes, text, pages, mergeRanges(spans), { dpi: 200, colour: { r: 0, g: 0, b: 0 }, overlay: 'label', wholePages: new Set() });
  const t1 = performance.now();
  const verdict = await verifyPdf(
    result.bytes,
    spans.map((s) => makeNeedle(String(s.id), text.slice(s.start, s.end))!),
  );
  const t2 = performance.now();
  const residual = await scanPdfResidue(result.bytes, residualContextFor([{ text, spans: [] }], { rules: [], phoneRegions: ['US'] }, new Set()));
  const t3 = performance.now();
  // The pixel check OCRs every rasterised page of the written file; a sample of them is read here.
  const read = result.rasterisedPages.slice(0, PIXEL_SAMPLE);
  const reader = ocrPixelReader();
  const readings = await readPages(result.bytes, read, reader);
  await reader.close();
  const pixels = pixelFindings(
    readings,
    spans.map((s) => makeNeedle(String(s.id), text.slice(s.start, s.end))!),
  );
  const t4 = performance.now();
  clearInterval(timer);
  sample();
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.log(`export: ${PAGES} pages, ${result.rasterisedPages.length} rasterised at 200 dpi, ${spans.length} spans`);
  console.log(
    `  redact: ${((t1 - t0) / 1000).toFixed(2)} s = ${(PAGES / ((t1 - t0) / 1000)).toFixed(1)} pages/s (${(result.rasterisedPages.length / ((t1 - t0) / 1000)).toFixed(1)} rasterised pages/s)`,
  );
  console.log(`  verify: ${((t2 - t1) / 1000).toFixed(2)} s = ${(PAGES / ((t2 - t1) / 1000)).toFixed(1)} pages/s; ok=${verdict.ok}`);
  console.log(`  residual scan: ${((t3 - t2) / 1000).toFixed(2)} s = ${(PAGES / ((t3 - t2) / 1000)).toFixed(1)} pages/s; passed=${residual.check.passed}`);
  const total = t3 - t0;
  const share = (ms: number) => `${((100 * ms) / total).toFixed(0)}%`;
  console.log(`  share of export time: redact ${share(t1 - t0)}, verify ${share(t2 - t1)}, residual scan ${share(t3 - t2)}`);
  console.log(`  end to end: ${(PAGES / (total / 1000)).toFixed(1)} pages/s; output ${mb(result.bytes.length)}`);
  const perImage = (t4 - t3) / 1000 / read.length;
  const withPixels = total / 1000 + perImage * result.rasterisedPages.length;
  console.log(
    `  pixel check (OCR of the written page images, on by default): ${read.length} of ${result.rasterisedPages.length} rasterised pages read in ${((t4 - t3) / 1000).toFixed(1)} s = ${perImage.toFixed(2)} s each (engine start included); passed=${pixels.check.passed}`,
  );
  console.log(`  end to end with the pixel check, at that rate for all ${result.rasterisedPages.length}: ${(PAGES / withPixels).toFixed(1)} pages/s`);
  console.log(`  peak RSS ${mb(peak)} (before redaction ${mb(baseline)}; maxRSS ${mb(process.resourceUsage().maxRSS * 1024)})`);
  if (!verdict.ok || !residual.check.passed || !pixels.check.passed) process.exitCode = 1;
}

if (import.meta.main) await benchExport();
