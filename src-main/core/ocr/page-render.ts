// A PDF page as the OCR engine reads it: rendered by pdf.js at 300 dpi (Tesseract's best
// resolution for body text), unrotated (the engine finds the page's orientation itself, and
// word boxes map back to unrotated user space directly), without annotations (form widgets
// and comments are not the page's printed text).
import { createCanvas } from '@napi-rs/canvas';
import { paintPage, renderScale, type PDFDocumentProxy } from '../export/pdfjs.ts';
import type { RawImage } from './engine.ts';
import type { RenderedGeometry } from './page-words.ts';

export const OCR_DPI = 300;

export interface RenderedPage extends RenderedGeometry {
  /** The pixels as rendered: handed to the engine as they are (a PNG round trip cost ~0.4 s a page). */
  pixels: RawImage;
}

export async function renderForOcr(doc: PDFDocumentProxy, pageNo: number, dpi = OCR_DPI): Promise<RenderedPage> {
  const page = await doc.getPage(pageNo);
  try {
    const view = page.view as [number, number, number, number];
    const scale = renderScale(view, dpi);
    const viewport = page.getViewport({ scale, rotation: 0 });
    const canvas = createCanvas(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)));
    await paintPage(page, canvas, viewport, false);
    const pixels = { rgba: canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data, width: canvas.width, height: canvas.height };
    return { pixels, view, scale };
  } finally {
    page.cleanup();
  }
}
