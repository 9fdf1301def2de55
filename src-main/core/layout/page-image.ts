// A PDF page as the page view shows it: rendered (with its rotation) to PNG, and the boxes of
// the document's spans on that page in the image's pixel coordinates (origin top-left).
// Rendering is the slow part and does not depend on the spans, so rendered pages are kept (a
// few, keyed by the file's SHA-256): a span edit recomputes boxes without opening the PDF again.
import { createCanvas } from '@napi-rs/canvas';
import type { Span } from '../model/span.ts';
import { closePdfjs, openPdfjs, paintPage } from '../export/pdfjs.ts';
import { boxesForRange } from './boxes.ts';
import type { TextRun } from './text-runs.ts';

export interface PageImage {
  imageDataUrl: string;
  width: number;
  height: number;
  boxes: Array<{ x: number; y: number; w: number; h: number; spanId: number }>;
  /** Words OCR read with a confidence below UNCERTAIN_OCR_WORD, in image pixels. */
  uncertain: Array<{ x: number; y: number; w: number; h: number; confidence: number }>;
}

/** Below this (0-100), an OCR word is shown as uncertain: Tesseract's own words below ~70 are often wrong. */
export const UNCERTAIN_OCR_WORD = 70;

interface RenderedPage {
  imageDataUrl: string;
  width: number;
  height: number;
  /** PDF user space → image pixels: the viewport's scale and rotation. */
  transform: number[];
}

const KEEP = 8;
const rendered = new Map<string, Promise<RenderedPage>>();

export async function renderPageImage(
  file: { sha256: string; bytes: () => Uint8Array },
  page: { pageNo: number; runs: TextRun[] },
  spans: readonly Span[],
  scale: number,
): Promise<PageImage> {
  const key = `${file.sha256}:${page.pageNo}:${scale}`;
  let image = rendered.get(key);
  if (image)
    rendered.delete(key); // re-inserted below: most recently used last
  else {
    image = render(file.bytes(), page.pageNo, scale);
    image.catch(() => rendered.delete(key));
  }
  rendered.set(key, image);
  while (rendered.size > KEEP) rendered.delete(rendered.keys().next().value!);
  const { transform, ...picture } = await image;
  return { ...picture, boxes: spanBoxes(page, spans, transform), uncertain: uncertainWords(page, transform) };
}

async function render(bytes: Uint8Array, pageNo: number, scale: number): Promise<RenderedPage> {
  const doc = await openPdfjs(bytes);
  try {
    const pdfPage = await doc.getPage(pageNo);
    const viewport = pdfPage.getViewport({ scale });
    const canvas = createCanvas(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)));
    await paintPage(pdfPage, canvas, viewport, true);
    pdfPage.cleanup();
    const png = await canvas.encode('png');
    return { imageDataUrl: `data:image/png;base64,${png.toString('base64')}`, width: canvas.width, height: canvas.height, transform: [...viewport.transform] };
  } finally {
    await closePdfjs(doc);
  }
}

function spanBoxes(page: { pageNo: number; runs: TextRun[] }, spans: readonly Span[], transform: number[]): PageImage['boxes'] {
  const [a, b, c, d, e, f] = transform as [number, number, number, number, number, number];
  // pdf.js Util.applyTransform: the same point mapping viewport.convertToViewportPoint uses.
  const point = (x: number, y: number): [number, number] => [a * x + c * y + e, b * x + d * y + f];
  return spans.flatMap((span) =>
    boxesForRange([{ pageNo: page.pageNo, runs: page.runs }], span.start, span.end, { padding: 0.5 }).map((box) => {
      const [x1, y1] = point(box.x, box.y);
      const [x2, y2] = point(box.x + box.w, box.y + box.h);
      return { x: Math.min(x1, x2), y: Math.min(y1, y2), w: Math.abs(x2 - x1), h: Math.abs(y2 - y1), spanId: span.id };
    }),
  );
}

function uncertainWords(page: { pageNo: number; runs: TextRun[] }, transform: number[]): PageImage['uncertain'] {
  const [a, b, c, d, e, f] = transform as [number, number, number, number, number, number];
  const point = (x: number, y: number): [number, number] => [a * x + c * y + e, b * x + d * y + f];
  return page.runs.flatMap((run) => {
    if (run.confidence === undefined || run.confidence >= UNCERTAIN_OCR_WORD) return [];
    return boxesForRange([{ pageNo: page.pageNo, runs: [run] }], run.start, run.end, { padding: 0 }).map((box) => {
      const [x1, y1] = point(box.x, box.y);
      const [x2, y2] = point(box.x + box.w, box.y + box.h);
      return { x: Math.min(x1, x2), y: Math.min(y1, y2), w: Math.abs(x2 - x1), h: Math.abs(y2 - y1), confidence: run.confidence! };
    });
  });
}
