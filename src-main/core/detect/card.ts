import { luhnValid } from './luhn.ts';
import type { DetectedSpan, Detector } from './types.ts';

interface Brand {
  name: string;
  lengths: readonly number[];
  /** Inclusive ranges of leading digits; both ends have the same number of digits. */
  prefixes: ReadonlyArray<readonly [number, number]>;
}

const range = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);

// Issuer identification ranges as the networks publish them (first match wins).
const BRANDS: readonly Brand[] = [
  { name: 'Visa', lengths: [13, 16, 19], prefixes: [[4, 4]] },
  { name: 'Mastercard', lengths: [16], prefixes: [[51, 55], [2221, 2720]] },
  { name: 'American Express', lengths: [15], prefixes: [[34, 34], [37, 37]] },
  { name: 'Discover', lengths: range(16, 19), prefixes: [[6011, 6011], [644, 649], [65, 65], [622126, 622925]] },
  { name: 'Diners Club', lengths: range(14, 19), prefixes: [[300, 305], [36, 36], [38, 39]] },
  { name: 'JCB', lengths: range(16, 19), prefixes: [[3528, 3589]] },
  { name: 'UnionPay', lengths: range(16, 19), prefixes: [[62, 62]] },
  { name: 'Mir', lengths: range(16, 19), prefixes: [[2200, 2204]] },
  {
    name: 'Maestro',
    lengths: range(13, 19),
    prefixes: [[5018, 5018], [5020, 5020], [5038, 5038], [5893, 5893], [6304, 6304], [6759, 6759], [6761, 6763]],
  },
];

export function cardBrand(digits: string): string | null {
  for (const brand of BRANDS) {
    if (!brand.lengths.includes(digits.length)) continue;
    for (const [lo, hi] of brand.prefixes) {
      const head = Number(digits.slice(0, String(lo).length));
      if (head >= lo && head <= hi) return brand.name;
    }
  }
  return null;
}

export function isCardNumber(digits: string): boolean {
  return cardBrand(digits) !== null && luhnValid(digits);
}

// Runs of digit groups joined by single spaces or dashes; a card is a window of whole groups
// (13-19 digits, one kind of separator) inside a run, so "card 4111 1111 1111 1111 2024" still
// yields the card and a card never ends in the middle of a group.
const RUN = /(?<![\w-])\d+(?:[ -]\d+)*(?!\w)/g;
const GROUP = /\d+/g;
const SCORE = 0.99;

interface Group {
  start: number;
  end: number;
  digits: string;
  /** The separator before this group ('' for the first). */
  sep: string;
}

function groupsOf(run: string, offset: number): Group[] {
  const out: Group[] = [];
  for (const m of run.matchAll(GROUP)) {
    out.push({ start: offset + m.index, end: offset + m.index + m[0].length, digits: m[0], sep: m.index > 0 ? run[m.index - 1]! : '' });
  }
  return out;
}

function longestCardFrom(groups: Group[], i: number): number {
  let digits = '';
  let sep: string | null = null;
  let best = -1;
  for (let j = i; j < groups.length; j++) {
    const g = groups[j]!;
    if (j > i) {
      if (sep === null) sep = g.sep;
      else if (g.sep !== sep) break;
    }
    digits += g.digits;
    if (digits.length > 19) break;
    if (digits.length >= 13 && isCardNumber(digits)) best = j;
  }
  return best;
}

export const card: Detector = {
  id: 'card',
  name: 'Payment card (issuer prefix and length, Luhn checksum)',
  label: 'CARD',
  detect(text) {
    const out: DetectedSpan[] = [];
    for (const m of text.matchAll(RUN)) {
      if (m[0].length < 13) continue;
      const groups = groupsOf(m[0], m.index);
      for (let i = 0; i < groups.length; ) {
        const best = longestCardFrom(groups, i);
        if (best < 0) {
          i++;
          continue;
        }
        out.push({ start: groups[i]!.start, end: groups[best]!.end, label: 'CARD', score: SCORE, detector: 'card' });
        i = best + 1;
      }
    }
    return out;
  },
};
