import { PDFDocument } from 'pdf-lib';
import type { TextRun } from '../layout/text-runs.ts';
import { closePdfjs, openPdfjs } from './pdfjs.ts';

interface Segment {
  x: number;
  y: number;
  dx: number;
  dy: number;
  length: number;
}

function segmentOf(transform: readonly number[], width: number): Segment {
  const [a, b, , , e, f] = transform as [number, number, number, number, number, number];
  const scale = Math.hypot(a, b) || 1;
  return { x: e, y: f, dx: a / scale, dy: b / scale, length: width };
}

/** Whether two runs of text lie on one baseline and overlap along it by half the shorter one. */
function sameText(run: Segment, item: Segment): boolean {
  if (Math.abs(run.dx * item.dx + run.dy * item.dy) < 0.99) return false;
  // Distance of the item's origin from the run's baseline, and its offset along it.
  const px = item.x - run.x;
  const py = item.y - run.y;
  if (Math.abs(px * -run.dy + py * run.dx) > 1) return false;
  const from = px * run.dx + py * run.dy;
  const overlap = Math.min(run.length, from + item.length) - Math.max(0, from);
  return overlap >= Math.min(run.length, item.length) / 2 - 0.5;
}

/**
 * The runs of a page that a reader sees, for a page that is rendered: pdf.js extracts text
 * from hidden optional content too, so the stored runs can hold words no reader sees, which
 * the invisible text layer must not bring back. The page, already sanitised (hidden content
 * deleted), is copied alone into a probe document and extracted again; a stored run is kept
 * when the probe has text on its baseline at its place.
 */
export async function visibleRuns(source: PDFDocument, pageIndex: number, runs: readonly TextRun[]): Promise<TextRun[]> {
  const probe = await PDFDocument.create({ updateMetadata: false });
  const [page] = await probe.copyPages(source, [pageIndex]);
  probe.addPage(page!);
  const viewer = await openPdfjs(await probe.save());
  try {
    const content = await (await viewer.getPage(1)).getTextContent();
    const items = content.items
      .filter((i) => 'str' in i && i.str.trim() !== '')
      .map((i) => segmentOf((i as { transform: number[] }).transform, (i as { width: number }).width));
    return runs.filter((run) => {
      const segment = segmentOf(run.transform, run.width);
      return items.some((item) => sameText(segment, item));
    });
  } finally {
    await closePdfjs(viewer);
  }
}
