import { IBAN_HEAD_BEFORE } from './iban.ts';
import { luhnValid } from './luhn.ts';
import { GROUP_SEPARATOR, sameKind, separatorKind, separatorView, type SeparatorKind } from './separators.ts';
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
  {
    name: 'Mastercard',
    lengths: [16],
    prefixes: [
      [51, 55],
      [2221, 2720],
    ],
  },
  {
    name: 'American Express',
    lengths: [15],
    prefixes: [
      [34, 34],
      [37, 37],
    ],
  },
  {
    name: 'Discover',
    lengths: range(16, 19),
    prefixes: [
      [6011, 6011],
      [644, 649],
      [65, 65],
      [622126, 622925],
    ],
  },
  {
    name: 'Diners Club',
    lengths: range(14, 19),
    prefixes: [
      [300, 305],
      [36, 36],
      [38, 39],
    ],
  },
  { name: 'JCB', lengths: range(16, 19), prefixes: [[3528, 3589]] },
  { name: 'UnionPay', lengths: range(16, 19), prefixes: [[62, 62]] },
  { name: 'Mir', lengths: range(16, 19), prefixes: [[2200, 2204]] },
  {
    name: 'Maestro',
    lengths: range(13, 19),
    prefixes: [
      [5018, 5018],
      [5020, 5020],
      [5038, 5038],
      [5893, 5893],
      [6304, 6304],
      [6759, 6759],
      [6761, 6763],
    ],
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

// Runs of digit groups joined by separators (spaces, a dash, a line break; see separators.ts); a
// card is a window of whole groups (13-19 digits, one kind of separator, a bare line break going
// with either) inside a run, so "card 4111 1111 1111 1111 2024" still yields the card and a card
// never ends in the middle of a group. A card in groups is grouped as cards are printed (see
// printedBeforeLast), so a column of numbers, one per line, or the cells of a row do not make
// cards; it is broken across at most one line, and split by tabs only if all its groups are. The
// run is matched in the separator view, whose offsets are the text's own.
const RUN = new RegExp(`(?<![\\w-])\\d+(?:${GROUP_SEPARATOR}\\d+)*(?!\\w)`, 'g');
const GROUP = /\d+/g;
const SCORE = 0.99;

interface Group {
  start: number;
  end: number;
  digits: string;
  /** The kind of separator before this group (null for the first). */
  sep: SeparatorKind | null;
  /** Whether that separator holds a line break. */
  lineBreak: boolean;
  /** Whether it holds a tab: between the cells of a table, unless the whole card is grouped by tabs. */
  tab: boolean;
}

function groupsOf(text: string, run: string, offset: number): Group[] {
  const out: Group[] = [];
  let previousEnd = -1;
  for (const m of run.matchAll(GROUP)) {
    const between = previousEnd < 0 ? '' : run.slice(previousEnd, m.index);
    const sep = previousEnd < 0 ? null : separatorKind(between);
    const tab = previousEnd >= 0 && text.slice(offset + previousEnd, offset + m.index).includes('\t');
    out.push({ start: offset + m.index, end: offset + m.index + m[0].length, digits: m[0], sep, lineBreak: between.includes('\n'), tab });
    previousEnd = m.index + m[0].length;
  }
  return out;
}

/** Every issuer prefix starts with 2-6: a window starting with any other digit is no card. */
const mayStartCard = (digits: string) => digits >= '2' && digits < '7';

/**
 * Whether a group of `length` digits at `position` (0 first) of a window, with `first` and `second`
 * the lengths of its first two groups, can be a group before the last of a card as printed: 4-4-4-4,
 * 4-4-4-4-3, 4-4-4-1 (fours, the last maybe shorter) or 4-6-5 and 4-6-4 (Amex, Diners).
 */
function printedBeforeLast(position: number, length: number, first: number, second: number): boolean {
  if (position === 1 && first === 4) return length === 4 || length === 6;
  return length === 4 && !(position >= 2 && second === 6);
}

/** Whether the last group of a printed card can have `length` digits, at `position`, after groups `first`, `second`. */
function printedLast(position: number, length: number, first: number, second: number): boolean {
  if (position === 2 && first === 4 && second === 6) return length === 4 || length === 5;
  return length <= 4;
}

function longestCardFrom(groups: Group[], i: number): number {
  if (!mayStartCard(groups[i]!.digits)) return -1;
  let digits = '';
  let sep: SeparatorKind = 'break';
  let lineBreaks = 0;
  let printed = true; // every group before the last one is grouped as a printed card
  let best = -1;
  for (let j = i; j < groups.length; j++) {
    const g = groups[j]!;
    if (j > i) {
      if (!sameKind(sep, g.sep!) || g.tab !== groups[i + 1]!.tab) break;
      if (g.sep !== 'break') sep = g.sep!;
      if (g.lineBreak && ++lineBreaks > 1) break;
      printed &&= printedBeforeLast(j - 1 - i, groups[j - 1]!.digits.length, groups[i]!.digits.length, groups[i + 1]!.digits.length);
      // A card in groups is grouped as cards are printed, and that cannot come back: "480440582
      // 1951" (an order number and a year in two cells) is no card, though its digits pass Luhn.
      if (!printed) break;
    }
    digits += g.digits;
    if (digits.length > 19) break;
    if (digits.length < 13 || !isCardNumber(digits)) continue;
    if (j === i || printedLast(j - i, g.digits.length, groups[i]!.digits.length, groups[i + 1]?.digits.length ?? 0)) best = j;
  }
  return best;
}

export const card: Detector = {
  id: 'card',
  name: 'Payment card (issuer prefix and length, Luhn checksum)',
  label: 'CARD',
  detect(text) {
    const out: DetectedSpan[] = [];
    const view = separatorView(text);
    for (const m of view.matchAll(RUN)) {
      if (m[0].length < 13 || IBAN_HEAD_BEFORE.test(view.slice(Math.max(0, m.index - 40), m.index))) continue;
      const groups = groupsOf(text, m[0], m.index);
      for (let i = 0; i < groups.length;) {
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
