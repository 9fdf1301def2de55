// A PDF page as the page view shows it: rendered (with its rotation) to PNG, and the boxes of
// the document's spans on that page in the image's pixel coordinates (origin top-left).
import { createCanvas } from '@napi-rs/canvas';
import type { Span } from '../api/contract.ts';
import { closePdfjs, openPdfjs, pdfjs } from '../export/pdfjs.ts';
import { boxesForRange } from './boxes.ts';
import type { TextRun } from './text-runs.ts';

export interface PageImage {
  imageDataUrl: string;
  width: number;
  height: number;
  boxes: Array<{ x: number; y: number; w: number; h: number; spanId: number }>;
}

export async function renderPageImage(
  bytes: Uint8Array,
  page: { pageNo: number; runs: TextRun[] },
  spans: readonly Span[],
  scale: number,
): Promise<PageImage> {
  const doc = await openPdfjs(bytes);
  try {
    const pdfPage = await doc.getPage(page.pageNo);
    const viewport = pdfPage.getViewport({ scale });
    const canvas = createCanvas(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await pdfPage.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as unknown as CanvasRenderingContext2D,
      viewport,
      annotationMode: pdfjs.AnnotationMode.ENABLE,
    }).promise;
    const boxes = spans.flatMap((span) =>
      boxesForRange([{ pageNo: page.pageNo, runs: page.runs }], span.start, span.end, { padding: 0.5 }).map((box) => {
        // The viewport's transform applies scale and the page's rotation to both corners.
        const [x1, y1] = viewport.convertToViewportPoint(box.x, box.y) as [number, number];
        const [x2, y2] = viewport.convertToViewportPoint(box.x + box.w, box.y + box.h) as [number, number];
        return { x: Math.min(x1!, x2!), y: Math.min(y1!, y2!), w: Math.abs(x2! - x1!), h: Math.abs(y2! - y1!), spanId: span.id };
      }),
    );
    pdfPage.cleanup();
    const png = await canvas.encode('png');
    return { imageDataUrl: `data:image/png;base64,${png.toString('base64')}`, width: canvas.width, height: canvas.height, boxes };
  } finally {
    await closePdfjs(doc);
  }
}
