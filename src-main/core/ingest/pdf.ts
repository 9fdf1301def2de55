// PDF text in reading order, page by page, with the place of every text run on its page, so a
// span of the stored text maps back to boxes on the page (page view, redaction).
import { closePdfjs, openPdfjs } from '../export/pdfjs.ts';
import type { TextRun } from '../layout/text-runs.ts';
import type { NewPage } from '../store/queries/pages.ts';
import { CancelledError, throwIfCancelled } from '../jobs/jobs.ts';
import { IngestError } from './ingest-error.ts';
import { limit, limitError } from './limits.ts';
import { readingOrder } from './pdf-reading-order.ts';
import { MEDIA_TYPES, type ExtractedDocument } from './types.ts';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  dir: string;
}

type Styles = Record<string, { ascent?: number; descent?: number; vertical?: boolean }>;

export interface PdfOptions {
  /** Checked between pages: a cancelled import stops within a page. */
  signal?: AbortSignal;
}

/**
 * Layout of the stored text: each page's items in reading order (pdf-reading-order.ts), words
 * joined by one space or none, lines by '\n', pages by '\n\n'. Pages without a text layer are
 * flagged for OCR. Limits (limits.ts): the page count is checked before any page is read, the
 * text length after each page.
 */
export async function extractPdf(name: string, bytes: Uint8Array, options: PdfOptions = {}): Promise<ExtractedDocument> {
  const maxPages = limit('pdfPages');
  const maxText = limit('textChars');
  const doc = await open(bytes);
  let text = '';
  const pages: NewPage[] = [];
  try {
    if (doc.numPages > maxPages) throw limitError('pdfPages', doc.numPages, maxPages);
    for (let pageNo = 1; pageNo <= doc.numPages; pageNo++) {
      // pdf.js answers through promises only: give the event loop a turn, so a cancel (or a signal) is heard.
      await new Promise((resolve) => setImmediate(resolve));
      if (options.signal) throwIfCancelled(options.signal);
      const page = await doc.getPage(pageNo).catch(unreadable(pageNo));
      const content = await page.getTextContent().catch(unreadable(pageNo));
      const styles = content.styles as Styles;
      const items = content.items.flatMap((raw) => {
        if (!('str' in raw)) return [];
        const item = raw as unknown as TextItem;
        const style = styles[item.fontName] ?? {};
        return [
          {
            str: item.str,
            transform: item.transform,
            width: item.width,
            height: item.height,
            dir: item.dir,
            ascent: style.ascent,
            descent: style.descent,
            vertical: style.vertical,
          },
        ];
      });
      const ordered = readingOrder(items);
      // Pages are separated by a blank line, added only once there is text on both sides.
      if (text.length > 0 && ordered.text.length > 0) text += '\n\n';
      const textStart = text.length;
      text += ordered.text;
      if (text.length > maxText) throw limitError('textChars', null, maxText);
      const runs: TextRun[] = ordered.runs.map((run) => ({ ...run, start: run.start + textStart, end: run.end + textStart }));
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      pages.push({ pageNo, width: x1 - x0, height: y1 - y0, rotation: page.rotate, textStart, textEnd: text.length, needsOcr: runs.length === 0, runs });
      page.cleanup();
    }
  } finally {
    await closePdfjs(doc);
  }
  const ocrPages = pages.filter((p) => p.needsOcr).map((p) => p.pageNo);
  const warnings: string[] = [];
  if (ocrPages.length > 0) {
    warnings.push(
      `Page${ocrPages.length > 1 ? 's' : ''} ${ocrPages.join(', ')} ha${ocrPages.length > 1 ? 've' : 's'} no text layer (scanned?): run OCR on the PDF and import it again to review ${ocrPages.length > 1 ? 'them' : 'it'}.`,
    );
  }
  const status = ocrPages.length === 0 ? 'imported' : ocrPages.length === pages.length ? 'needs_ocr' : 'partial_ocr';
  return { name, text, mediaType: MEDIA_TYPES.pdf, partKey: '', pageCount: pages.length, status, warnings, metadata: {}, pages };
}

/** pdf.js runs out of stack on objects nested thousands deep: a refusal of the file, not an unexpected error. */
function tooDeep(error: unknown): IngestError | null {
  if (!/maximum call stack size exceeded/i.test((error as Error)?.message ?? '')) return null;
  return new IngestError(
    'too_deep',
    'its objects are nested deeper than the PDF reader can follow (pdf.js ran out of stack: "Maximum call stack size exceeded"). Re-create it (open it and print it to a new PDF) and import that.',
  );
}

function unreadable(pageNo: number): (error: unknown) => never {
  return (error) => {
    if (error instanceof IngestError || error instanceof CancelledError) throw error;
    throw tooDeep(error) ?? new IngestError('corrupt', `page ${pageNo} of the PDF cannot be read (${(error as Error).message}). Re-export or re-download it.`);
  };
}

async function open(bytes: Uint8Array) {
  try {
    return await openPdfjs(bytes);
  } catch (error) {
    const deep = tooDeep(error);
    if (deep) throw deep;
    const kind = (error as { name?: string }).name;
    if (kind === 'PasswordException') {
      throw new IngestError(
        'encrypted',
        'the PDF is password-protected. Remove the password (e.g. `qpdf --decrypt --password=… in.pdf out.pdf`) and import it again.',
      );
    }
    if (kind === 'InvalidPDFException' || kind === 'UnknownErrorException' || kind === 'FormatError') {
      throw new IngestError('corrupt', `the PDF is damaged or truncated (${(error as Error).message}). Re-export or re-download it.`);
    }
    throw new IngestError('corrupt', `pdf.js cannot read it: ${(error as Error).message}`);
  }
}
