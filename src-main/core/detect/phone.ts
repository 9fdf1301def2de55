import type { CountryCode } from 'libphonenumber-js/max';
import { IBAN_HEAD_BEFORE } from './iban.ts';
import { readInternational, readNational, type Reading } from './numbering-plan.ts';
import { phoneCue, type PhoneCue } from './phone-context.ts';
import { DEFAULT_PHONE_REGIONS } from './phone-regions.ts';
import { separatorView } from './separators.ts';
import type { DetectedSpan, Detector } from './types.ts';

// Phone numbers in several regions at once. libphonenumber's metadata decides what is a number
// (numbering-plan.ts), but its own text scanner (findNumbers) reads prose at ~3 MB/s for one
// region, so the text is read here: digit groups joined by the separators phone numbers use make
// a chain (one per number or run of numbers); shapes that are something else (dates, IP addresses,
// versions, references glued to letters or labelled as such) are dropped; and windows of whole
// groups are read as numbers, longest first. Everything is read in the separator view
// (separators.ts): Unicode spaces and dashes spelled in ASCII, same offsets.

const SCORE = 0.8;
/** Said to be a phone number by the words before it. */
const CUED_SCORE = 0.95;
/** Possible but not valid in any listed region: only taken when the words before it say "phone". */
const POSSIBLE_SCORE = 0.5;

/** What may stand between two digit groups of one number on a line, and across one line break. */
const ON_LINE = /^ {0,4}(?:[-./]|\)[-.]?|\(|\) ?\(|\/ ?)? {0,4}$/;
const ACROSS_LINE = /^ {0,4}[-./)]? {0,4}\n {0,4}\(?$/;
const MAX_SEPARATOR = 12;
/** Before the first group: "+", "+ (", "(" ; after the last: an extension the text names. */
const LEADING = /(?:\+ ?\(?|\()$/;
const EXTENSION_AFTER = / {0,3}(?:ext\.?|extension|x|#) {0,3}\d{1,7}/iy;
/** The most groups a number is written in ("+44 (0) 20 7946 0321" has 5; an extension is not a group). */
const MAX_GROUPS = 8;
const MAX_DIGITS = 17; // 15 of E.164 and an international call prefix

// Shapes that are not phone numbers, whatever libphonenumber would make of their digits.
/** A date, or a date and then a time ("2024-03-14 09:30", "14.03.2024 09"). */
const DATE_SHAPE = /^(?:\d{1,2}([-./])\d{1,2}\1(?:\d{2}|\d{4})|\d{4}([-./])\d{1,2}\2\d{1,2})(?:$| )/;
const IP_SHAPE = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** A date with a four-digit year anywhere inside ("08/03/1991 1780", "08 1989-10-31"), or a month and year. */
const DATE_INSIDE = /(?:^|\D)(?:\d{1,2}([./-])\d{1,2}\1(?:19|20)\d{2}|(?:19|20)\d{2}([./-])\d{1,2}\2\d{1,2}|\d{1,2}\/(?:19|20)\d{2})(?!\d)/;
/** Dotted groups with a single digit among them, past the first: a version ("3.10.521.9"), not a phone. */
const VERSION_SHAPE = /^\d+(?:\.\d+)*\.\d(?:\.\d+)*$|^\d+(?:\.\d+)+\.\d$/;
/** Glued to a word before it: "INV-2019-003489", "A1234567", "#100234987", "v2", a time's "21:01:01.698". */
const GLUED_BEFORE = /(?:[\p{L}\p{N}_][-/]|[\p{L}\p{N}_#@$€£%&*=]|[\p{L}\p{N}]\.|\p{N}:)$/u;
/** Going on after it: "…-A4", "…abc", "…@host", "….5" (a decimal), "…%". A comma does not: CSV fields. */
const THOUSANDS_BEFORE = /\d,$/;
/** The extension of the number before ("… Ext. 0731"): not the start of a number of its own. */
const EXTENSION_BEFORE = /(?:\d\)?\s{0,3}(?:ext\.?|extension|x)|\bext\.?)\s{0,3}$/i;
const GLUED_AFTER = /^(?:[-/.][\p{L}\p{N}]|[\p{L}_@%€$£])/u;

interface Group {
  start: number;
  end: number;
}

interface Window {
  /** Its first and last group in the chain. */
  first: number;
  last: number;
  start: number;
  end: number;
  valid: boolean;
  cue: PhoneCue;
}

/** Chains of digit groups joined by phone separators, at most one line break inside a number. */
function* chains(view: string): Generator<Group[]> {
  const digits = /\d+/g;
  let chain: Group[] = [];
  for (let m = digits.exec(view); m; m = digits.exec(view)) {
    const group = { start: m.index, end: m.index + m[0].length };
    const last = chain[chain.length - 1];
    if (last) {
      const between = view.slice(last.end, group.start);
      if (between.length > MAX_SEPARATOR || !(ON_LINE.test(between) || ACROSS_LINE.test(between))) {
        yield chain;
        chain = [];
      }
    }
    chain.push(group);
  }
  if (chain.length > 0) yield chain;
}

export const phone: Detector = {
  id: 'phone',
  name: 'Phone number (libphonenumber, valid in one of the project’s regions or international)',
  label: 'PHONE',
  detect(text, options) {
    const regions = options.phoneRegions && options.phoneRegions.length > 0 ? options.phoneRegions : DEFAULT_PHONE_REGIONS;
    const view = separatorView(text);
    const out: DetectedSpan[] = [];
    for (const chain of chains(view)) {
      const ends = chainEnds(view, chain);
      if (!ends) continue;
      for (const found of numbersIn(text, view, chain, regions, ends)) {
        const score = !found.valid ? POSSIBLE_SCORE : found.cue === 'for' ? CUED_SCORE : SCORE;
        out.push({ start: found.start, end: found.end, label: 'PHONE', score, detector: 'phone' });
      }
    }
    return out;
  },
};

/** Whether a number may start at the chain's first group, and end at its last. */
interface ChainEnds {
  start: boolean;
  end: boolean;
}

/**
 * Cheap checks on a whole chain: enough digits, not an account number's tail, and whether its ends
 * are glued into a longer token (then a number may still lie inside: "…\t07480 871180\t28th").
 */
function chainEnds(view: string, chain: readonly Group[]): ChainEnds | undefined {
  let digits = 0;
  for (const g of chain) digits += g.end - g.start;
  if (digits < 5) return undefined;
  const first = chain[0]!;
  const lead = LEADING.exec(view.slice(Math.max(0, first.start - 3), first.start))?.[0].length ?? 0;
  const before = view.slice(Math.max(0, first.start - lead - 40), first.start - lead); // an IBAN's head is up to 34
  if (IBAN_HEAD_BEFORE.test(before)) return undefined;
  // "$6,877,016.93": a group of three after a digit and a comma is the rest of an amount.
  const cents = chain.length === 2 && view[first.end] === '.' && chain[1]!.end - chain[1]!.start === 2;
  const thousands = first.end - first.start === 3 && (chain.length === 1 || cents) && THOUSANDS_BEFORE.test(before);
  const last = chain[chain.length - 1]!.end;
  return { start: !GLUED_BEFORE.test(before) && !thousands && !EXTENSION_BEFORE.test(before), end: !GLUED_AFTER.test(view.slice(last, last + 2)) };
}

/**
 * The numbers in one chain: from each group, the longest window of whole groups that is one. A
 * number carved out of a longer chain must stand apart from the groups left over beside it: by a
 * stronger separator ("/", a tab, two spaces, a line break), or because they are a number too. The
 * last 10 digits of a tracking number "9400 1524 4516 0801 7985 47" are no phone number.
 */
function numbersIn(text: string, view: string, chain: readonly Group[], regions: readonly CountryCode[], ends: ChainEnds): Window[] {
  const found: Window[] = [];
  for (let i = 0; i < chain.length;) {
    let window: Window | undefined;
    // What the words before say decides before any parsing: "Order # 212 555 0100" is an order.
    const cue = phoneCue(view, chain[i]!.start);
    // Longest first, those ending at a clear break (a tab, "/", the chain's end) before the others:
    // "011 5515 5317<tab>1971-06-18" is a number and a date, not "011 5515 5317 1971" and "-06-18".
    const top = Math.min(chain.length, i + MAX_GROUPS) - 1;
    const endsClearly = (j: number) => j === chain.length - 1 || strongSeparator(text, view, chain[j]!.end, chain[j + 1]!.start);
    for (const clear of [true, false]) {
      for (let j = top; j >= i && !window && (i > 0 || ends.start) && cue !== 'against'; j--) {
        if (endsClearly(j) === clear && (j < chain.length - 1 || ends.end)) window = windowAt(text, view, chain, i, j, regions, cue);
      }
    }
    if (window) {
      found.push(window);
      i = window.last + 1;
      continue;
    }
    // Group i stays uncovered, so a number starting after it must stand apart from it (below):
    // go on from the next strong separator. In a card or tracking number that is the chain's end.
    i++;
    while (i < chain.length && !strongSeparator(text, view, chain[i - 1]!.end, chain[i]!.start)) i++;
  }
  // Dropping one number can leave its neighbour beside uncovered groups: repeat until none drops.
  for (let kept = found; ;) {
    const covered = new Set<number>();
    for (const w of kept) for (let g = w.first; g <= w.last; g++) covered.add(g);
    const apart = (left: number) => (covered.has(left) && covered.has(left + 1)) || strongSeparator(text, view, chain[left]!.end, chain[left + 1]!.start);
    const next = kept.filter((w) => (w.first === 0 || apart(w.first - 1)) && (w.last === chain.length - 1 || apart(w.last)));
    if (next.length === kept.length) return kept;
    kept = next;
  }
}

function strongSeparator(text: string, view: string, from: number, to: number): boolean {
  const between = view.slice(from, to);
  return between.includes('/') || between.includes('\n') || between.includes('  ') || text.slice(from, to).includes('\t');
}

/** The number written by groups i..j of a chain, or undefined. */
function windowAt(
  text: string,
  view: string,
  chain: readonly Group[],
  i: number,
  j: number,
  regions: readonly CountryCode[],
  cue: PhoneCue,
): Window | undefined {
  const first = chain[i]!;
  const last = chain[j]!;
  let digits = '';
  for (let k = i; k <= j; k++) digits += view.slice(chain[k]!.start, chain[k]!.end);
  if (digits.length < 5 || digits.length > MAX_DIGITS) return undefined;
  const body = view.slice(first.start, last.end);
  const lineBreaks = countLineBreaks(body);
  if (lineBreaks > 1 || DATE_SHAPE.test(body) || DATE_INSIDE.test(body) || IP_SHAPE.test(body) || VERSION_SHAPE.test(body)) return undefined;
  const lead = LEADING.exec(view.slice(Math.max(0, first.start - 3), first.start))?.[0] ?? '';
  const international = lead.startsWith('+') || /^(?:00|011)/.test(digits);
  let start = first.start - lead.length;
  let end = last.end;
  if (j === chain.length - 1) {
    EXTENSION_AFTER.lastIndex = end;
    if (EXTENSION_AFTER.test(view)) end = EXTENSION_AFTER.lastIndex;
  }
  // Brackets balanced: "(917.555.0142)" keeps both, "(917.555.0142 and" neither.
  if (unclosed(view, start, end) > 0 && view[end] === ')') end++;
  if (unclosed(view, start, end) > 0 && lead === '(') start++;
  // libphonenumber reads a number on one line: a line break becomes one space.
  const written = view.slice(start, end).replace(/ *\n */, ' ');
  // Read across a line break or a tab (which more often separates the columns of a table), or
  // carved out of a longer chain without a clear break on both sides, a number must be grouped the
  // way numbers of its country are: "409 430\n9 322" in a column of amounts is no number.
  const whole = i === 0 && j === chain.length - 1;
  const tabbed = text.slice(first.start, last.end).includes('\t');
  const apart =
    (i === 0 || strongSeparator(text, view, chain[i - 1]!.end, first.start)) &&
    (j === chain.length - 1 || strongSeparator(text, view, last.end, chain[j + 1]!.start));
  const grouped = (r: Reading) => groupedAsWritten(view, first.start, last.end, r);
  const number = parse(written, digits, international, regions, grouped, lineBreaks > 0 || tabbed || !apart, cue === 'for');
  if (!number) return undefined;
  // Only possible, it must be all there is: carved out of a longer chain it is a guess.
  if (!number.valid && !whole) return undefined;
  if (lineBreaks > 0 && tableRow(view, first.start, last.end)) return undefined;
  return { first: i, last: j, start, end, valid: number.valid, cue };
}

/** Opening brackets in [start, end) not closed there. */
function unclosed(view: string, start: number, end: number): number {
  let open = 0;
  for (let i = start; i < end; i++) {
    if (view[i] === '(') open++;
    else if (view[i] === ')' && open > 0) open--;
  }
  return open;
}

function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The first listed region in which the number is valid; else the first in which it is possible.
 * Past the first region, a number must also be written with that region's trunk prefix or grouped
 * as the region writes numbers: "12 34 56 78 90" is no Indian number although its digits would make
 * one. A number that is only possible (right length, unassigned range: "555-867-5309") is taken
 * with a lower score. `mustGroup`: every reading must be grouped as written.
 */
function parse(
  written: string,
  digits: string,
  international: boolean,
  regions: readonly CountryCode[],
  grouped: (reading: Reading) => boolean,
  mustGroup: boolean,
  possibleWanted: boolean,
): { valid: boolean } | undefined {
  const plus = written.trimStart().startsWith('+');
  if (international) {
    // "0044 20 …" and "011 44 …" are dialled from abroad; "011 3643 5632" may be British all the same.
    const read = readInternational(plus ? digits : digits.replace(/^(?:00|011)/, ''));
    if (read && (read.valid || (read.possible && possibleWanted)) && (!mustGroup || grouped(read))) return { valid: read.valid };
    if (plus) return undefined;
  }
  let possible = false;
  for (const region of regions) {
    const read = readNational(digits, written, region);
    if (!read) continue;
    if (read.valid) {
      const isGrouped = grouped(read);
      if ((isGrouped || !mustGroup) && (region === regions[0] || read.trunkWritten || isGrouped)) return { valid: true };
    } else if (possibleWanted && !possible && read.possible && grouped(read)) possible = true;
  }
  return possible ? { valid: false } : undefined;
}

/**
 * Whether every gap between the digits of [start, end) falls where two groups meet in one of the
 * ways the number's country writes numbers of its shape (its formats, international and national:
 * "+1 415 867 5309", "98765 43210", "030 12345678"), or before the national number (after "+1",
 * "1", "0044", a trunk "0"). A number with no format (only possible) has no grouping to follow.
 */
function groupedAsWritten(view: string, start: number, end: number, reading: Reading): boolean {
  const national = reading.nationalLength;
  const gaps: number[] = []; // national digits after each gap inside the national number
  let after = 0;
  for (let i = start; i < end; i++) if (isDigit(view[i])) after++;
  for (let i = start; i < end; i++) {
    if (!isDigit(view[i])) continue;
    if (i > start && !isDigit(view[i - 1]) && after > 0 && after < national) gaps.push(after);
    after--;
  }
  if (gaps.length === 0) return true;
  const ways = reading.ways();
  return ways.length === 0 || ways.some((way) => gaps.every((gap) => way.has(gap)));
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const ONLY_NUMBER = /^[+(]?[\d ().\-/]+$/;
const ENDS_WITH_NUMBER = /[\d)][-./]? *$/;
const STARTS_WITH_NUMBER = /^ *[\d(+]/;

/**
 * Whether a number read across a line break joins rows of a table of numbers: a line of nothing but
 * a number whose neighbour on the other side also ends or starts with one ("2024\n415 867\n5309\n7788").
 */
function tableRow(view: string, start: number, _end: number): boolean {
  const newline = view.indexOf('\n', start);
  const aboveStart = view.lastIndexOf('\n', start) + 1;
  const belowEnd = view.indexOf('\n', newline + 1) < 0 ? view.length : view.indexOf('\n', newline + 1);
  const above = view.slice(aboveStart, newline);
  const below = view.slice(newline + 1, belowEnd);
  if (ONLY_NUMBER.test(above.trim()) && aboveStart > 0) {
    const previous = view.slice(view.lastIndexOf('\n', aboveStart - 2) + 1, aboveStart - 1);
    if (ENDS_WITH_NUMBER.test(previous)) return true;
  }
  if (ONLY_NUMBER.test(below.trim()) && belowEnd < view.length) {
    const nextEnd = view.indexOf('\n', belowEnd + 1);
    const next = view.slice(belowEnd + 1, nextEnd < 0 ? view.length : nextEnd);
    if (STARTS_WITH_NUMBER.test(next)) return true;
  }
  return false;
}
