import {
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { advanceAt } from '../layout/boxes.ts';
import type { TextRun } from '../layout/text-runs.ts';

export interface TextRange {
  start: number;
  end: number;
}

/** One unredacted word, where it sat on the original page (unrotated user space). */
export interface PlacedWord {
  text: string;
  /** Baseline origin and unit direction/normal vectors of the original run. */
  x: number;
  y: number;
  dir: readonly [number, number];
  normal: readonly [number, number];
  size: number;
  /** Advance the original glyphs took along the baseline. */
  advance: number;
}

function isRedacted(offset: number, ranges: readonly TextRange[]): boolean {
  for (const range of ranges) if (offset >= range.start && offset < range.end) return true;
  return false;
}

/**
 * The words of a page that are NOT redacted, each at its original place. Splits at
 * whitespace and at every redaction boundary, so "Mr." survives next to a redacted name and a
 * half-redacted token keeps only its unredacted part. Redacted characters are read only for
 * their widths (to place the words after them), never written.
 */
export function unredactedWords(text: string, runs: readonly TextRun[], ranges: readonly TextRange[]): PlacedWord[] {
  const words: PlacedWord[] = [];
  for (const run of runs) {
    const [a, b, c, d, e, f] = run.transform;
    const along = Math.hypot(a, b) || 1;
    const up = Math.hypot(c, d) || 1;
    const dir = [a / along, b / along] as const;
    const normal = [c / up, d / up] as const;
    const local = ranges.filter((r) => r.end > run.start && r.start < run.end);
    let wordStart = -1;
    const flush = (end: number) => {
      if (wordStart < 0) return;
      const u0 = advanceAt(run, wordStart - run.start, text);
      const u1 = advanceAt(run, end - run.start, text);
      words.push({ text: text.slice(wordStart, end), x: e + dir[0] * u0, y: f + dir[1] * u0, dir, normal, size: run.height, advance: u1 - u0 });
      wordStart = -1;
    };
    for (let i = run.start; i < run.end; i++) {
      const breaks = /\s/.test(text[i]!) || isRedacted(i, local);
      if (breaks) flush(i);
      else if (wordStart < 0) wordStart = i;
    }
    flush(run.end);
  }
  return words;
}

/**
 * Writes the words as invisible text (render mode 3) over the page image, stretched to their
 * original advance so search hits and selections land where the words are seen. Words with
 * characters the font cannot encode are left out (they would extract as garbage); the count
 * of those comes back so the report can say so.
 */
export function drawInvisibleWords(page: PDFPage, font: PDFFont, words: readonly PlacedWord[]): { drawn: number; skipped: number } {
  if (words.length === 0) return { drawn: 0, skipped: 0 };
  const supported = supportedCodePoints(font);
  const fontKey = page.node.newFontDictionary(font.name, font.ref);
  const operators: PDFOperator[] = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  let drawn = 0;
  let skipped = 0;
  for (const word of words) {
    if (word.size <= 0 || ![...word.text].every((ch) => supported.has(ch.codePointAt(0)!))) {
      skipped++;
      continue;
    }
    const natural = font.widthOfTextAtSize(word.text, word.size);
    const squeeze = natural > 0 && word.advance > 0 ? Math.min(1000, Math.max(10, (100 * word.advance) / natural)) : 100;
    operators.push(
      setFontAndSize(fontKey, word.size),
      setCharacterSqueeze(round(squeeze)),
      setTextMatrix(round(word.dir[0]), round(word.dir[1]), round(word.normal[0]), round(word.normal[1]), round(word.x), round(word.y)),
      showText(font.encodeText(word.text)),
    );
    drawn++;
  }
  operators.push(endText(), popGraphicsState());
  page.pushOperators(...operators);
  return { drawn, skipped };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

const characterSets = new WeakMap<PDFFont, Set<number>>();
function supportedCodePoints(font: PDFFont): Set<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}
