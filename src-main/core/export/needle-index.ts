import { UNBOUNDED_MIN, type Needle } from './leak-match.ts';

// Needles of UNBOUNDED_MIN+ compacted characters match anywhere (`contains`), and a normalised
// hit is a compacted hit too (removing the spaces of both keeps it), so for them `contains` is
// "the compacted text includes the compacted needle". This finds all of them in one pass over
// the text, by a rolling hash of their first characters: an export with ten thousand redacted
// strings does not search its file ten thousand times.

const KEY = UNBOUNDED_MIN;
const BASE = 131;
/** BASE^(KEY-1), to take the leaving character out of the rolling hash. */
const LEAVING = BASE ** (KEY - 1);
/** Keys stay small integers (fast map keys). */
const MASK = 0x3fffffff;

function keyOf(text: string, at: number): number {
  let h = 0;
  for (let i = at; i < at + KEY; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  return h;
}

export class NeedleIndex {
  readonly #byKey = new Map<number, Needle[]>();

  /** Takes the needles `contains` matches anywhere; the others are not its business. */
  constructor(needles: readonly Needle[]) {
    for (const needle of needles) {
      if (needle.compacted.length < KEY) continue;
      const key = keyOf(needle.compacted, 0) & MASK;
      (this.#byKey.get(key) ?? this.#byKey.set(key, []).get(key)!).push(needle);
    }
  }

  /** Adds to `found` the id of every indexed needle that occurs in `compacted` (a haystack's compacted form). */
  search(compacted: string, found: Set<string>): void {
    if (this.#byKey.size === 0 || compacted.length < KEY) return;
    let h = keyOf(compacted, 0);
    for (let at = 0; ; at++) {
      const candidates = this.#byKey.get(h & MASK);
      if (candidates) for (const needle of candidates) if (!found.has(needle.id) && compacted.startsWith(needle.compacted, at)) found.add(needle.id);
      if (at + KEY >= compacted.length) return;
      h = (Math.imul(h - Math.imul(compacted.charCodeAt(at), LEAVING), BASE) + compacted.charCodeAt(at + KEY)) | 0;
    }
  }
}
