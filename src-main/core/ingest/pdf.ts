// PDF text in reading order, page by page, with the place of every text run on its page, so a
// span of the stored text maps back to boxes on the page (page view, redaction).
import { closePdfjs, openPdfjs } from '../export/pdfjs.ts';
import type { TextRun } from '../layout/text-runs.ts';
import type { NewPage } from '../store/queries/pages.ts';
import { IngestError } from './ingest-error.ts';
import { MEDIA_TYPES, type ExtractedDocument } from './types.ts';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  hasEOL: boolean;
}

/**
 * Layout of the stored text: runs on a line joined by a space (or nothing where pdf.js saw no
 * gap), lines by '\n', pages by '\n\n'. Pages without a text layer are flagged for OCR.
 */
export async function extractPdf(name: string, bytes: Uint8Array): Promise<ExtractedDocument> {
  const doc = await open(bytes);
  let text = '';
  const pages: NewPage[] = [];
  try {
    for (let pageNo = 1; pageNo <= doc.numPages; pageNo++) {
      // Pages are separated by a blank line, added only once the page has text of its own.
      let separator = text.length > 0 ? '\n\n' : '';
      let textStart = -1;
      const page = await doc.getPage(pageNo);
      const content = await page.getTextContent();
      const styles = content.styles as Record<string, { ascent?: number; descent?: number }>;
      const runs: TextRun[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as unknown as TextItem;
        if (item.str.length > 0) {
          text += separator;
          separator = '';
          if (textStart < 0) textStart = text.length;
          const start = text.length;
          text += item.str;
          const t = item.transform as TextRun['transform'];
          const style = styles[item.fontName] ?? {};
          runs.push({
            start,
            end: text.length,
            transform: t,
            width: item.width,
            height: Math.hypot(t[2], t[3]) || item.height,
            ascent: style.ascent && style.ascent > 0 ? style.ascent : 0.9,
            descent: style.descent && style.descent < 0 ? style.descent : -0.25,
          });
        }
        if (textStart < 0) continue; // nothing of this page yet: no separator to add
        if (item.hasEOL) text += '\n';
        else if (item.str.length > 0 && !/\s$/.test(item.str)) text += ' ';
      }
      // Drop the line/word separator after the page's last run (never part of a run).
      if (runs.length > 0) text = text.slice(0, runs[runs.length - 1]!.end);
      if (textStart < 0) textStart = text.length;
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const needsOcr = !runs.some((r) => text.slice(r.start, r.end).trim().length > 0);
      pages.push({ pageNo, width: x1 - x0, height: y1 - y0, rotation: page.rotate, textStart, textEnd: text.length, needsOcr, runs });
      page.cleanup();
    }
  } finally {
    await closePdfjs(doc);
  }
  const ocrPages = pages.filter((p) => p.needsOcr).map((p) => p.pageNo);
  const warnings: string[] = [];
  if (ocrPages.length > 0) {
    warnings.push(`Page${ocrPages.length > 1 ? 's' : ''} ${ocrPages.join(', ')} ha${ocrPages.length > 1 ? 've' : 's'} no text layer (scanned?): run OCR on the PDF and import it again to review ${ocrPages.length > 1 ? 'them' : 'it'}.`);
  }
  const status = ocrPages.length === 0 ? 'imported' : ocrPages.length === pages.length ? 'needs_ocr' : 'partial_ocr';
  return { name, text, mediaType: MEDIA_TYPES.pdf, partKey: '', pageCount: pages.length, status, warnings, metadata: {}, pages };
}

async function open(bytes: Uint8Array) {
  try {
    return await openPdfjs(bytes);
  } catch (error) {
    const kind = (error as { name?: string }).name;
    if (kind === 'PasswordException') {
      throw new IngestError('encrypted', 'the PDF is password-protected. Remove the password (e.g. `qpdf --decrypt --password=… in.pdf out.pdf`) and import it again.');
    }
    if (kind === 'InvalidPDFException' || kind === 'UnknownErrorException' || kind === 'FormatError') {
      throw new IngestError('corrupt', `the PDF is damaged or truncated (${(error as Error).message}). Re-export or re-download it.`);
    }
    throw new IngestError('corrupt', `pdf.js cannot read it: ${(error as Error).message}`);
  }
}
