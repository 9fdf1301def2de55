import fontkit from '@pdf-lib/fontkit';
import { rgb, type PDFPage } from 'pdf-lib';
import { contrastingText, type Rgb } from './colour.ts';
import { dejaVuSans, plainFeatures } from './fonts.ts';
import { finalise, freshDocument } from './pdf-sanitize.ts';
import type { RedactionRange } from './selection.ts';

export interface LayoutOptions {
  colour: Rgb;
  /** 'none', 'label', or a reason code printed on every box. */
  overlay: string;
  /** Points; A4 by default. */
  pageSize?: readonly [number, number];
  fontSize?: number;
  margin?: number;
  signal?: AbortSignal;
}

/** A piece of a word: either text that is drawn, or the place of redacted text (never drawn). */
interface Piece {
  text: string;
  range: RedactionRange | null;
}

/**
 * A non-PDF source (TXT, Markdown, a CSV row, DOCX text) as a redacted PDF: the text laid out
 * in DejaVu Sans, wrapped, paginated; each redacted stretch is a box the width the words would
 * have taken. The redacted characters are measured, never drawn.
 */
export async function layOutRedacted(
  text: string,
  ranges: readonly RedactionRange[],
  options: LayoutOptions,
): Promise<{ bytes: Uint8Array; pageCount: number }> {
  const [pageWidth, pageHeight] = options.pageSize ?? [595.28, 841.89];
  const size = options.fontSize ?? 10.5;
  const margin = options.margin ?? 56;
  const leading = size * 1.4;
  const doc = await freshDocument();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(dejaVuSans(), { subset: true, features: plainFeatures });
  const supported = new Set(font.getCharacterSet());
  const clean = (s: string) => [...s].map((ch) => (supported.has(ch.codePointAt(0)!) ? ch : '\ufffd')).join('');
  const box = { ...options.colour };
  const ink = contrastingText(options.colour);

  let page: PDFPage = doc.addPage([pageWidth, pageHeight]);
  let y = pageHeight - margin - size;
  let x = margin;
  const maxX = pageWidth - margin;
  const newLine = () => {
    x = margin;
    y -= leading;
    if (y < margin) {
      page = doc.addPage([pageWidth, pageHeight]);
      y = pageHeight - margin - size;
    }
  };
  const width = (piece: Piece) => font.widthOfTextAtSize(piece.range ? piece.text.replace(/\s/g, ' ') : clean(piece.text), size);
  const draw = (piece: Piece, w: number) => {
    if (piece.range) {
      page.drawRectangle({ x, y: y - size * 0.3, width: w, height: size * 1.3, color: rgb(box.r / 255, box.g / 255, box.b / 255) });
      const label = options.overlay === 'none' ? null : options.overlay === 'label' ? piece.range.label : options.overlay;
      if (label && font.widthOfTextAtSize(clean(label), size * 0.7) <= w) {
        page.drawText(clean(label), { x: x + 1, y, size: size * 0.7, font, color: rgb(ink.r / 255, ink.g / 255, ink.b / 255) });
      }
    } else {
      page.drawText(clean(piece.text), { x, y, size, font });
    }
  };

  for (const line of linesOf(text, ranges)) {
    for (const word of line) {
      const widths = word.map(width);
      const total = widths.reduce((a, b) => a + b, 0);
      const isSpace = word.length === 1 && /^\s+$/.test(word[0]!.text) && !word[0]!.range;
      if (isSpace && x === margin) continue;
      if (x + total > maxX && x > margin) {
        newLine();
        if (isSpace) continue;
      }
      word.forEach((piece, i) => {
        const w = widths[i]!;
        // A word wider than the line is cut wherever it reaches the edge.
        if (x + w > maxX && !piece.range) {
          for (const ch of piece.text) {
            const cw = font.widthOfTextAtSize(clean(ch), size);
            if (x + cw > maxX) newLine();
            draw({ text: ch, range: null }, cw);
            x += cw;
          }
          return;
        }
        if (x + w > maxX) newLine();
        draw(piece, Math.min(w, maxX - margin));
        x += w;
      });
    }
    newLine();
  }
  finalise(doc);
  const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false });
  return { bytes, pageCount: doc.getPageCount() };
}

/** Source lines, each a list of words (or single spaces), each word a list of pieces. */
function linesOf(text: string, ranges: readonly RedactionRange[]): Piece[][][] {
  const rangeAt = (i: number) => ranges.find((r) => i >= r.start && i < r.end) ?? null;
  const lines: Piece[][][] = [];
  const breaks = /\r\n|\r|\n/g;
  let lineStart = 0;
  for (;;) {
    breaks.lastIndex = lineStart;
    const hit = breaks.exec(text);
    const lineEnd = hit ? hit.index : text.length;
    const words: Piece[][] = [];
    for (const match of text
      .slice(lineStart, lineEnd)
      .replace(/\t/g, ' ')
      .matchAll(/\s+|\S+/g)) {
      const start = lineStart + match.index;
      const pieces: Piece[] = [];
      for (let i = 0; i < match[0].length; i++) {
        const range = rangeAt(start + i);
        const last = pieces[pieces.length - 1];
        if (last && last.range === range) last.text += match[0][i];
        else pieces.push({ text: match[0][i]!, range });
      }
      words.push(pieces);
    }
    lines.push(words);
    if (!hit) break;
    lineStart = hit.index + hit[0].length;
  }
  return lines;
}
