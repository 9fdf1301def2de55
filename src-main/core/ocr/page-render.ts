// A PDF page as the OCR engine reads it: rendered by pdf.js at 300 dpi (Tesseract's best
// resolution for body text), unrotated (the engine finds the page's orientation itself, and
// word boxes map back to unrotated user space directly), without annotations (form widgets
// and comments are not the page's printed text).
import { createCanvas } from '@napi-rs/canvas';
import { pdfjs, type PDFDocumentProxy } from '../export/pdfjs.ts';
import type { RawImage } from './engine.ts';
import type { RenderedGeometry } from './page-words.ts';

export const OCR_DPI = 300;
/** Above this a page is rendered at a lower dpi, so one page never needs more than ~200 MB. */
const MAX_PIXELS = 40_000_000;

export interface RenderedPage extends RenderedGeometry {
  /** The pixels as rendered: handed to the engine as they are (a PNG round trip cost ~0.4 s a page). */
  pixels: RawImage;
}

export async function renderForOcr(doc: PDFDocumentProxy, pageNo: number, dpi = OCR_DPI): Promise<RenderedPage> {
  const page = await doc.getPage(pageNo);
  try {
    const view = page.view as [number, number, number, number];
    const area = (view[2] - view[0]) * (view[3] - view[1]);
    let scale = dpi / 72;
    if (area * scale * scale > MAX_PIXELS) scale = Math.sqrt(MAX_PIXELS / area);
    const viewport = page.getViewport({ scale, rotation: 0 });
    const canvas = createCanvas(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as unknown as CanvasRenderingContext2D,
      viewport,
      annotationMode: pdfjs.AnnotationMode.DISABLE,
      background: '#ffffff',
    }).promise;
    const pixels = { rgba: context.getImageData(0, 0, canvas.width, canvas.height).data, width: canvas.width, height: canvas.height };
    return { pixels, view, scale };
  } finally {
    page.cleanup();
  }
}
