// OCR words become text runs on the page: the redaction box of a word covers the word's pixels
// (mapped back to PDF user space), for an upright page and for one scanned sideways.
import { describe, expect, it } from 'vitest';
import { boxesForRange } from '../../../../src-main/core/layout/boxes.ts';
import type { OcrPage } from '../../../../src-main/core/ocr/engine.ts';
import { pageText } from '../../../../src-main/core/ocr/page-words.ts';

// A letter-size page rendered at 300 dpi: 2550 × 3300 pixels, 300/72 pixels per point.
const geometry = { view: [0, 0, 612, 792] as const, scale: 300 / 72 };
const px = (v: number) => v / geometry.scale;

function box(text: string, start: number, end: number, page: OcrPage) {
  const read = pageText(page, geometry);
  const at = read.text.indexOf(text);
  expect(at).toBeGreaterThanOrEqual(0);
  return { read, boxes: boxesForRange([{ pageNo: 1, runs: read.runs }], at + start, at + end, { padding: 0, text: read.text }) };
}

/** Whether `outer` (PDF points) contains the pixel box (x0, y0)-(x1, y1) of the image. */
function covers(outer: { x: number; y: number; w: number; h: number }, [x0, y0, x1, y1]: [number, number, number, number]) {
  const left = px(x0);
  const right = px(x1);
  const top = 792 - px(y0);
  const bottom = 792 - px(y1);
  return outer.x <= left + 1e-6 && outer.x + outer.w >= right - 1e-6 && outer.y <= bottom + 1e-6 && outer.y + outer.h >= top - 1e-6;
}

describe('pageText', () => {
  const upright: OcrPage = {
    width: 2550,
    height: 3300,
    rotation: 0,
    skew: 0,
    confidence: 90,
    words: [
      { text: 'Call', x0: 300, y0: 400, x1: 420, y1: 450, confidence: 95, line: 0 },
      { text: '212-555-0100', x0: 450, y0: 400, x1: 800, y1: 450, confidence: 85, line: 0 },
      { text: 'Regards', x0: 300, y0: 500, x1: 520, y1: 550, confidence: 90, line: 1 },
    ],
  };

  it('joins words of a line by a space and lines by a line break, with the mean confidence', () => {
    const read = pageText(upright, geometry);
    expect(read.text).toBe('Call 212-555-0100\nRegards');
    expect(read.words).toBe(3);
    expect(read.confidence).toBeCloseTo(90);
    expect(read.runs.map((r) => read.text.slice(r.start, r.end))).toEqual(['Call', '212-555-0100', 'Regards']);
  });

  it('puts the box of a whole word over its pixels', () => {
    const { boxes } = box('212-555-0100', 0, 12, upright);
    expect(boxes).toHaveLength(1);
    expect(covers(boxes[0]!, [450, 400, 800, 450])).toBe(true);
    // and not far beyond: less than a line's height on either side
    expect(boxes[0]!.w).toBeLessThan(px(350) + 2 * px(50) + 1);
  });

  it('maps a page the engine read rotated 90° back onto the image as given', () => {
    // The image is the page turned a quarter anticlockwise: the engine turned it 90° clockwise to
    // read. The word "Regards" stands upright at (300, 500)-(520, 550) in the upright image of
    // 3300 × 2550; in the given 2550 × 3300 image that is (500, 2780)-(550, 3000).
    const sideways: OcrPage = { ...upright, rotation: 90, words: [{ text: 'Regards', x0: 500, y0: 2780, x1: 550, y1: 3000, confidence: 90, line: 0 }] };
    const { read, boxes } = box('Regards', 0, 7, sideways);
    expect(boxes).toHaveLength(1);
    expect(covers(boxes[0]!, [500, 2780, 550, 3000])).toBe(true);
    // The run reads along the long side of the word's box: up the page.
    const [a, b] = read.runs[0]!.transform;
    expect(Math.abs(a)).toBeLessThan(1e-9);
    expect(b).toBeGreaterThan(0);
  });
});

describe('uncertain OCR words on the page view', () => {
  it('outlines the words read below the confidence bar, where they are on the rendered page', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const { renderPageImage, UNCERTAIN_OCR_WORD } = await import('../../../../src-main/core/layout/page-image.ts');
    const pdf = await PDFDocument.create();
    pdf.addPage([612, 792]);
    const bytes = await pdf.save();
    const page: OcrPage = {
      width: 2550,
      height: 3300,
      rotation: 0,
      skew: 0,
      confidence: 70,
      words: [
        { text: 'sure', x0: 300, y0: 400, x1: 420, y1: 450, confidence: 96, line: 0 },
        { text: 'unsure', x0: 450, y0: 400, x1: 800, y1: 450, confidence: UNCERTAIN_OCR_WORD - 20, line: 0 },
      ],
    };
    const read = pageText(page, geometry);
    const image = await renderPageImage({ sha256: 'uncertain-test', bytes: () => bytes }, { pageNo: 1, runs: read.runs }, [], 1);
    expect(image.uncertain).toHaveLength(1);
    const [word] = image.uncertain;
    expect(word!.confidence).toBe(UNCERTAIN_OCR_WORD - 20);
    // At scale 1 the image is in points: the word's pixels 450-800 of 2550 are 108-192 pt.
    expect(word!.x).toBeLessThanOrEqual(px(450) + 0.01);
    expect(word!.x + word!.w).toBeGreaterThanOrEqual(px(800) - 0.01);
  });
});
