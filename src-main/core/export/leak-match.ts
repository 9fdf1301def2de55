// Finding redacted strings in extracted text, also in the forms a leak takes in practice:
// other case, other spacing or line breaks, a word hyphenated across lines, compatibility
// characters (ligatures, full-width forms). Both sides go through the same normalisation.

/** Characters that change nothing visible and so can hide a match. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const LINE_BREAK_HYPHEN = /[-\u2010\u2011]\s*[\r\n]+\s*/g;

export function normalise(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(LINE_BREAK_HYPHEN, '').toUpperCase().toLowerCase().replace(/\s+/g, ' ').trim();
}

export function compact(normalised: string): string {
  return normalised.replace(/ /g, '');
}

/** A redacted string prepared for searching; `id` is whatever lets the caller name it (never the text). */
export interface Needle {
  id: string;
  normalised: string;
  compacted: string;
  /**
   * How often the string stands in the source *outside* every redacted range, as a whole
   * token: an output may show it that often (the analyst left those occurrences), not more.
   */
  allowed: number;
}

/** Below this (after compacting) a needle matches only as a whole word: "Al" must not fail on "also". */
export const UNBOUNDED_MIN = 5;

export function makeNeedle(id: string, text: string, allowed = 0): Needle | null {
  const normalised = normalise(text);
  const compacted = compact(normalised);
  // One character cannot be told apart from ordinary text; the boxes cover it regardless.
  if (compacted.length < 2) return null;
  return { id, normalised, compacted, allowed };
}

/** Adds a needle to a set for an output made of several documents: their allowances add up. */
export function addNeedle(into: Map<string, Needle>, needle: Needle): void {
  const known = into.get(needle.id);
  into.set(needle.id, known ? { ...known, allowed: known.allowed + needle.allowed } : needle);
}

/** Long enough that a hit anywhere, even inside a longer word or in raw bytes, is this string. */
export function isDistinctive(needle: Needle): boolean {
  return needle.compacted.length >= UNBOUNDED_MIN;
}

/** Haystack prepared once, searched for many needles. */
export interface Haystack {
  normalised: string;
  compacted: string;
}

export function makeHaystack(text: string): Haystack {
  const normalised = normalise(text);
  return { normalised, compacted: compact(normalised) };
}

const WORD = /[\p{L}\p{N}]/u;

/** Occurrences as a whole token: "42" is not in "4242", "Al" is not in "also". */
function boundedHits(haystack: string, needle: string, stopAt = Infinity): number {
  let hits = 0;
  const edgeStart = WORD.test(needle[0]!);
  const edgeEnd = WORD.test(needle[needle.length - 1]!);
  for (let at = haystack.indexOf(needle); at >= 0 && hits < stopAt; at = haystack.indexOf(needle, at + 1)) {
    const before = at > 0 ? haystack[at - 1]! : ' ';
    const after = at + needle.length < haystack.length ? haystack[at + needle.length]! : ' ';
    if ((!edgeStart || !WORD.test(before)) && (!edgeEnd || !WORD.test(after))) hits++;
  }
  return hits;
}

/** How often the needle stands in the haystack as a whole token (normalised forms). */
export function countOccurrences(haystack: Haystack, needle: Needle): number {
  return boundedHits(haystack.normalised, needle.normalised);
}

/** True when the needle occurs in the haystack in any of the normalised forms. */
export function contains(haystack: Haystack, needle: Needle): boolean {
  if (needle.compacted.length >= UNBOUNDED_MIN) {
    return haystack.normalised.includes(needle.normalised) || haystack.compacted.includes(needle.compacted);
  }
  return boundedHits(haystack.normalised, needle.normalised, 1) > 0;
}

/** Ids of the needles found. */
export function findNeedles(haystack: Haystack, needles: readonly Needle[]): string[] {
  return needles.filter((needle) => contains(haystack, needle)).map((n) => n.id);
}
