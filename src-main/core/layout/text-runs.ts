// Where the text of a PDF page sits on the page. Ingest writes these runs (pages.layout),
// the page view draws span boxes from them, and the redacted-PDF export burns boxes from them.
//
// Coordinates are PDF user space of the *unrotated* page: points, origin bottom-left, as in
// pdf.js text items (`item.transform`). Page rotation is applied by whoever renders.

/** One run of text (a pdf.js text item), mapped to its place in the document's text. */
export interface TextRun {
  /** UTF-16 offsets into documents.text: text.slice(start, end) is this run's text. */
  start: number;
  end: number;
  /** pdf.js item transform [a, b, c, d, e, f]: baseline origin (e, f), direction (a, b). */
  transform: [number, number, number, number, number, number];
  /** Advance width of the whole run along its baseline, in user-space units. */
  width: number;
  /** Font size in user-space units (glyph box height is derived from it with ascent/descent). */
  height: number;
  /** Ascent and descent as fractions of the font size (descent negative). */
  ascent: number;
  descent: number;
  /**
   * Cumulative advance after each UTF-16 unit of the run, in user-space units along the
   * baseline (length end - start, last value = width). Missing when glyph widths were unknown;
   * then positions are interpolated and boxes must be padded more.
   */
  advances?: number[];
  /** How sure OCR was of this word (0-100), when OCR read it from a picture. */
  confidence?: number;
}

/** An axis-aligned box in unrotated PDF user space (points, origin bottom-left). */
export interface PageBox {
  pageNo: number;
  x: number;
  y: number;
  w: number;
  h: number;
}
