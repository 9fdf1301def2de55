import type { DetectedSpan, Detector } from './types.ts';

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const GAP = '\\s{1,3}';
const ORDINAL = '(?:st|nd|rd|th)?';
/** A time of day after a numeric date: "T09:30:00Z", " 09:30", " 9:30:15.250+02:00" (not after a tab: the next cell). */
const TIME = '(?:(?:T| {1,2})\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,6})?)?(?:\\s?(?:Z|UTC|[+-]\\d{2}:?\\d{2}))?)?';

// One pass, the shapes dates are written in: 2024-02-10 (also / and .), 10/02/2024 or 02/10/2024
// (also - and .) and with two-digit years 7/8/23, each maybe followed by a time of day;
// "06-Aug-1975" / "6 Aug 75"; "10 February 2024" / "10th of Feb. 2024"; "February 10, 2024".
const DATE = new RegExp(
  '(?<![\\w/.-])(?:' +
    [
      `(?<iy>\\d{4})(?<is>[-/.])(?<im>\\d{1,2})\\k<is>(?<id>\\d{1,2})${TIME}`,
      `(?<na>\\d{1,2})(?<ns>[-/.])(?<nb>\\d{1,2})\\k<ns>(?<ny>\\d{4}|\\d{2})${TIME}`,
      `(?<ad>\\d{1,2})(?<as>[-/ ])(?<am>${MONTH})\\k<as>(?<ay>\\d{4}|\\d{2})`,
      `(?<dd>\\d{1,2})${ORDINAL}(?:${GAP}of)?${GAP}(?<dm>${MONTH})\\.?,?${GAP}(?<dy>\\d{4})`,
      `(?<mm>${MONTH})\\.?${GAP}(?<md>\\d{1,2})${ORDINAL},?${GAP}(?<my>\\d{4})`,
    ].join('|') +
    ')(?!\\w|[-/.:]\\d)',
  'gi',
);
const SCORE = 0.6;

/** A real calendar day (leap years included) in years 1000-2999. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A two-digit year as people mean it: the century that puts it at most 20 years ahead of now. */
function fullYear(year: string): number {
  if (year.length === 4) return +year;
  const now = new Date().getUTCFullYear();
  const candidate = Math.floor(now / 100) * 100 + +year;
  return candidate > now + 20 ? candidate - 100 : candidate;
}

function monthIndex(name: string): number {
  return MONTH_NAMES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function valid(g: Record<string, string | undefined>): boolean {
  if (g.iy) return isCalendarDate(+g.iy, +g.im!, +g.id!);
  if (g.ny) {
    const a = +g.na!;
    const b = +g.nb!;
    const year = fullYear(g.ny);
    // Dots mean day.month (European); slashes and dashes may be either order.
    if (g.ns === '.') return isCalendarDate(year, b, a);
    return isCalendarDate(year, a, b) || isCalendarDate(year, b, a);
  }
  if (g.ay) return isCalendarDate(fullYear(g.ay), monthIndex(g.am!), +g.ad!);
  if (g.dy) return isCalendarDate(+g.dy, monthIndex(g.dm!), +g.dd!);
  return isCalendarDate(+g.my!, monthIndex(g.mm!), +g.md!);
}

export const date: Detector = {
  id: 'date',
  name: 'Date (ISO with or without time, numeric, written month; real calendar days only)',
  label: 'DATE',
  detect(text) {
    const out: DetectedSpan[] = [];
    for (const m of text.matchAll(DATE)) {
      if (!valid(m.groups ?? {})) continue;
      out.push({ start: m.index, end: m.index + m[0].length, label: 'DATE', score: SCORE, detector: 'date' });
    }
    return out;
  },
};
