import { findNumbers, getCountries, getCountryCallingCode, Metadata, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { DASH_CHARS, separatorView } from './separators.ts';
import type { DetectedSpan, Detector } from './types.ts';

export const DEFAULT_PHONE_REGION: CountryCode = 'US';

// libphonenumber's matcher is thorough but slow on long prose (~3 MB/s), so it only sees the
// digit-dense regions where a number could be: at least 6 digits with the separators phone numbers
// use, on one line, plus an optional extension. The library still decides what is a number.
// Regions are found in, and the library reads, the text with every Unicode space and tab spelled
// " " (same length, so the same offsets; see separators.ts). Unicode dashes stay: the library
// knows them, and treats the wide ones specially when it splits two numbers.
const PHONE_CHAR = `[\\d ().\\-${DASH_CHARS}/]`;
const REGION = new RegExp(`[+(]?\\d${PHONE_CHAR}{4,}\\d(?: *(?:ext\\.?|extension|x|#) *\\d{1,7})?`, 'gi');
const CONTEXT = 2; // characters either side, so the matcher still sees e.g. a letter glued to the digits
const EXPLICIT_EXTENSION = /(?:ext|extension|x|#)/i;
const SCORE = 0.8;

// A number broken across one line break ("(415) 867-\n5309"). Reading line breaks as spaces
// everywhere would hide numbers from the library (it finds neither number in "212 555 0100 415 555
// 2671", one per line), so lines are read as before, and around each line break that a number may
// cross (joinableBreaks) the library also reads the end of the one line and the start of the next,
// at most JOIN_SIDE characters each, as one line. Not when the two sides have fewer digits than any
// valid number, nor next to a line of nothing but a number between two such line breaks (a row of
// a table of numbers): that keeps digit tables fast and their rows apart. Only a number that
// crosses the break and is grouped as the library writes it (groupedAsWritten) is taken from there,
// and only when it contains every number found on the lines that it overlaps. A blank line never
// joins; a number is read across one line break, not two.
const JOIN_SIDE = 24;
const IS_PHONE_CHAR = new RegExp(`^${PHONE_CHAR}$`);
const ONLY_PHONE_CHARS = new RegExp(`^[+]?${PHONE_CHAR}+$`);
const BREAK_BEFORE = new RegExp(`[\\d)][-${DASH_CHARS}./]?$`);
const EXTENSION_AFTER = / *(?:ext\.?|extension|x|#) *\d{1,7}/iy;

/**
 * The fewest digits a valid number can have in a window: with "+", the shortest country code plus
 * national number of any country; without, the region's shortest national number or its shortest
 * international call prefix before that. A joined window with fewer digits cannot hold a number and
 * is not handed to the library, which keeps tables of short numbers, one per line, fast.
 */
const fewestDigits = (() => {
  const metadata = new Metadata();
  let international = Infinity;
  for (const country of getCountries()) {
    metadata.selectNumberingPlan(country);
    international = Math.min(international, getCountryCallingCode(country).length + Math.min(...metadata.numberingPlan!.possibleLengths()));
  }
  const withoutPlus = new Map<CountryCode, number>();
  return (region: CountryCode, plus: boolean): number => {
    if (plus) return international;
    let fewest = withoutPlus.get(region);
    if (fewest === undefined) {
      metadata.selectNumberingPlan(region);
      const national = Math.min(...metadata.numberingPlan!.possibleLengths());
      fewest = Math.min(national, shortestMatch(metadata.numberingPlan!.IDDPrefix()) + international);
      withoutPlus.set(region, fewest);
    }
    return fewest;
  };
})();

/** The length of the shortest digit string `pattern` matches whole (5 when none has up to 4 digits). */
function shortestMatch(pattern: string): number {
  const whole = new RegExp(`^(?:${pattern})$`);
  for (let length = 1; length <= 4; length++) {
    for (let i = 0; i < 10 ** length; i++) if (whole.test(String(i).padStart(length, '0'))) return length;
  }
  return 5;
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

interface Range {
  start: number;
  end: number;
}

function regions(text: string): Range[] {
  const out: Range[] = [];
  for (const m of text.matchAll(REGION)) {
    const start = Math.max(0, m.index - CONTEXT);
    const end = Math.min(text.length, m.index + m[0].length + CONTEXT);
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

/**
 * libphonenumber reads ", 2024" after a number as an extension and reports the span up to there.
 * Unless the text names an extension (ext., x, #), the span ends where the number itself ends:
 * the shortest prefix that still parses to the same number.
 */
function numberLength(raw: string, found: PhoneNumber, region: CountryCode): number {
  if (found.ext === undefined || EXPLICIT_EXTENSION.test(raw)) return raw.length;
  for (let i = 0; i < raw.length; i++) {
    if (!/\d/.test(raw[i]!)) continue;
    const parsed = parsePhoneNumberFromString(raw.slice(0, i + 1), region);
    if (parsed && parsed.number === found.number && parsed.ext === undefined) return i + 1;
  }
  return raw.length;
}

interface Found extends Range {
  number: PhoneNumber;
}

/** Numbers in one region; after a number whose false "extension" was cut, the search resumes there. */
function numbersIn(slice: string, region: CountryCode): Found[] {
  const out: Found[] = [];
  let from = 0;
  search: for (;;) {
    for (const m of findNumbers(slice.slice(from), { defaultCountry: region, v2: true })) {
      const raw = slice.slice(from + m.startsAt, from + m.endsAt);
      const length = numberLength(raw, m.number, region);
      const start = from + m.startsAt;
      out.push({ start, end: start + length, number: m.number });
      if (length < raw.length) {
        from = start + length;
        continue search;
      }
    }
    return out;
  }
}

interface LineBreak {
  /** Which line break of the text this is (0 for the first), to tell whether two are on adjacent lines. */
  index: number;
  /** Where the "\n" is. */
  newline: number;
  /** The line break and the spaces either side of it. */
  start: number;
  end: number;
}

/**
 * The single line breaks a number may cross: a digit (or ")", maybe then "-", ".", "/") before, a
 * digit or "(" after, and no number found on the lines ending right before it (a line that ends
 * with a whole number does not end with half of one; in a list of numbers, one per line, that
 * saves reading every pair of lines again). A number may start right after it: "+1\n415 555 2671".
 */
function joinableBreaks(view: string, onLines: readonly Range[]): LineBreak[] {
  const out: LineBreak[] = [];
  const ends = new Set(onLines.map((n) => n.end));
  let index = 0;
  for (let newline = view.indexOf('\n'); newline >= 0; newline = view.indexOf('\n', newline + 1), index++) {
    let start = newline;
    while (start > 0 && view[start - 1] === ' ') start--;
    let end = newline + 1;
    while (end < view.length && view[end] === ' ') end++;
    if (view[end] !== '(' && !isDigit(view[end])) continue;
    if (!BREAK_BEFORE.test(view.slice(Math.max(0, start - 2), start))) continue;
    if (ends.has(start)) continue;
    out.push({ index, newline, start, end });
  }
  return out;
}

/** Numbers that cross a single line break, each found by reading the two lines around it as one. */
function crossingNumbers(view: string, region: CountryCode, onLines: readonly Range[]): Range[] {
  const out: Range[] = [];
  const breaks = joinableBreaks(view, onLines);
  // A line of nothing but a number, between two line breaks that join too, is a row of a table of
  // numbers: its ends are not halves of numbers on the lines around it.
  const tableRow = (above: LineBreak | undefined, below: LineBreak | undefined) =>
    above !== undefined && below !== undefined && below.index === above.index + 1 && ONLY_PHONE_CHARS.test(view.slice(above.newline + 1, below.newline));
  for (let b = 0; b < breaks.length; b++) {
    const { start: breakStart, end: breakEnd } = breaks[b]!;
    if (tableRow(breaks[b - 1], breaks[b]) || tableRow(breaks[b], breaks[b + 1])) continue;
    // The end of the one line and the start of the next, whole digit groups only.
    let start = breakStart;
    while (start > 0 && breakStart - start < JOIN_SIDE && IS_PHONE_CHAR.test(view[start - 1]!)) start--;
    if (view[start - 1] === '+') start--;
    else if (isDigit(view[start - 1])) while (start < breakStart && isDigit(view[start])) start++;
    let end = breakEnd;
    while (end < view.length && end - breakEnd < JOIN_SIDE && IS_PHONE_CHAR.test(view[end]!)) end++;
    if (isDigit(view[end])) while (end > breakEnd && isDigit(view[end - 1])) end--;
    else {
      EXTENSION_AFTER.lastIndex = end;
      if (EXTENSION_AFTER.test(view)) end = EXTENSION_AFTER.lastIndex;
    }
    let digits = 0;
    for (let i = start; i < end; i++) if (isDigit(view[i])) digits++;
    if (digits < fewestDigits(region, view[start] === '+')) continue;
    const from = Math.max(0, start - CONTEXT);
    const to = Math.min(view.length, end + CONTEXT);
    // The break becomes one space (the library allows at most 4 between groups); offsets after it
    // move back by what it was longer.
    const joined = view.slice(from, breakStart) + ' ' + view.slice(breakEnd, to);
    const inView = (offset: number) => (offset <= breakStart - from ? from + offset : from + offset + (breakEnd - breakStart - 1));
    for (const n of numbersIn(joined, region)) {
      const range = { start: inView(n.start), end: inView(n.end) };
      if (range.start < breakStart && range.end > breakEnd && groupedAsWritten(view, range, breakEnd, n.number)) out.push(range);
    }
  }
  return out;
}

/**
 * Whether a number read across a line break is grouped as libphonenumber writes it in international
 * format ("+1 415 867 5309"): every gap between its digits, the line break included, falls where
 * two of those groups meet, or before the national number (after "+1", "1", "011 44"), or at its
 * extension. A line break is weaker evidence than a space, so "409 430\n9 322" in a column of
 * amounts is no number even though 409 430 9322 is.
 */
function groupedAsWritten(view: string, range: Range, breakEnd: number, number: PhoneNumber): boolean {
  const national = number.nationalNumber.length;
  const meets = new Set<number>(); // national digits after each place where two groups meet
  let remaining = national;
  for (const group of number.formatInternational().split(/\D+/).filter(Boolean).slice(1)) {
    remaining -= group.length;
    if (remaining <= 0) break;
    meets.add(remaining);
  }
  let after = -(number.ext?.length ?? 0); // national digits after position i
  for (let i = range.start; i < range.end; i++) if (isDigit(view[i])) after++;
  let afterBreak = 0;
  for (let i = range.start; i < range.end; i++) {
    if (i === breakEnd) afterBreak = after;
    if (isDigit(view[i])) {
      if (i > range.start && !isDigit(view[i - 1]) && after > 0 && after < national && !meets.has(after)) return false;
      after--;
    }
  }
  return afterBreak > 0;
}

export const phone: Detector = {
  id: 'phone',
  name: 'Phone number (libphonenumber, valid for its region)',
  label: 'PHONE',
  detect(text, options) {
    const region = options.phoneRegions?.[0] ?? DEFAULT_PHONE_REGION;
    const view = separatorView(text, false);
    const onLines: Range[] = [];
    for (const r of regions(view)) {
      for (const n of numbersIn(view.slice(r.start, r.end), region)) onLines.push({ start: r.start + n.start, end: r.start + n.end });
    }
    // onLines is sorted by start and its numbers do not overlap, so by end too.
    const replaced = new Set<Range>();
    const joinedKept: Range[] = [];
    for (const joined of crossingNumbers(view, region, onLines)) {
      let lo = 0;
      let hi = onLines.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (onLines[mid]!.end <= joined.start) lo = mid + 1;
        else hi = mid;
      }
      const overlapped: Range[] = [];
      for (let i = lo; i < onLines.length && onLines[i]!.start < joined.end; i++) overlapped.push(onLines[i]!);
      if (overlapped.every((n) => n.start >= joined.start && n.end <= joined.end)) {
        for (const n of overlapped) replaced.add(n);
        joinedKept.push(joined);
      }
    }
    const found = [...onLines.filter((n) => !replaced.has(n)), ...joinedKept];
    return found.map((n) => ({ start: n.start, end: n.end, label: 'PHONE', score: SCORE, detector: 'phone' }) satisfies DetectedSpan);
  },
};
