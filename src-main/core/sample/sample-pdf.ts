// The two-page PDF: each line drawn once, in DejaVu Sans embedded, so the text layer the
// importer reads is exactly the lines of sample-texts.ts (no wrapping, no ligatures, no font
// without a Unicode map).
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { dejaVuSans, plainFeatures } from '../export/fonts.ts';
import { reportPages } from './sample-texts.ts';

const PAGE: [number, number] = [595.28, 841.89]; // A4
const MARGIN = 64;
const TITLE_SIZE = 16;
const BODY_SIZE = 11;
const LEADING = 1.6;
/** A fixed date: the same text gives the same bytes, so a regenerated file is the same file. */
const MADE = new Date('2024-04-05T09:00:00Z');

export async function samplePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(dejaVuSans(), { subset: true, features: plainFeatures });
  doc.setTitle('Meridian Housing Association: quarterly tenant review');
  doc.setCreationDate(MADE);
  doc.setModificationDate(MADE);
  for (const lines of reportPages) {
    const page = doc.addPage(PAGE);
    let y = PAGE[1] - MARGIN;
    lines.forEach((line, i) => {
      const size = i === 0 ? TITLE_SIZE : BODY_SIZE;
      y -= size * LEADING;
      // A line past the margin would be cut off the page, and wrapping it would change the text.
      if (MARGIN + font.widthOfTextAtSize(line, size) > PAGE[0] - MARGIN) throw new Error(`Sample PDF line too wide for the page: "${line}"`);
      page.drawText(line, { x: MARGIN, y, size, font, color: rgb(0.1, 0.1, 0.1) });
    });
  }
  return doc.save({ useObjectStreams: false });
}
