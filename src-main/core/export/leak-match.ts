// Finding redacted strings in extracted text, also in the forms a leak takes in practice:
// other case, other spacing or line breaks, a word hyphenated across lines, compatibility
// characters (ligatures, full-width forms). Both sides go through the same normalisation.

/** Characters that change nothing visible and so can hide a match. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const LINE_BREAK_HYPHEN = /[-\u2010\u2011]\s*[\r\n]+\s*/g;

export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(LINE_BREAK_HYPHEN, '')
    .toUpperCase()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function compact(normalised: string): string {
  return normalised.replace(/ /g, '');
}

/** A redacted string prepared for searching; `id` is whatever lets the caller name it (never the text). */
export interface Needle {
  id: string;
  normalised: string;
  compacted: string;
}

/** Below this (after compacting) a needle matches only as a whole word: "Al" must not fail on "also". */
const UNBOUNDED_MIN = 5;

export function makeNeedle(id: string, text: string): Needle | null {
  const normalised = normalise(text);
  const compacted = compact(normalised);
  // One character cannot be told apart from ordinary text; the boxes cover it regardless.
  if (compacted.length < 2) return null;
  return { id, normalised, compacted };
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

function boundedHit(haystack: string, needle: string): boolean {
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = at > 0 ? haystack[at - 1]! : ' ';
    const after = at + needle.length < haystack.length ? haystack[at + needle.length]! : ' ';
    const edgeStart = WORD.test(needle[0]!);
    const edgeEnd = WORD.test(needle[needle.length - 1]!);
    if ((!edgeStart || !WORD.test(before)) && (!edgeEnd || !WORD.test(after))) return true;
  }
  return false;
}

/** True when the needle occurs in the haystack in any of the normalised forms. */
export function contains(haystack: Haystack, needle: Needle): boolean {
  if (needle.compacted.length >= UNBOUNDED_MIN) {
    return haystack.normalised.includes(needle.normalised) || haystack.compacted.includes(needle.compacted);
  }
  return boundedHit(haystack.normalised, needle.normalised);
}

/** Ids of the needles found. */
export function findNeedles(haystack: Haystack, needles: readonly Needle[]): string[] {
  return needles.filter((needle) => contains(haystack, needle)).map((n) => n.id);
}
