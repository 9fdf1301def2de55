import { Encodings, Font, FontNames } from '@pdf-lib/standard-fonts';

// pdf.js gives a text run's total advance, not its glyphs'. Spreading it evenly puts the edge
// of a word in the middle of a long run far off in proportional type (" to file it." is much
// narrower than "Jane Doe"), so the relative widths of Helvetica stand in for the unknown
// font's: narrow and wide letters are narrow and wide in nearly every Latin face.
const helvetica = Font.load(FontNames.Helvetica);
const AVERAGE = 556; // Helvetica's digit width, in 1/1000 em: for characters it does not have
const widths = new Map<string, number>();

function widthOf(char: string): number {
  let width = widths.get(char);
  if (width === undefined) {
    const code = char.codePointAt(0)!;
    width = AVERAGE;
    if (Encodings.WinAnsi.canEncodeUnicodeCodePoint(code)) {
      const glyph = Encodings.WinAnsi.encodeUnicodeCodePoint(code);
      width = (helvetica.getWidthOfGlyph(glyph.name) as number | undefined) ?? AVERAGE;
    }
    widths.set(char, width);
  }
  return width;
}

/** Estimated cumulative advances after each UTF-16 unit of a run of `total` width. */
export function estimatedAdvances(text: string, total: number): number[] {
  const units = [...text].flatMap((char) => {
    const w = widthOf(char);
    return char.length === 2 ? [w / 2, w / 2] : [w];
  });
  const sum = units.reduce((a, b) => a + b, 0) || 1;
  let at = 0;
  return units.map((w) => (at += (w * total) / sum));
}
