import { findNumbers, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import type { DetectedSpan, Detector } from './types.ts';

export const DEFAULT_PHONE_REGION: CountryCode = 'US';

// libphonenumber's matcher is thorough but slow on long prose (~3 MB/s), so it only sees the
// digit-dense regions where a number could be: at least 6 digits with the separators phone numbers
// use, on one line, plus an optional extension. The library still decides what is a number.
const REGION = /[+(]?\d[\d \t\u00a0().\-/]{4,}\d(?:[ \t]*(?:ext\.?|extension|x|#)[ \t]*\d{1,7})?/gi;
const CONTEXT = 2; // characters either side, so the matcher still sees e.g. a letter glued to the digits
const EXPLICIT_EXTENSION = /(?:ext|extension|x|#)/i;
const SCORE = 0.8;

interface Region {
  start: number;
  end: number;
}

function regions(text: string): Region[] {
  const out: Region[] = [];
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

/** Numbers in one region; after a number whose false "extension" was cut, the search resumes there. */
function numbersIn(slice: string, region: CountryCode): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let from = 0;
  search: for (;;) {
    for (const m of findNumbers(slice.slice(from), { defaultCountry: region, v2: true })) {
      const raw = slice.slice(from + m.startsAt, from + m.endsAt);
      const length = numberLength(raw, m.number, region);
      const start = from + m.startsAt;
      out.push({ start, end: start + length });
      if (length < raw.length) {
        from = start + length;
        continue search;
      }
    }
    return out;
  }
}

export const phone: Detector = {
  id: 'phone',
  name: 'Phone number (libphonenumber, valid for its region)',
  label: 'PHONE',
  detect(text, options) {
    const region = options.phoneRegion ?? DEFAULT_PHONE_REGION;
    const out: DetectedSpan[] = [];
    for (const r of regions(text)) {
      for (const n of numbersIn(text.slice(r.start, r.end), region)) {
        out.push({ start: r.start + n.start, end: r.start + n.end, label: 'PHONE', score: SCORE, detector: 'phone' });
      }
    }
    return out;
  },
};
