// What a reader sees in the pictures of a written PDF: every page that is an image (rendered to
// burn in redactions, or a scan) is rendered from the file as written and read again by OCR, and
// the redacted strings and the residual scan are looked for in that text. The text layer is what
// we wrote; the pixels are what a person reads, and a box that missed its word shows only there.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES_AT_ONCE, type OcrEngine, type RawImage } from '../ocr/engine.ts';
import { wordsText } from '../ocr/page-words.ts';
import { renderForOcr } from '../ocr/page-render.ts';
import { findNeedles, makeHaystack, type Needle } from './leak-match.ts';
import { closePdfjs, openPdfjs } from './pdfjs.ts';
import type { Check, Finding } from './verify.ts';

/** Pages are read at 200 dpi: enough for body text, half the time of 300. */
const CHECK_DPI = 200;

export interface PixelReader {
  /** The page image's text, words in reading order, lines on lines. */
  text(image: RawImage, signal?: AbortSignal): Promise<string>;
  close(): Promise<void>;
  /** Pages it reads at once. */
  parallel?: number;
}

/**
 * Tesseract, started on the first page it is asked to read (an export without images never starts
 * it): ENGINES_AT_ONCE engines, each page going to the engine with the shorter queue.
 */
export function ocrPixelReader(languages: string[] = ['eng'], cachePath = join(tmpdir(), 'docket-ocr-cache')): PixelReader {
  const size = ENGINES_AT_ONCE;
  const engines: Array<{ engine: Promise<OcrEngine>; queued: number }> = [];
  const start = () => import('../ocr/engine.ts').then(({ createOcrEngine }) => createOcrEngine({ languages, cachePath }));
  return {
    parallel: size,
    async text(image, signal) {
      if (engines.length < size && engines.every((e) => e.queued > 0)) engines.push({ engine: start(), queued: 0 });
      const slot = engines.reduce((a, b) => (b.queued < a.queued ? b : a));
      slot.queued++;
      let page;
      try {
        page = await (await slot.engine).recognize(image, signal);
      } finally {
        slot.queued--;
      }
      return wordsText(page.words);
    },
    async close() {
      await Promise.all(engines.map(async (e) => (await e.engine).close()));
    },
  };
}

export interface PageReading {
  pageNo: number;
  text: string;
}

/** The OCR text of `pages` of the written file. */
export async function readPages(bytes: Uint8Array, pages: readonly number[], reader: PixelReader, signal?: AbortSignal): Promise<PageReading[]> {
  const doc = await openPdfjs(bytes);
  try {
    const out: PageReading[] = [];
    const queue = [...pages];
    // As many pages in flight as the reader reads at once; rendering runs here meanwhile.
    await Promise.all(
      Array.from({ length: reader.parallel ?? 1 }, async () => {
        for (let pageNo = queue.shift(); pageNo !== undefined; pageNo = queue.shift()) {
          const rendered = await renderForOcr(doc, pageNo, CHECK_DPI);
          out.push({ pageNo, text: await reader.text(rendered.pixels, signal) });
        }
      }),
    );
    return out.sort((a, b) => a.pageNo - b.pageNo);
  } finally {
    await closePdfjs(doc);
  }
}

/**
 * Redacted strings (those the analyst redacted everywhere) in the OCR text of each page. Strings
 * left unredacted elsewhere in the source are not counted here: the text layer check counts them.
 */
export function pixelFindings(readings: readonly PageReading[], needles: readonly Needle[]): { check: Check; findings: Finding[] } {
  const absent = needles.filter((n) => n.allowed === 0);
  const findings: Finding[] = [];
  for (const { pageNo, text } of readings) {
    for (const needleId of findNeedles(makeHaystack(text), absent))
      findings.push({ check: 'ocr-pixels', page: pageNo, where: 'text read by OCR from the page image', needleId });
  }
  const scope = `${readings.length} page image(s) of the written file read again by OCR (Tesseract, ${CHECK_DPI} dpi)`;
  const check: Check =
    findings.length === 0
      ? { name: 'ocr-pixels', passed: true, detail: scope }
      : { name: 'ocr-pixels', passed: false, detail: `${findings.length} redacted string(s) readable in ${scope}` };
  return { check, findings };
}
