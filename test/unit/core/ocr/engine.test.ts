// The OCR engine on generated scans (test/fixtures/ocr/scans.ts): a letter with PII, rendered at
// 300 dpi, read clean, noisy and skewed, and sideways. One engine (one Tesseract worker) for the
// file; the pages are read once in beforeAll and each test checks one property of the results.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrEngine, despeckle, installedLanguages, type OcrEngine, type OcrPage, type OcrWord } from '../../../../src-main/core/ocr/engine.ts';
import { cer, LETTER_PII, scanFont, scanPage, type ScanPage } from '../../../fixtures/ocr/scans.ts';

interface Read {
  scan: ScanPage;
  page: OcrPage;
  text: string;
}

/** The page's text as the engine read it: words joined by spaces, lines by newlines. */
function textOf(words: OcrWord[]): string {
  const lines: string[][] = [];
  for (const word of words) (lines[word.line] ??= []).push(word.text);
  return lines.map((line) => line.join(' ')).join('\n');
}

let cachePath: string;
let engine: OcrEngine;
let clean: Read;
let noisy: Read;
let sideways: Read;

async function read(options: Parameters<typeof scanPage>[0]): Promise<Read> {
  const scan = scanPage(options);
  const page = await engine.recognize(scan.image);
  return { scan, page, text: textOf(page.words) };
}

/** The word containing `needle`, and the rendered line (ground truth) that contains it. */
function wordAndLine(read: Read, needle: string) {
  const word = read.page.words.find((w) => w.text.includes(needle));
  const line = read.scan.lines.find((l) => l.text.includes(needle));
  if (!word || !line) throw new Error(`"${needle}" not found (read: ${read.text})`);
  return { word, line: line.box };
}

function expectInside(inner: { x0: number; y0: number; x1: number; y1: number }, outer: typeof inner, slack: number): void {
  expect(inner.x0).toBeGreaterThanOrEqual(outer.x0 - slack);
  expect(inner.y0).toBeGreaterThanOrEqual(outer.y0 - slack);
  expect(inner.x1).toBeLessThanOrEqual(outer.x1 + slack);
  expect(inner.y1).toBeLessThanOrEqual(outer.y1 + slack);
  expect(inner.x1).toBeGreaterThan(inner.x0);
  expect(inner.y1).toBeGreaterThan(inner.y0);
}

beforeAll(async () => {
  cachePath = mkdtempSync(join(tmpdir(), 'docket-ocr-'));
  engine = await createOcrEngine({ languages: ['eng'], cachePath });
  clean = await read({ seed: 1, dpi: 300 });
  noisy = await read({ seed: 11, dpi: 300, noise: 0.3, skewDegrees: 2, jpegQuality: 60 });
  sideways = await read({ seed: 3, dpi: 300, rotate90: true });
});

afterAll(async () => {
  await engine?.close();
  rmSync(cachePath, { recursive: true, force: true });
});

describe('OCR engine', () => {
  it('reads a clean 300 dpi page with a character error rate of at most 2%', () => {
    expect(cer(clean.scan.text, clean.text)).toBeLessThanOrEqual(0.02);
    expect(clean.page).toMatchObject({ width: 2480, height: 3508, rotation: 0, skew: 0 });
    expect(clean.page.confidence).toBeGreaterThan(80);
    // One line of words per rendered line, in reading order.
    expect(clean.text.split('\n')).toHaveLength(clean.scan.lines.length);
  });

  it('reads a noisy JPEG (quality 60) skewed by 2° with a character error rate of at most 5%', () => {
    expect(cer(noisy.scan.text, noisy.text)).toBeLessThanOrEqual(0.05);
    expect(noisy.page.rotation).toBe(0);
    expect(noisy.page.skew).toBeGreaterThan(1.5);
    expect(noisy.page.skew).toBeLessThan(2.5);
  });

  it('reads a page scanned sideways and reports the quarter turn', () => {
    expect(cer(sideways.scan.text, sideways.text)).toBeLessThanOrEqual(0.05);
    expect([90, 270]).toContain(sideways.page.rotation);
    expect(sideways.page).toMatchObject({ width: 3508, height: 2480 });
  });

  it('gives word boxes in the pixels of the image as given, also when it turned or straightened it', () => {
    for (const page of [clean, noisy, sideways]) {
      // Each word read as printed, matched to the rendered word: their centres coincide.
      const truth = [...page.scan.words];
      const offsets: number[] = [];
      for (const word of page.page.words) {
        const index = truth.findIndex((t) => t.text === word.text);
        if (index < 0) continue;
        const { box } = truth.splice(index, 1)[0]!;
        offsets.push(Math.hypot((word.x0 + word.x1 - box.x0 - box.x1) / 2, (word.y0 + word.y1 - box.y0 - box.y1) / 2));
      }
      offsets.sort((a, b) => a - b);
      expect(offsets.length).toBeGreaterThan(0.8 * page.scan.words.length);
      expect(offsets[offsets.length >> 1]).toBeLessThan(4);
      expect(offsets[Math.floor(offsets.length * 0.9)]).toBeLessThan(10);
    }
    for (const page of [clean, sideways]) {
      const { word, line } = wordAndLine(page, '@');
      expectInside(word, line, 3);
    }
    // Straightened by 2° and then turned back: the box is the hull of the turned word box, a few
    // pixels larger, and a speck touching a letter may join the word.
    const { word, line } = wordAndLine(noisy, '@');
    expectInside(word, line, 20);
    // Sideways, the email runs down the image: a tall, narrow box.
    const down = wordAndLine(sideways, '@').word;
    expect(down.y1 - down.y0).toBeGreaterThan(5 * (down.x1 - down.x0));
  });

  it('reads the card number, phone number and email exactly', () => {
    for (const page of [clean, sideways]) {
      const flat = page.text.replace(/\n/g, ' ');
      expect(flat).toContain(LETTER_PII.card);
      expect(flat).toContain(LETTER_PII.phone);
      expect(page.page.words.map((w) => w.text)).toContain(LETTER_PII.email);
      expect(flat).toContain(LETTER_PII.iban);
      expect(flat).toContain(LETTER_PII.name);
    }
    // On the noisy scan every character is right, but Tesseract may put a space into a word
    // next to a speck ("555- 0187"): compare without spaces.
    const squeezed = noisy.text.replace(/\s+/g, '');
    for (const pii of [LETTER_PII.card, LETTER_PII.phone, LETTER_PII.email]) expect(squeezed).toContain(pii.replace(/\s+/g, ''));
  });

  it('lists eng among the installed languages and refuses one that is not installed, naming it', async () => {
    expect(installedLanguages()).toContain('eng');
    const missing = ['fra', 'deu', 'spa', 'ita', 'nld'].find((code) => !installedLanguages().includes(code))!;
    await expect(createOcrEngine({ languages: ['eng', missing], cachePath })).rejects.toThrow(
      new RegExp(`"${missing}".*npm install @tesseract\\.js-data/${missing}`),
    );
  });

  it('rejects promptly when the signal aborts, and reads again afterwards', async () => {
    const scan = scanPage({ seed: 21, dpi: 200 });
    await expect(engine.recognize(scan.image, AbortSignal.abort())).rejects.toThrow(/abort/i);

    const controller = new AbortController();
    const reading = engine.recognize(scan.image, controller.signal);
    setTimeout(() => controller.abort(), 300);
    const started = performance.now();
    await expect(reading).rejects.toThrow(/abort/i);
    expect(performance.now() - started).toBeLessThan(1_000);

    // The aborted page ended the worker; the next page starts a new one.
    const again = await engine.recognize(scan.image);
    expect(cer(scan.text, textOf(again.words))).toBeLessThanOrEqual(0.02);
  });

  it('whitens specks far from the text and keeps the full stops, commas and dots next to it', () => {
    const width = 1400;
    const height = 400;
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.fillStyle = '#000';
    context.font = `46px "${scanFont()}"`;
    const text = 'Dear Mr. Smith, it is done.';
    context.fillText(text, 100, 200);
    const stop = { x: 100 + context.measureText(text.slice(0, -1)).width, width: context.measureText('.').width };
    const specks = [
      [1300, 60],
      [700, 340],
      [40, 380],
      [1200, 300],
    ] as const;
    for (const [x, y] of specks) context.fillRect(x - 2, y - 2, 5, 5);
    const rgba = context.getImageData(0, 0, width, height).data;
    const grey = new Uint8Array(width * height).map((_, i) => rgba[i * 4]!);
    const dark = (x0: number, y0: number, x1: number, y1: number) => {
      let count = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (grey[y * width + x]! < 128) count++;
      return count;
    };
    const before = dark(0, 0, width, height);
    const stopBefore = dark(Math.floor(stop.x), 180, Math.ceil(stop.x + stop.width), 205);
    expect(stopBefore).toBeGreaterThan(0);

    expect(despeckle(grey, width, height)).toBe(specks.length);
    for (const [x, y] of specks) expect(dark(x - 4, y - 4, x + 5, y + 5)).toBe(0);
    expect(dark(Math.floor(stop.x), 180, Math.ceil(stop.x + stop.width), 205)).toBe(stopBefore);
    expect(dark(0, 0, width, height)).toBe(before - specks.length * 25);
  });
});

describe('engines started together', () => {
  it('share a fresh cache folder: two started at once both read', async () => {
    const { createOcrEngine } = await import('../../../../src-main/core/ocr/engine.ts');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const cachePath = mkdtempSync(join(tmpdir(), 'docket-ocr-together-'));
    const engines = await Promise.all([createOcrEngine({ languages: ['eng'], cachePath }), createOcrEngine({ languages: ['eng'], cachePath })]);
    await Promise.all(engines.map((e) => e.close()));
    expect(engines).toHaveLength(2);
  }, 60_000);
});
