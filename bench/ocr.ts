// `npm run bench -- ocr`: Docket's OCR engine (Tesseract through tesseract.js, one worker) on
// generated scans of a letter (test/fixtures/ocr/scans.ts): N clean 300 dpi pages and N noisy ones
// (speckles, ±2° skew, JPEG quality 60). Prints the mean character error rate of each set, pages
// per second and peak memory, and, on the same pages, PaddleOCR (PP-OCRv4 through
// @gutenye/ocr-node on onnxruntime-node), when it can run here. BENCH_OCR_PAGES changes N (6).
//
// Threads: our engine reads on one worker thread (Tesseract compiled to wasm is single-threaded)
// and decodes/despeckles on the main thread; onnxruntime uses every core for each model run. This
// machine has 2 cores: Paddle gets both, Tesseract one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { importPaths } from '../src-main/core/ingest/import-job.ts';
import { createOcrEngine, ENGINES_AT_ONCE } from '../src-main/core/ocr/engine.ts';
import { wordsText } from '../src-main/core/ocr/page-words.ts';
import { runOcr } from '../src-main/core/ocr/run-ocr.ts';
import { openDatabase } from '../src-main/core/store/database.ts';
import { cer, scanPage, type ScanOptions, type ScanPage } from '../test/fixtures/ocr/scans.ts';
import { watchMemory } from './peak-memory.ts';

const PAGES = Number(process.env.BENCH_OCR_PAGES ?? 6);

interface Result {
  cer: number;
  pagesPerSecond: number;
  peakMb: number;
}
interface Reader {
  name: string;
  read(page: ScanPage): Promise<string>;
  close(): Promise<void>;
}

async function tesseractReader(): Promise<Reader & { startMs: number }> {
  const cachePath = mkdtempSync(join(tmpdir(), 'docket-bench-ocr-'));
  const started = performance.now();
  const engine = await createOcrEngine({ languages: ['eng'], cachePath });
  return {
    name: 'Docket (Tesseract)',
    startMs: performance.now() - started,
    read: async (page) => wordsText((await engine.recognize(page.image)).words),
    close: async () => {
      await engine.close();
      rmSync(cachePath, { recursive: true, force: true });
    },
  };
}

interface PaddleLine {
  text: string;
}
interface PaddleOcr {
  detect(image: Buffer): Promise<PaddleLine[]>;
}

async function paddleReader(): Promise<(Reader & { startMs: number }) | string> {
  try {
    const started = performance.now();
    const module = (await import('@gutenye/ocr-node')) as unknown as { default: { create(): Promise<PaddleOcr> } };
    const ocr = await module.default.create();
    return {
      name: 'PaddleOCR (PP-OCRv4)',
      startMs: performance.now() - started,
      // One entry per detected text line, top to bottom.
      read: async (page) => (await ocr.detect(Buffer.from(page.image))).map((line) => line.text).join('\n'),
      close: async () => {},
    };
  } catch (error) {
    return `PaddleOCR could not run here: ${(error as Error).message.split('\n')[0]}`;
  }
}

async function measure(reader: Reader, pages: ScanPage[]): Promise<Result> {
  await reader.read(pages[0]!); // warm-up, not counted: first-page allocations
  const memory = watchMemory();
  const started = performance.now();
  let total = 0;
  for (const page of pages) total += cer(page.text, await reader.read(page));
  const seconds = (performance.now() - started) / 1000;
  return { cer: total / pages.length, pagesPerSecond: pages.length / seconds, peakMb: memory.stop().peakMb };
}

export async function benchOcr(): Promise<void> {
  const sets: Record<string, ScanOptions[]> = {
    'clean 300 dpi PNG': Array.from({ length: PAGES }, (_, i) => ({ seed: 100 + i, dpi: 300 })),
    'noisy 300 dpi JPEG q60, ±2° skew': Array.from({ length: PAGES }, (_, i) => ({
      seed: 200 + i,
      dpi: 300,
      noise: 0.3,
      skewDegrees: i % 2 ? -2 : 2,
      jpegQuality: 60,
    })),
  };
  const pages = Object.fromEntries(Object.entries(sets).map(([name, options]) => [name, options.map(scanPage)]));
  console.log(
    `OCR: ${PAGES} pages per set, A4 letter with PII (${pages['clean 300 dpi PNG']![0]!.width}×${pages['clean 300 dpi PNG']![0]!.height} px), ${availableParallelism()} cores`,
  );

  const readers: Array<Reader & { startMs: number }> = [await tesseractReader()];
  const paddle = await paddleReader();
  if (typeof paddle === 'string') console.log(paddle);
  else readers.push(paddle);

  const results: Record<string, Record<string, Result>> = {};
  for (const reader of readers) {
    results[reader.name] = {};
    for (const [set, scans] of Object.entries(pages)) results[reader.name]![set] = await measure(reader, scans);
    await reader.close();
  }

  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`${pad('engine', 22)}${pad('set', 36)}${pad('mean CER', 10)}${pad('pages/s', 9)}${pad('s/page', 8)}peak RSS`);
  for (const reader of readers) {
    for (const [set, r] of Object.entries(results[reader.name]!)) {
      console.log(
        `${pad(reader.name, 22)}${pad(set, 36)}${pad(`${(r.cer * 100).toFixed(2)}%`, 10)}${pad(r.pagesPerSecond.toFixed(2), 9)}${pad((1 / r.pagesPerSecond).toFixed(2), 8)}${r.peakMb} MB`,
      );
    }
  }
  for (const reader of readers) console.log(`${reader.name}: started in ${(reader.startMs / 1000).toFixed(1)} s`);
  console.log('Tesseract: 1 worker thread (wasm) + decode/despeckle on the main thread; Paddle: onnxruntime on all cores.');
  if (readers.length === 2) {
    const meanCer = (name: string) => Object.values(results[name]!).reduce((sum, r) => sum + r.cer, 0) / Object.keys(pages).length;
    const [a, b] = readers.map((r) => ({ name: r.name, cer: meanCer(r.name) })) as [{ name: string; cer: number }, { name: string; cer: number }];
    const better = a.cer <= b.cer ? a : b;
    const worse = better === a ? b : a;
    console.log(`More accurate over both sets: ${better.name} (mean CER ${(better.cer * 100).toFixed(2)}% against ${(worse.cer * 100).toFixed(2)}%).`);
  }
  await measureRun(pages['clean 300 dpi PNG']!);
}

/**
 * The OCR run as the app runs it (run-ocr.ts, two engines, each taking the next page), end to end:
 * the pages in a scanned PDF imported into a project, rendered at 300 dpi, read, and written.
 */
async function measureRun(scans: ScanPage[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'docket-bench-ocr-run-'));
  try {
    const pdf = await PDFDocument.create();
    for (const scan of scans) {
      const page = pdf.addPage([(scan.width * 72) / 300, (scan.height * 72) / 300]);
      page.drawImage(await pdf.embedPng(scan.image), { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
    }
    writeFileSync(join(dir, 'scans.pdf'), await pdf.save());
    const db = openDatabase(join(dir, 'p.docket'), { create: true });
    const job = { signal: new AbortController().signal, report: () => {} };
    await importPaths(db, { paths: [join(dir, 'scans.pdf')] }, job);
    const started = performance.now();
    const summary = await runOcr(db, { pages: 'needs-ocr', languages: ['eng'] }, { cachePath: join(dir, 'cache') }, job);
    const seconds = (performance.now() - started) / 1000;
    db.close();
    console.log(
      `Docket's OCR run (run-ocr.ts: ${ENGINES_AT_ONCE} engines, render at 300 dpi, read, store): ${summary.counts.pages} pages in ${seconds.toFixed(1)} s = ${((summary.counts.pages ?? 0) / seconds).toFixed(2)} pages/s, engine start included`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
