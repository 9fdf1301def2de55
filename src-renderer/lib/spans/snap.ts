// Selections snap to whole words, as analysts expect (Alt turns it off); edges never split a
// surrogate pair or a character from its combining marks.
const WORD = /[\p{L}\p{N}\p{M}_'’-]/u;

function isWordAt(text: string, index: number): boolean {
  const cp = text.codePointAt(index);
  return cp !== undefined && WORD.test(String.fromCodePoint(cp));
}

/** Index moved off the low half of a surrogate pair (towards `direction`). */
export function clampToCodePoint(text: string, index: number, direction: -1 | 1): number {
  const i = Math.max(0, Math.min(text.length, index));
  const code = text.charCodeAt(i);
  if (i > 0 && i < text.length && code >= 0xdc00 && code <= 0xdfff) return direction < 0 ? i - 1 : i + 1;
  return i;
}

export function snapToWords(text: string, start: number, end: number): [number, number] {
  let s = clampToCodePoint(text, Math.min(start, end), -1);
  let e = clampToCodePoint(text, Math.max(start, end), 1);
  // Trim whitespace the mouse dragged in.
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (s === e) return [s, e];
  while (s > 0 && isWordAt(text, s) && isWordAt(text, clampToCodePoint(text, s - 1, -1))) s = clampToCodePoint(text, s - 1, -1);
  while (e < text.length && isWordAt(text, clampToCodePoint(text, e - 1, -1)) && isWordAt(text, e)) e = clampToCodePoint(text, e + 1, 1);
  return [s, e];
}

/** Moves one edge of a span by one character, keeping it non-empty and inside the text. */
export function moveEdge(text: string, span: { start: number; end: number }, edge: 'start' | 'end', delta: -1 | 1): { start: number; end: number } {
  if (edge === 'end') {
    const end = clampToCodePoint(text, span.end + delta, delta);
    return { start: span.start, end: Math.max(span.start + 1, Math.min(text.length, end)) };
  }
  const start = clampToCodePoint(text, span.start + delta, delta);
  return { start: Math.min(span.end - 1, Math.max(0, start)), end: span.end };
}

/** Where a span splits: the word boundary nearest its middle, or null for a single word. */
export function splitPoint(text: string, span: { start: number; end: number }): number | null {
  const middle = (span.start + span.end) / 2;
  let best: number | null = null;
  for (let i = span.start + 1; i < span.end; i++) {
    if (/\s/.test(text[i - 1]!) !== /\s/.test(text[i]!) && !/\s/.test(text[i]!)) {
      if (best === null || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
    }
  }
  return best;
}
