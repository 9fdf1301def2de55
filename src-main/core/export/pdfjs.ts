import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Canvas } from '@napi-rs/canvas';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { PageViewport } from 'pdfjs-dist/types/src/display/page_viewport.js';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('pdfjs-dist/package.json'));

export { pdfjs };
export type { PDFDocumentProxy };

/**
 * Opens PDF bytes with pdf.js, with its font and CMap data from the installed package so
 * unembedded standard fonts and CJK CMaps render and extract as in a viewer. The bytes are
 * copied: pdf.js transfers (detaches) the buffer it is given.
 */
export async function openPdfjs(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    wasmUrl: join(root, 'wasm') + '/',
    iccUrl: join(root, 'iccs') + '/',
    verbosity: 0,
    // No scripts, no fetches: documents never leave the machine and run nothing.
    enableXfa: false,
    stopAtErrors: false,
  });
  return task.promise;
}

/** Releases pdf.js's parsed objects, fonts and worker state for one document. */
export async function closePdfjs(doc: PDFDocumentProxy): Promise<void> {
  await doc.loadingTask.destroy();
}

/** Above this a page is rendered at a lower resolution, so one page never needs more than ~200 MB. */
const MAX_PAGE_PIXELS = 40_000_000;

/** Pixels per point for rendering a page whose visible area is `view` at `dpi`, within MAX_PAGE_PIXELS. */
export function renderScale(view: readonly number[], dpi: number): number {
  const area = (view[2]! - view[0]!) * (view[3]! - view[1]!);
  const scale = dpi / 72;
  return area * scale * scale > MAX_PAGE_PIXELS ? Math.sqrt(MAX_PAGE_PIXELS / area) : scale;
}

/**
 * Paints a page onto a canvas of the viewport's size, white behind it. Annotations and form
 * widgets only when asked: the page view shows them; a redacted render and OCR must not (their
 * appearance can show text no check sees once it is pixels, and is not the page's printed text).
 */
type RenderParameters = Parameters<PDFPageProxy['render']>[0];

export async function paintPage(page: PDFPageProxy, canvas: Canvas, viewport: PageViewport, annotations: boolean): Promise<void> {
  const context = canvas.getContext('2d');
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({
    // pdf.js types these as the DOM's; @napi-rs/canvas implements what it calls (core has no DOM types).
    canvas: canvas as unknown as RenderParameters['canvas'],
    canvasContext: context as unknown as RenderParameters['canvasContext'],
    viewport,
    annotationMode: annotations ? pdfjs.AnnotationMode.ENABLE : pdfjs.AnnotationMode.DISABLE,
    background: '#ffffff',
  }).promise;
}
