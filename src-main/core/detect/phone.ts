import { Metadata, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { IBAN_HEAD_BEFORE } from './iban.ts';
import { phoneCue } from './phone-context.ts';
import { DEFAULT_PHONE_REGIONS } from './phone-regions.ts';
import { separatorView } from './separators.ts';
import type { DetectedSpan, Detector } from './types.ts';

export const DEFAULT_PHONE_REGION: CountryCode = 'US';

// Phone numbers in several regions at once. libphonenumber decides what is a number, but parsing
// costs ~15 µs a try, and its own text scanner (findNumbers) reads prose at ~3 MB/s for one region,
// so the text is read here first: digit groups joined by the separators phone numbers use make a
// chain (one per number or run of numbers); shapes that are something else (dates, IP addresses,
// versions, references glued to letters) are dropped; and only windows of whole groups with a
// length some listed region allows are parsed, longest first. Everything is read in the separator
// view (separators.ts): Unicode spaces and dashes spelled in ASCII, same offsets.

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
/** Dotted groups with a single digit among them, past the first: a version ("3.10.521.9"), not a phone. */
const VERSION_SHAPE = /^\d+(?:\.\d+)*\.\d(?:\.\d+)*$|^\d+(?:\.\d+)+\.\d$/;
/** Glued to a word before it: "INV-2019-003489", "A1234567", "#100234987", "v2". */
const GLUED_BEFORE = /(?:[\p{L}\p{N}_][-/]|[\p{L}\p{N}_#@$€£%&*=]|[\p{L}\p{N}]\.)$/u;
/** Going on after it: "…-A4", "…abc", "…@host", "….5" (a decimal), "…%". */
const GLUED_AFTER = /^(?:[-/.][\p{L}\p{N}]|[\p{L}_@%€$£]|,\d)/u;

/**
 * Regions whose numbers are commonly written without the national trunk prefix "0" (Indian and
 * Chinese mobile numbers). Elsewhere a national number with a trunk prefix is written with it
 * ("030 …", "020 …", "01 …"), and digits without it are far more often a reference, a postcode
 * or a count: "941051234" would be a valid German number.
 */
const WRITTEN_WITHOUT_TRUNK_PREFIX: ReadonlySet<CountryCode> = new Set(['IN', 'CN']);

interface Plan {
  lengths: ReadonlySet<number>;
  trunk: string;
  trunkRequired: boolean;
}

const metadata = new Metadata();
const plans = new Map<CountryCode, Plan>();
function plan(region: CountryCode): Plan {
  let found = plans.get(region);
  if (!found) {
    metadata.selectNumberingPlan(region);
    // The plan has nationalPrefix() at run time; the package's types leave it out.
    const trunk = (metadata.numberingPlan as unknown as { nationalPrefix(): string | undefined }).nationalPrefix() ?? '';
    found = { lengths: new Set(metadata.numberingPlan!.possibleLengths()), trunk, trunkRequired: trunk === '0' && !WRITTEN_WITHOUT_TRUNK_PREFIX.has(region) };
    plans.set(region, found);
  }
  return found;
}

/** Whether `digits` written nationally could be a number of `region` at all, before parsing. */
function mayBeNational(digits: string, region: CountryCode): boolean {
  const { lengths, trunk, trunkRequired } = plan(region);
  if (trunk && digits.startsWith(trunk) && lengths.has(digits.length - trunk.length)) return true;
  return !trunkRequired && lengths.has(digits.length);
}

interface Group {
  start: number;
  end: number;
}

interface Window {
  start: number;
  end: number;
  number: PhoneNumber;
  valid: boolean;
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
      if (!mayHoldNumber(view, chain)) continue;
      for (const found of numbersIn(view, chain, regions)) {
        const cue = phoneCue(view, found.start);
        if (cue === 'against') continue;
        if (!found.valid && cue !== 'for') continue;
        const score = !found.valid ? POSSIBLE_SCORE : cue === 'for' ? CUED_SCORE : SCORE;
        out.push({ start: found.start, end: found.end, label: 'PHONE', score, detector: 'phone' });
      }
    }
    return out;
  },
};

/** Cheap checks on a whole chain: enough digits, not glued into a longer token, not an account number's tail. */
function mayHoldNumber(view: string, chain: readonly Group[]): boolean {
  let digits = 0;
  for (const g of chain) digits += g.end - g.start;
  if (digits < 5) return false;
  const first = chain[0]!.start;
  const lead = LEADING.exec(view.slice(Math.max(0, first - 3), first))?.[0].length ?? 0;
  const before = view.slice(Math.max(0, first - lead - 24), first - lead);
  const after = view.slice(chain[chain.length - 1]!.end, chain[chain.length - 1]!.end + 2);
  return !GLUED_BEFORE.test(before) && !GLUED_AFTER.test(after) && !IBAN_HEAD_BEFORE.test(before);
}

/** The numbers in one chain: from each group, the longest window of whole groups that is one. */
function numbersIn(view: string, chain: readonly Group[], regions: readonly CountryCode[]): Window[] {
  const out: Window[] = [];
  for (let i = 0; i < chain.length; ) {
    let found: Window | undefined;
    let j = Math.min(chain.length, i + MAX_GROUPS) - 1;
    for (; j >= i && !found; j--) found = windowAt(view, chain, i, j, regions);
    if (found) out.push(found);
    i = found ? j + 2 : i + 1;
  }
  return out;
}

/** The number written by groups i..j of a chain, or undefined. */
function windowAt(view: string, chain: readonly Group[], i: number, j: number, regions: readonly CountryCode[]): Window | undefined {
  const first = chain[i]!;
  const last = chain[j]!;
  let digits = '';
  for (let k = i; k <= j; k++) digits += view.slice(chain[k]!.start, chain[k]!.end);
  if (digits.length < 5 || digits.length > MAX_DIGITS) return undefined;
  const body = view.slice(first.start, last.end);
  const lineBreaks = countLineBreaks(body);
  if (lineBreaks > 1 || DATE_SHAPE.test(body) || IP_SHAPE.test(body) || VERSION_SHAPE.test(body)) return undefined;
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
  const grouped = (n: PhoneNumber) => groupedAsWritten(view, first.start, last.end, n);
  const number = parse(written, digits, international, regions, grouped);
  if (!number) return undefined;
  // A number carved out of a longer chain, or read across a line break, must be grouped the way
  // numbers of its country are: "409 430\n9 322" in a column of amounts is no number.
  const whole = i === 0 && j === chain.length - 1;
  if ((!whole || lineBreaks > 0) && !groupedAsWritten(view, first.start, last.end, number.number)) return undefined;
  if (lineBreaks > 0 && tableRow(view, first.start, last.end)) return undefined;
  return { start, end, number: number.number, valid: number.valid };
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
 * Past the first region, a number must also be grouped as that region writes it: "123-456-7890" is
 * written the American way, and is no Indian number although its digits would make one. A number
 * that is only possible (right length, unassigned range: "555-867-5309") is taken with a lower score.
 */
function parse(
  written: string,
  digits: string,
  international: boolean,
  regions: readonly CountryCode[],
  grouped: (number: PhoneNumber) => boolean,
): { number: PhoneNumber; valid: boolean } | undefined {
  if (international) {
    const e164 = written.trimStart().startsWith('+') ? written : `+${digits.replace(/^(?:00|011)/, '')}`;
    const read = parsed(e164);
    return read && (read.valid || read.possible) ? { number: read.number, valid: read.valid } : undefined;
  }
  let possible: PhoneNumber | undefined;
  for (const region of regions) {
    if (!mayBeNational(digits, region)) continue;
    const read = parsed(written, region);
    if (!read) continue;
    if (read.valid) {
      if (region === regions[0] || grouped(read.number)) return { number: read.number, valid: true };
    } else if (!possible && read.possible && grouped(read.number)) possible = read.number;
  }
  return possible ? { number: possible, valid: false } : undefined;
}

interface Parsed {
  number: PhoneNumber;
  valid: boolean;
  possible: boolean;
}

// libphonenumber's verdicts on strings already read. Text rarely repeats a number, but hostile or
// tabular text does ("1 1 1 1 …", a column of one code): there every window would be parsed anew.
const verdicts = new Map<string, Parsed | null>();
const MAX_VERDICTS = 4096;

function parsed(written: string, region?: CountryCode): Parsed | undefined {
  const key = `${region ?? '+'} ${written}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    const number = parsePhoneNumberFromString(written, region);
    verdict = number ? { number, valid: number.isValid(), possible: number.isPossible() } : null;
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(key, verdict);
  }
  return verdict ?? undefined;
}

/**
 * Whether every gap between the digits of [start, end) falls where two groups of the number's
 * international format meet ("+1 415 867 5309"), or before the national number (after "+1", "1",
 * "0044", a trunk "0").
 */
function groupedAsWritten(view: string, start: number, end: number, number: PhoneNumber): boolean {
  const national = number.nationalNumber.length;
  const meets = new Set<number>(); // national digits after each place where two groups meet
  let remaining = national;
  for (const group of number.formatInternational().split(/\D+/).filter(Boolean).slice(1)) {
    remaining -= group.length;
    if (remaining <= 0) break;
    meets.add(remaining);
  }
  // A number libphonenumber cannot format (only possible, in no known range) has no grouping to follow.
  if (meets.size === 0) return true;
  let after = 0; // national digits after position i (the range holds no extension)
  for (let i = start; i < end; i++) if (isDigit(view[i])) after++;
  for (let i = start; i < end; i++) {
    if (!isDigit(view[i])) continue;
    if (i > start && !isDigit(view[i - 1]) && after > 0 && after < national && !meets.has(after)) return false;
    after--;
  }
  return true;
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const ONLY_NUMBER = /^[+(]?[\d ().\-/]+$/;
const ENDS_WITH_NUMBER = /[\d)][-./]? *$/;
const STARTS_WITH_NUMBER = /^ *[\d(+]/;

/**
 * Whether a number read across a line break joins rows of a table of numbers: a line of nothing but
 * a number whose neighbour on the other side also ends or starts with one ("2024\n415 867\n5309\n7788").
 */
function tableRow(view: string, start: number, end: number): boolean {
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
