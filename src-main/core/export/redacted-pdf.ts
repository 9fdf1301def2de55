import {
  concatTransformationMatrix,
  degrees,
  drawObject,
  PDFRawStream,
  popGraphicsState,
  pushGraphicsState,
  type PDFDocument,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { throwIfCancelled } from '../jobs/jobs.ts';
import { DocketError } from '../errors.ts';
import { boxesForRange } from '../layout/boxes.ts';
import type { PageBox, TextRun } from '../layout/text-runs.ts';
import type { Rgb } from './colour.ts';
import { dejaVuSans, plainFeatures } from './fonts.ts';
import { closePdfjs, openPdfjs } from './pdfjs.ts';
import { rasterisePage, RasterSurface, type BurnBox, type PageRaster } from './pdf-raster.ts';
import { finalise, freshDocument, loadForCopy, stripPage } from './pdf-sanitize.ts';
import { OptionalContent } from './optional-content.ts';
import { PageContentError, PageContentSanitiser } from './page-content.ts';
import { visibleRuns } from './visible-runs.ts';
import type { RedactionRange } from './selection.ts';
import { drawInvisibleWords, unredactedWords } from './text-layer.ts';

export interface SourcePage {
  pageNo: number;
  textStart: number;
  textEnd: number;
  runs: readonly TextRun[];
  /** Set when OCR read the page's text from its picture (a scan): see SCAN_DPI. */
  ocrConfidence?: number | null;
}

/**
 * A scanned page (its text read by OCR) is always rendered: its words are pixels, so only a
 * rendered copy can carry them as an invisible text layer (searchable, like OCRmyPDF's output),
 * and boxes are painted into the picture. It is rendered at 300 dpi at least, the resolution
 * scans are made at, so redacting it does not blur the rest of the page.
 */
const SCAN_DPI = 300;

export interface PdfRedactionOptions {
  dpi: number;
  colour: Rgb;
  /** 'none', 'label' (the entity label), or a reason code printed on every box, e.g. "(b)(6)". */
  overlay: string;
  /** Pages (1-based) painted over entirely. */
  wholePages: ReadonlySet<number>;
  /** Margin around every glyph box, in points. */
  padding?: number;
  /** Render every page, not only those with redactions (the strictest setting). */
  rasteriseAll?: boolean;
  signal?: AbortSignal;
  onPage?: (pageNo: number) => void;
}

export interface PdfRedactionResult {
  bytes: Uint8Array;
  pageCount: number;
  rasterisedPages: number[];
  boxes: PageBox[];
  /** Unredacted words the text layer could not carry (characters DejaVu lacks). */
  wordsSkipped: number;
  warnings: string[];
}

const DEFAULT_PADDING = 2;

/**
 * A redacted copy of a PDF: every page with a redaction (or marked for whole-page redaction)
 * becomes an image with the boxes burned in plus an invisible text layer of its unredacted
 * words; every other page is copied into a fresh document after stripping annotations,
 * actions and private data. Nothing of the source's catalog, Info or XMP is carried.
 */
export async function redactPdf(
  bytes: Uint8Array,
  text: string,
  pages: readonly SourcePage[],
  ranges: readonly RedactionRange[],
  options: PdfRedactionOptions,
): Promise<PdfRedactionResult> {
  const padding = options.padding ?? DEFAULT_PADDING;
  const warnings: string[] = [];
  const surface = new RasterSurface();
  let viewer;
  try {
    viewer = await openPdfjs(bytes);
  } catch (error) {
    throw new DocketError('pdf_unreadable', `The PDF cannot be opened for redaction (${(error as Error).message}); re-import the original file.`);
  }
  try {
    const pageCount = viewer.numPages;
    const source = await loadForCopy(bytes);
    if (!source) warnings.push('The source could not be copied page by page (encrypted or damaged); every page was rendered as an image.');
    else if (source.getPageCount() !== pageCount)
      throw new DocketError('pdf_mismatch', 'pdf.js and pdf-lib disagree on the page count of this PDF; it is too damaged to redact safely.');
    const sourcePages = source?.getPages() ?? [];
    const optional = source ? new OptionalContent(source) : null;
    const sanitiser = source && optional ? new PageContentSanitiser(source, optional) : null;
    const output = await freshDocument();
    output.registerFontkit(fontkit);
    let font: PDFFont | null = null;
    const byPage = new Map(pages.map((p) => [p.pageNo, p]));
    const allBoxes: PageBox[] = [];
    const rasterised: number[] = [];
    let wordsSkipped = 0;
    for (let pageNo = 1; pageNo <= pageCount; pageNo++) {
      if (options.signal) throwIfCancelled(options.signal);
      const info = byPage.get(pageNo);
      const local = info ? ranges.filter((r) => r.end > info.textStart && r.start < info.textEnd) : [];
      const boxes: BurnBox[] = [];
      for (const range of local) {
        const overlay = options.overlay === 'none' ? null : options.overlay === 'label' ? range.label : options.overlay;
        for (const box of boxesForRange([{ pageNo, runs: info!.runs }], range.start, range.end, { padding, text })) {
          boxes.push({ ...box, overlay });
          allBoxes.push(box);
        }
      }
      const wholePage = options.wholePages.has(pageNo);
      const scanned = info?.ocrConfidence !== undefined && info.ocrConfidence !== null;
      if (local.length > 0 && boxes.length === 0) {
        throw new DocketError('no_geometry', `Page ${pageNo} has redactions but no text positions to place boxes; use whole-page redaction for it.`);
      }
      let copied: PDFPage | null = null;
      if (boxes.length === 0 && !wholePage && !scanned && !options.rasteriseAll && source && sanitiser) {
        const attempt = await copyPage(output, source, sanitiser, sourcePages[pageNo - 1]!, pageNo - 1);
        if (typeof attempt === 'string') warnings.push(`Page ${pageNo} was rendered as an image because ${attempt}.`);
        else copied = attempt;
      }
      if (copied) {
        output.addPage(copied);
      } else {
        const dpi = scanned ? Math.max(options.dpi, SCAN_DPI) : options.dpi;
        const raster = await rasterisePage(viewer, pageNo, boxes, { dpi, colour: options.colour, wholePage }, surface);
        const page = addImagePage(output, raster);
        if (!wholePage && info) {
          font ??= await output.embedFont(dejaVuSans(), { subset: true, features: plainFeatures });
          // Only a document with hidden layers needs the probe of what a reader sees.
          const probe = source && sanitiser && optional?.anyHidden ? { doc: source, sanitiser, index: pageNo - 1 } : null;
          const visible = await runsAReaderSees(info.runs, raster.view, probe);
          wordsSkipped += drawInvisibleWords(page, font, unredactedWords(text, visible, local)).skipped;
        }
        rasterised.push(pageNo);
        if (raster.dpi < dpi - 0.5) warnings.push(`Page ${pageNo} is very large and was rendered at ${Math.round(raster.dpi)} dpi.`);
      }
      options.onPage?.(pageNo);
      // Let IPC and progress events through between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
    finalise(output);
    const out = await output.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
    if (wordsSkipped > 0) warnings.push(`${wordsSkipped} unredacted words have characters the text layer cannot encode and are not searchable.`);
    return { bytes: out, pageCount, rasterisedPages: rasterised, boxes: allBoxes, wordsSkipped, warnings };
  } finally {
    surface.release();
    await closePdfjs(viewer);
  }
}

/**
 * The page copied into the output after sanitising and stripping it, or why it cannot be
 * (then it is rendered): content that cannot be read, text outside the visible area.
 */
async function copyPage(output: PDFDocument, source: PDFDocument, sanitiser: PageContentSanitiser, page: PDFPage, index: number): Promise<PDFPage | string> {
  try {
    sanitiser.sanitise(page);
    stripPage(page);
    const [copied] = await output.copyPages(source, [index]);
    return copied ?? 'it could not be copied';
  } catch (error) {
    return error instanceof PageContentError ? error.message : `it could not be copied (${(error as Error).message})`;
  }
}

/**
 * The runs of a rendered page its text layer may carry: only what a reader sees. Words outside
 * the visible area go (pdf.js may keep part of a clipped run); when the page has hidden
 * optional content, whose text pdf.js extracts all the same, only runs a probe of the
 * sanitised page still shows stay.
 */
async function runsAReaderSees(
  runs: readonly TextRun[],
  view: readonly number[],
  source: { doc: PDFDocument; sanitiser: PageContentSanitiser; index: number } | null,
): Promise<TextRun[]> {
  const inside = runs.filter((run) => runInside(run, view));
  if (!source) return inside;
  try {
    source.sanitiser.sanitise(source.doc.getPage(source.index));
  } catch {
    return inside; // unreadable content: pdf.js's runs are all there is
  }
  return source.sanitiser.hiddenSections > 0 ? visibleRuns(source.doc, source.index, inside) : inside;
}

/** Whether a run's baseline lies within the page's visible area (one point of slack). */
function runInside(run: TextRun, [x0, y0, x1, y1]: readonly number[]): boolean {
  const [a, b, , , e, f] = run.transform;
  const length = Math.hypot(a, b) || 1;
  const ends = [
    [e, f],
    [e + (a / length) * run.width, f + (b / length) * run.width],
  ] as const;
  return ends.every(([x, y]) => x >= x0! - 1 && x <= x1! + 1 && y >= y0! - 1 && y <= y1! + 1);
}

/** A page of the same size and rotation whose only content is the rendered image. */
function addImagePage(output: PDFDocument, raster: PageRaster): PDFPage {
  const [x0, y0, x1, y1] = raster.view;
  const page = output.addPage([x1 - x0, y1 - y0]);
  page.setMediaBox(x0, y0, x1 - x0, y1 - y0);
  if (raster.rotation % 360 !== 0) page.setRotation(degrees(raster.rotation));
  const context = output.context;
  const image = context.register(
    PDFRawStream.of(
      context.obj({
        Type: 'XObject',
        Subtype: 'Image',
        Width: raster.pixelWidth,
        Height: raster.pixelHeight,
        ColorSpace: raster.channels === 1 ? 'DeviceGray' : 'DeviceRGB',
        BitsPerComponent: 8,
        Filter: 'FlateDecode',
        Length: raster.deflated.length,
      }),
      raster.deflated,
    ),
  );
  const name = page.node.newXObject('Redacted', image);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(x1 - x0, 0, 0, y1 - y0, x0, y0), drawObject(name), popGraphicsState());
  return page;
}
