// OCR words → the page's text and text runs, the same runs PDF text has (layout/text-runs.ts), so
// detectors, models, the span editor, the page view and the redacted export work on scans
// unchanged. Words of a line are joined by a space and lines by a line break, in the engine's
// reading order. Each word is one run: its baseline along the bottom of the word's box, in the
// direction the line reads (a page scanned sideways reads up or down the image), in unrotated
// PDF user space. Glyph advances are not measured: boxes inside a word are estimated and padded.
import type { TextRun } from '../layout/text-runs.ts';
import type { PageText } from '../store/queries/page-texts.ts';
import type { OcrPage, OcrWord } from './engine.ts';

/** Where the rendered image sat on the page: pdf.js `view` (crop box, points) and pixels per point. */
export interface RenderedGeometry {
  view: readonly [number, number, number, number];
  scale: number;
}

type Point = readonly [number, number];

export function pageText(page: OcrPage, geometry: RenderedGeometry): PageText {
  const { text, placed } = laidOut(page.words);
  const runs = placed.map(({ word, start, end }) => wordRun(word, start, end, page, geometry));
  const confidence = placed.reduce((sum, p) => sum + p.word.confidence, 0);
  return { text, runs, confidence: runs.length > 0 ? confidence / runs.length : 0, words: runs.length };
}

/** The words as text, as pageText writes them (for readers that need no boxes). */
export function wordsText(words: readonly OcrWord[]): string {
  return laidOut(words).text;
}

/** A space between words of a line, a line break between lines; where each word landed. */
function laidOut(words: readonly OcrWord[]): { text: string; placed: Array<{ word: OcrWord; start: number; end: number }> } {
  let text = '';
  const placed: Array<{ word: OcrWord; start: number; end: number }> = [];
  let line = -1;
  for (const word of words) {
    const value = word.text.trim();
    if (!value) continue;
    if (line >= 0) text += word.line === line ? ' ' : '\n';
    line = word.line;
    const start = text.length;
    text += value;
    placed.push({ word, start, end: text.length });
  }
  return { text, placed };
}

function wordRun(word: OcrWord, start: number, end: number, page: OcrPage, geometry: RenderedGeometry): TextRun {
  // The word's box as the engine read it (upright), then its baseline's ends and top-left corner
  // back in the image as given, then on the page.
  const toUpright = upright(page.rotation, page.width, page.height);
  const corners = [toUpright([word.x0, word.y0]), toUpright([word.x1, word.y1])];
  const u0 = Math.min(corners[0]![0], corners[1]![0]);
  const u1 = Math.max(corners[0]![0], corners[1]![0]);
  const v0 = Math.min(corners[0]![1], corners[1]![1]);
  const v1 = Math.max(corners[0]![1], corners[1]![1]);
  const back = fromUpright(page.rotation, page.width, page.height);
  const toPage = ([x, y]: Point): Point => [geometry.view[0] + x / geometry.scale, geometry.view[3] - y / geometry.scale];
  const origin = toPage(back([u0, v1]));
  const along = toPage(back([u1, v1]));
  const top = toPage(back([u0, v0]));
  const width = Math.hypot(along[0] - origin[0], along[1] - origin[1]);
  const size = Math.hypot(top[0] - origin[0], top[1] - origin[1]);
  const dir: Point = width > 0 ? [(along[0] - origin[0]) / width, (along[1] - origin[1]) / width] : [1, 0];
  return {
    start,
    end,
    // Direction times size, and its normal: the shape of a pdf.js item transform.
    transform: [dir[0] * size, dir[1] * size, -dir[1] * size, dir[0] * size, origin[0], origin[1]],
    width,
    height: size,
    ascent: 1,
    descent: 0,
    confidence: word.confidence,
  };
}

/** Image pixels → the upright image the engine read, rotated clockwise by `rotation`. */
function upright(rotation: OcrPage['rotation'], w: number, h: number): (p: Point) => Point {
  if (rotation === 90) return ([x, y]) => [h - y, x];
  if (rotation === 180) return ([x, y]) => [w - x, h - y];
  if (rotation === 270) return ([x, y]) => [y, w - x];
  return (p) => p;
}

/** The upright image's pixels → the image as given. */
function fromUpright(rotation: OcrPage['rotation'], w: number, h: number): (p: Point) => Point {
  if (rotation === 90) return ([u, v]) => [v, h - u];
  if (rotation === 180) return ([u, v]) => [w - u, h - v];
  if (rotation === 270) return ([u, v]) => [w - v, u];
  return (p) => p;
}
