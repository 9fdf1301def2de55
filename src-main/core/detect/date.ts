import type { DetectedSpan, Detector } from './types.ts';

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const GAP = '\\s{1,3}';
const ORDINAL = '(?:st|nd|rd|th)?';

// One pass, four shapes: 2024-02-10 (also / and .), 10/02/2024 or 02/10/2024 (also - and .),
// "10 February 2024" / "10th of Feb. 2024", "February 10, 2024".
const DATE = new RegExp(
  '(?<![\\w/.-])(?:' +
    [
      `(?<iy>\\d{4})(?<is>[-/.])(?<im>\\d{1,2})\\k<is>(?<id>\\d{1,2})`,
      `(?<na>\\d{1,2})(?<ns>[-/.])(?<nb>\\d{1,2})\\k<ns>(?<ny>\\d{4})`,
      `(?<dd>\\d{1,2})${ORDINAL}(?:${GAP}of)?${GAP}(?<dm>${MONTH})\\.?,?${GAP}(?<dy>\\d{4})`,
      `(?<mm>${MONTH})\\.?${GAP}(?<md>\\d{1,2})${ORDINAL},?${GAP}(?<my>\\d{4})`,
    ].join('|') +
    ')(?!\\w|[-/.]\\d)',
  'gi',
);
const SCORE = 0.6;

/** A real calendar day (leap years included) in years 1000-2999. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthIndex(name: string): number {
  return MONTH_NAMES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function valid(g: Record<string, string | undefined>): boolean {
  if (g.iy) return isCalendarDate(+g.iy, +g.im!, +g.id!);
  if (g.ny) {
    const a = +g.na!;
    const b = +g.nb!;
    const year = +g.ny;
    // Dots mean day.month (European); slashes and dashes may be either order.
    if (g.ns === '.') return isCalendarDate(year, b, a);
    return isCalendarDate(year, a, b) || isCalendarDate(year, b, a);
  }
  if (g.dy) return isCalendarDate(+g.dy, monthIndex(g.dm!), +g.dd!);
  return isCalendarDate(+g.my!, monthIndex(g.mm!), +g.md!);
}

export const date: Detector = {
  id: 'date',
  name: 'Date (ISO, numeric, written month; real calendar days only)',
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
