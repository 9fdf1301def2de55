import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

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
