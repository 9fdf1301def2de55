/**
 * A comparison space in which token surfaces and the original document text can be matched
 * whatever the tokenizer's normaliser did (lowercasing, accent stripping, NFKC, whitespace
 * cleanup, CJK spacing). Each code point folds independently: NFKD, lowercase, marks, controls
 * and whitespace removed. Folding both sides with the same function makes a token's folded
 * surface a substring of the folded text at the token's position.
 *
 * The folded text keeps, per folded UTF-16 unit, the [start, end) UTF-16 range of the original
 * code point it came from, so a match maps straight back to exact offsets (surrogate pairs
 * included). Code points that fold to nothing but are part of a word (combining marks, ZWJ,
 * variation selectors) extend the range of the preceding character, so an entity ending in
 * "e\u0301" keeps its accent.
 */

const foldCache = new Map<number, string>();
const STRIP = /[\p{M}\p{Cc}\p{Cf}\p{Cs}\p{Co}\s\p{Zs}\p{Zl}\p{Zp}]/gu;

/** Fold one code point; '' for whitespace, controls and marks. */
export function foldCodePoint(cp: number): string {
  if (cp < 128) {
    if (cp >= 65 && cp <= 90) return String.fromCharCode(cp + 32);
    if (cp <= 32 || cp === 127) return '';
    return String.fromCharCode(cp);
  }
  let folded = foldCache.get(cp);
  if (folded === undefined) {
    folded = String.fromCodePoint(cp).normalize('NFKD').toLowerCase().normalize('NFKD').replace(STRIP, '');
    // JS lowercases a word-final capital sigma to 'ς' in context; folding per code point cannot
    // see the context, so both sigmas meet at 'σ'. U+FFFD is dropped by BERT's cleanup.
    folded = folded.replaceAll('ς', 'σ').replaceAll('\uFFFD', '');
    foldCache.set(cp, folded);
  }
  return folded;
}

export function isWhitespaceCodePoint(cp: number): boolean {
  if (cp < 128) return cp === 32 || (cp >= 9 && cp <= 13);
  return /^[\s\p{Zs}\p{Zl}\p{Zp}]$/u.test(String.fromCodePoint(cp));
}

/** Fold a whole string (token surfaces, pre-tokens). */
export function foldString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    out += foldCodePoint(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

export interface FoldedText {
  /** The folded text: no whitespace, lowercase, no marks. */
  folded: string;
  /** Per folded UTF-16 unit: start of the original code point it came from. */
  origStart: Int32Array;
  /** Per folded UTF-16 unit: end of that code point, extended over attached marks. */
  origEnd: Int32Array;
}

export function foldText(text: string): FoldedText {
  let capacity = text.length + 16;
  let units = new Uint16Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let n = 0;
  // Folded index where the last visible code point's units begin; -1 after whitespace.
  let lastVisible = -1;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldCodePoint(cp);
    if (folded.length === 0) {
      if (isWhitespaceCodePoint(cp)) lastVisible = -1;
      else if (lastVisible >= 0) for (let k = lastVisible; k < n; k++) ends[k] = i + width;
    } else {
      if (n + folded.length > capacity) {
        capacity = capacity * 2 + folded.length;
        units = grow16(units, capacity);
        starts = grow32(starts, capacity);
        ends = grow32(ends, capacity);
      }
      lastVisible = n;
      for (let k = 0; k < folded.length; k++) {
        units[n] = folded.charCodeAt(k);
        starts[n] = i;
        ends[n] = i + width;
        n++;
      }
    }
    i += width;
  }
  return { folded: unitsToString(units, n), origStart: starts.subarray(0, n), origEnd: ends.subarray(0, n) };
}

function unitsToString(units: Uint16Array, n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i += 8192) parts.push(String.fromCharCode(...units.subarray(i, Math.min(n, i + 8192))));
  return parts.join('');
}

function grow16(a: Uint16Array, size: number): Uint16Array<ArrayBuffer> {
  const b = new Uint16Array(size);
  b.set(a);
  return b;
}

function grow32(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
