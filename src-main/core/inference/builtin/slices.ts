// Cutting a document into slices of a few thousand characters at the best boundary near the target
// size: a blank line, else a line end, else a sentence end, else a space between lower-case
// words, else any space; a hard cut only in a run
// of 8,000 characters with no space at all. Names and sentences never cross a blank line or line
// end, so slices are read independently and memory stays bounded on a 5 MB document. Each cut
// costs a bounded backward scan, so slicing is linear in the text.
export const TARGET_SLICE = 4000;
const MAX_SLICE = 8000;

export interface Slice {
  start: number;
  end: number;
}

/** The last offset in (from, to] just after a match of `re` ending before `to`, or -1. */
function lastBoundary(text: string, from: number, to: number, re: RegExp): number {
  const window = text.slice(from, to);
  let at = -1;
  for (const m of window.matchAll(re)) at = from + m.index + m[0].length;
  return at;
}

// Strongest first. A space is only taken between two words that are not capitalised, so a cut in
// a long unpunctuated line never splits a name ("Ana | Ruiz").
const BOUNDARIES = [/(?:\r?\n)[ \t]*(?:\r?\n)/g, /\r?\n|\r/g, /[.!?。！？]["'”’)\]]*[ \t]+/g, /(?<=[\p{Ll}\p{N},;)\]])[ \t]+(?=[\p{Ll}\p{N}(])/gu];

export function* slices(text: string, target = TARGET_SLICE): Generator<Slice> {
  let start = 0;
  while (start < text.length) {
    if (text.length - start <= target * 1.5) {
      yield { start, end: text.length };
      return;
    }
    // Look for a boundary between half the target and the maximum, preferring the strongest kind.
    const from = start + Math.floor(target / 2);
    const to = Math.min(text.length, start + Math.max(MAX_SLICE, target * 2));
    let end = -1;
    for (const re of BOUNDARIES) {
      end = lastBoundary(text, from, Math.min(to, start + target * 1.5), re);
      if (end > start) break;
    }
    if (end <= start) end = lastBoundary(text, from, to, /[\s]+/g);
    if (end <= start) {
      end = to;
      // Never cut a surrogate pair in two.
      if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
    }
    yield { start, end };
    start = end;
  }
}
