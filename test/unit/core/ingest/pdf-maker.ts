// Test support: PDFs written from raw content streams (F1 Helvetica, F2 Helvetica-Bold), so a
// test controls exactly how glyphs are drawn (Tj per glyph, TJ kerning, Tc, Tw, rotation); their
// extraction checked run by run against pdf.js's own items; boxes checked against where glyphs
// were drawn; and poppler's pdftotext as an independent reading of the same file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { degrees, PDFDocument, PDFName, StandardFonts, type PDFFont } from 'pdf-lib';
import { expect } from 'vitest';
import { closePdfjs, openPdfjs } from '../../../../src-main/core/export/pdfjs.ts';
import { extractPdf } from '../../../../src-main/core/ingest/pdf.ts';
import type { ExtractedDocument } from '../../../../src-main/core/ingest/types.ts';
import { boxesForRange } from '../../../../src-main/core/layout/boxes.ts';

export interface RawPage {
  content: string;
  rotate?: number;
  size?: [number, number];
}

let helvetica: PDFFont | undefined;

/** Width of text in Helvetica (the F1 font), for placing glyphs and checking boxes. */
export async function helveticaWidth(text: string, size: number): Promise<number> {
  if (!helvetica) helvetica = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
  return helvetica.widthOfTextAtSize(text, size);
}

export async function rawPdf(pages: readonly RawPage[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (const spec of pages) {
    const page = doc.addPage(spec.size ?? [612, 792]);
    if (spec.rotate) page.setRotation(degrees(spec.rotate));
    page.node.setFontDictionary(PDFName.of('F1'), regular.ref);
    page.node.setFontDictionary(PDFName.of('F2'), bold.ref);
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(spec.content)));
  }
  return doc.save();
}

const dir = mkdtempSync(join(tmpdir(), 'docket-pdf-order-'));
let available: boolean | undefined;

/** pdftotext's text of the PDF (raw mode with `-raw`), or undefined when poppler is missing. */
export function pdftotext(bytes: Uint8Array, ...args: string[]): string | undefined {
  if (available === undefined) {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
      available = true;
    } catch {
      available = false;
    }
  }
  if (!available) return undefined;
  const path = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8' });
}

/** Words separated by single spaces, lines dropped: what both readers must agree on. */
export const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Poppler's non-empty lines, for comparing line order. */
export const popplerLines = (bytes: Uint8Array) =>
  pdftotext(bytes)
    ?.split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Each page's non-whitespace pdf.js items, as "str@transform": what the runs must map to. */
export async function pdfjsItems(bytes: Uint8Array): Promise<string[][]> {
  const doc = await openPdfjs(bytes);
  const pages: string[][] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.flatMap((i) => ('str' in i && i.str.trim() ? [`${i.str.trim()}@${i.transform.join(',')}`] : [])));
    }
  } finally {
    await closePdfjs(doc);
  }
  return pages;
}

/** Extracts the PDF, checking every run against pdf.js's own items and its page's bounds. */
export async function extract(pages: RawPage[] | Uint8Array): Promise<{ bytes: Uint8Array; doc: ExtractedDocument }> {
  const bytes = pages instanceof Uint8Array ? pages : await rawPdf(pages);
  const doc = await extractPdf('test.pdf', bytes);
  const items = await pdfjsItems(bytes);
  doc.pages.forEach((page, i) => {
    const runs = page.runs.map((r) => `${doc.text.slice(r.start, r.end)}@${r.transform.join(',')}`);
    expect(runs.sort()).toEqual([...items[i]!].sort());
    for (const r of page.runs) expect([r.start >= page.textStart, r.end <= page.textEnd]).toEqual([true, true]);
    expect(page.needsOcr).toBe(page.runs.length === 0);
  });
  expect(doc.text).not.toMatch(/ {2}| \n|\n /);
  return { bytes, doc };
}

/**
 * The boxes over text[start, end) cover the glyphs drawn at [from, to] along `axis`, and stick
 * out by no more than the half em a run without glyph advances is padded by, plus 2 pt.
 */
export function expectBoxesOn(doc: ExtractedDocument, start: number, end: number, axis: 'x' | 'y', from: number, to: number, size: number): void {
  const boxes = boxesForRange(doc.pages, start, end, { padding: 0, text: doc.text });
  const lo = Math.min(...boxes.map((b) => b[axis]));
  const hi = Math.max(...boxes.map((b) => b[axis] + (axis === 'x' ? b.w : b.h)));
  expect(lo).toBeLessThanOrEqual(from + 0.01);
  expect(hi).toBeGreaterThanOrEqual(to - 0.01);
  // Half an em of slack, more inside long runs whose glyph widths are estimated (layout/boxes.ts).
  expect(Math.max(from - lo, hi - to)).toBeLessThanOrEqual(size + 2);
}
export const wordAt = (doc: ExtractedDocument, word: string): [number, number] => {
  const at = doc.text.indexOf(word);
  expect(at, word).toBeGreaterThanOrEqual(0);
  return [at, at + word.length];
};
