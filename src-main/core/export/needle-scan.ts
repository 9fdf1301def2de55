// The redacted-string search of verify.ts `verifyText`, over a file read in chunks: the same
// normalised matching and allowances, the same findings, without the whole text in memory.
// The text is searched in windows cut where normalising does not look across the cut (after
// whitespace, between plain characters), each window starting with the tail of the one before,
// long enough to hold the longest needle: a string across a cut is whole in the next window.
import { compact, contains, countOccurrences, isDistinctive, makeHaystack, normalise, type Needle } from './leak-match.ts';
import { NeedleIndex } from './needle-index.ts';
import type { Finding, Verification } from './verify.ts';

/** Characters searched at once (at least: a window ends at the last clean cut of what has arrived). */
const WINDOW = 256 * 1024;
/** Text without a single clean cut this long (no space between words) is cut anyway; see `#step`. */
const HARD_CUT = 16 * WINDOW;

const SPACE = /\s/;
/** Before a cut: no line-break hyphen can join across it, nothing composes with what follows. */
const SAFE_END = /[\p{L}\p{N}.,;:!?"')\]]/u;
/** After a cut: a character that stands alone (not a combining mark, not an invisible one). */
const SAFE_START = /[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * Whether normalising text[0, at) and text[at, …) apart and joining them with one space gives
 * what normalising the whole gives: whitespace just before `at`, a plain character at `at`,
 * and before the whitespace a plain character too.
 */
function isCut(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length || !SPACE.test(text[at - 1]!) || !SAFE_START.test(text[at]!)) return false;
  let before = at - 1;
  while (before >= 0 && SPACE.test(text[before]!)) before--;
  return before < 0 || SAFE_END.test(text[before]!);
}

export class NeedleScan {
  readonly #needles: readonly Needle[];
  /** Needles that must not occur at all and match anywhere: searched for all at once. */
  readonly #index: NeedleIndex;
  /** Short needles that must not occur at all, as whole tokens. */
  readonly #absent: Needle[];
  /** Needles that may occur `allowed` times: counted over the whole file. */
  readonly #counted: Needle[];
  readonly #found = new Set<string>();
  readonly #hits = new Map<string, number>();
  /** Compacted characters the carried tail must hold: the longest needle's. */
  readonly #reach: number;
  readonly #window: number;
  /** The searched tail of the last window: the start of the next one. */
  #carry = '';
  /** Hits of counted needles inside the carried tail, already counted. */
  #carried = new Map<string, number>();
  #pending = '';

  constructor(needles: readonly Needle[], window = WINDOW) {
    this.#needles = needles;
    this.#index = new NeedleIndex(needles.filter((n) => n.allowed === 0 && isDistinctive(n)));
    this.#absent = needles.filter((n) => n.allowed === 0 && !isDistinctive(n));
    this.#counted = needles.filter((n) => n.allowed > 0);
    this.#reach = needles.reduce((longest, n) => Math.max(longest, n.compacted.length), 0);
    this.#window = window;
  }

  feed(chunk: string): void {
    this.#pending += chunk;
    while (this.#pending.length >= this.#window && this.#step()) {
      // each step searches one window
    }
  }

  /** Searches the rest and says what was found, as `verifyText` says it for the whole text. */
  end(): Verification {
    this.#search(this.#carry + this.#pending);
    this.#carry = this.#pending = '';
    const findings: Finding[] = [];
    for (const needle of this.#needles) {
      const found = needle.allowed === 0 ? this.#found.has(needle.id) : (this.#hits.get(needle.id) ?? 0) > needle.allowed;
      if (!found) continue;
      const where = needle.allowed === 0 ? 'file text' : `file text (more than the ${needle.allowed} unredacted occurrences of the source)`;
      findings.push({ check: 'text', page: null, where, needleId: needle.id });
    }
    const scope = 'whole file, normalised';
    const check =
      findings.length === 0
        ? { name: 'text', passed: true, detail: scope }
        : { name: 'text', passed: false, detail: `${findings.length} redacted string(s) found in ${scope}` };
    return { ok: findings.length === 0, checks: [check], findings };
  }

  /** Searches up to the last clean cut of what has arrived; false when there is none yet. */
  #step(): boolean {
    const text = this.#carry + this.#pending;
    let cut = text.length - 1;
    while (cut > this.#carry.length && !isCut(text, cut)) cut--;
    if (cut <= this.#carry.length) {
      // One "word" of megabytes: searched whole and cut where it stands. A needle across such a
      // cut is still whole in the next window; only normalising at its edge may differ (rare, and
      // then a window can only find more, never less).
      if (this.#pending.length < HARD_CUT) return false;
      cut = text.length;
    }
    const window = text.slice(0, cut);
    this.#pending = text.slice(cut);
    this.#search(window);
    this.#carry = this.#tail(window);
    const carried = makeHaystack(this.#carry);
    this.#carried = new Map(this.#counted.map((n) => [n.id, countOccurrences(carried, n)]));
    return true;
  }

  #search(text: string): void {
    const haystack = makeHaystack(text);
    this.#index.search(haystack.compacted, this.#found);
    for (const needle of this.#absent) if (!this.#found.has(needle.id) && contains(haystack, needle)) this.#found.add(needle.id);
    for (const needle of this.#counted) {
      // Hits inside the carried tail were counted with the window before.
      const hits = countOccurrences(haystack, needle) - (this.#carried.get(needle.id) ?? 0);
      if (hits > 0) this.#hits.set(needle.id, (this.#hits.get(needle.id) ?? 0) + hits);
    }
  }

  /** The shortest tail from a clean cut that holds `reach` compacted characters: every needle fits. */
  #tail(window: string): string {
    if (this.#reach === 0) return '';
    for (let span = Math.max(64, 4 * this.#reach); ; span *= 2) {
      if (span >= window.length) return window;
      let at = window.length - span;
      const limit = Math.max(1, at - 4096);
      while (at > limit && !isCut(window, at)) at--;
      if (!isCut(window, at)) at = window.length - span;
      const tail = window.slice(at);
      if (compact(normalise(tail)).length >= this.#reach) return tail;
    }
  }
}
