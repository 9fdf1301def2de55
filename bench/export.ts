// `npm run bench -- export`: redacts a generated 200-page PDF with redactions on every other
// page (rasterised at 200 dpi, the default), then verifies it; prints pages/s and peak memory.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { closePdfjs, openPdfjs } from '../src-main/core/export/pdfjs.ts';
import { makeNeedle } from '../src-main/core/export/leak-match.ts';
import { redactPdf, type SourcePage } from '../src-main/core/export/redacted-pdf.ts';
import { mergeRanges } from '../src-main/core/export/selection.ts';
import { verifyPdf } from '../src-main/core/export/verify.ts';
import type { TextRun } from '../src-main/core/layout/text-runs.ts';

const PAGES = 200;
const require = createRequire(import.meta.url);

async function makePdf(): Promise<Uint8Array> {
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

async function extract(bytes: Uint8Array): Promise<{ text: string; pages: SourcePage[] }> {
  const doc = await openPdfjs(bytes);
  let text = '';
  const pages: SourcePage[] = [];
  for (let pageNo = 1; pageNo <= doc.numPages; pageNo++) {
    const page = await doc.getPage(pageNo);
    const textStart = text.length;
    const runs: TextRun[] = [];
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str === '') continue;
      const t = item.transform as TextRun['transform'];
      runs.push({ start: text.length, end: text.length + item.str.length, transform: t, width: item.width, height: Math.hypot(t[2], t[3]), ascent: 0.9, descent: -0.25 });
      text += item.str + '\n';
    }
    pages.push({ pageNo, textStart, textEnd: text.length, runs });
    page.cleanup();
  }
  await closePdfjs(doc);
  return { text, pages };
}

export async function benchExport(): Promise<void> {
  let peak = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
  };
  const timer = setInterval(sample, 20);
  const bytes = await makePdf();
  const { text, pages } = await extract(bytes);
  const spans = [...text.matchAll(/Person Number\d+x\d+/g)].map((m, i) => ({ id: i + 1, start: m.index, end: m.index + m[0].length, label: 'PER' }));
  const baseline = process.memoryUsage().rss;
  const t0 = performance.now();
  const result = await redactPdf(bytes, text, pages, mergeRanges(spans), { dpi: 200, colour: { r: 0, g: 0, b: 0 }, overlay: 'label', wholePages: new Set() });
  const t1 = performance.now();
  const verdict = await verifyPdf(result.bytes, spans.map((s) => makeNeedle(String(s.id), text.slice(s.start, s.end))!));
  const t2 = performance.now();
  clearInterval(timer);
  sample();
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.log(`export: ${PAGES} pages, ${result.rasterisedPages.length} rasterised at 200 dpi, ${spans.length} spans`);
  console.log(`  redact: ${((t1 - t0) / 1000).toFixed(2)} s = ${(PAGES / ((t1 - t0) / 1000)).toFixed(1)} pages/s (${(result.rasterisedPages.length / ((t1 - t0) / 1000)).toFixed(1)} rasterised pages/s)`);
  console.log(`  verify: ${((t2 - t1) / 1000).toFixed(2)} s = ${(PAGES / ((t2 - t1) / 1000)).toFixed(1)} pages/s; ok=${verdict.ok}`);
  console.log(`  end to end: ${(PAGES / ((t2 - t0) / 1000)).toFixed(1)} pages/s; output ${mb(result.bytes.length)}`);
  console.log(`  peak RSS ${mb(peak)} (before redaction ${mb(baseline)}; maxRSS ${mb(process.resourceUsage().maxRSS * 1024)})`);
  if (!verdict.ok) process.exitCode = 1;
}

if (import.meta.main) await benchExport();
