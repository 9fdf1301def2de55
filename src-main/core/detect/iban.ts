import { separatorView } from './separators.ts';
import type { DetectedSpan, Detector } from './types.ts';

// IBAN length per country, from the SWIFT IBAN registry.
const LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HN: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

export function ibanLength(country: string): number | undefined {
  return LENGTHS[country];
}

/** ISO 13616 check: rotate the first four characters to the end, letters as 10..35, mod 97 = 1. */
export function ibanChecksumValid(iban: string): boolean {
  const rotated = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rotated) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 && code <= 90 ? code - 55 : code >= 48 && code <= 57 ? code - 48 : -1;
    if (value < 0) return false;
    remainder = (value >= 10 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

export function isIban(compact: string): boolean {
  return ibanLength(compact.slice(0, 2)) === compact.length && /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact) && ibanChecksumValid(compact);
}

// Electronic (no spaces) or print format (groups of four), the groups split by up to 4 spaces of
// any kind and at most once by a line break (see separators.ts), never by a blank line. The
// candidate may run on into the next word, so exactly the country's length of characters is taken
// from its start; the search resumes after the IBAN, or just after the start of a candidate that
// is none, so a token before an IBAN ("ref AB12 DE89 …") or an IBAN before another never hides it.
const CANDIDATE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:(?: {1,4}| {0,4}\n {0,4})?[A-Z0-9]){11,30}/g;
const SCORE = 0.99;

/**
 * The start of an IBAN in print format right before a digit group ("GB82 WEST ", "DE12 3000 "): the
 * digits after it are the rest of an account number, valid or not, never a card or a phone number
 * of their own ("DE12 3000 2722 9465 1962 00" holds a Luhn-valid 16 digits). It may end inside a
 * group: "IT06 N948 …".
 */
export const IBAN_HEAD_BEFORE = /[A-Z]{2}\d{2}(?: {1,4}[A-Z0-9]{4})*(?: {1,4}[A-Z0-9]{0,3})$/;

export const iban: Detector = {
  id: 'iban',
  name: 'IBAN (country length, mod-97 checksum)',
  label: 'IBAN',
  detect(text) {
    const out: DetectedSpan[] = [];
    const view = separatorView(text);
    CANDIDATE.lastIndex = 0;
    for (let m = CANDIDATE.exec(view); m; m = CANDIDATE.exec(view)) {
      const found = ibanAt(view, m.index, m[0]);
      if (found === null) {
        CANDIDATE.lastIndex = m.index + 1;
        continue;
      }
      out.push({ start: m.index, end: m.index + found, label: 'IBAN', score: SCORE, detector: 'iban' });
      CANDIDATE.lastIndex = m.index + found;
    }
    return out;
  },
};

/** The length of the IBAN that starts the candidate `raw` at `index` of `view`, or null. */
function ibanAt(view: string, index: number, raw: string): number | null {
  const length = ibanLength(raw.slice(0, 2));
  if (length === undefined) return null;
  let compact = '';
  let end = 0;
  let lineBreaks = 0;
  for (; end < raw.length && compact.length < length; end++) {
    if (raw[end] === '\n') lineBreaks++;
    else if (raw[end] !== ' ') compact += raw[end];
  }
  if (compact.length !== length || lineBreaks > 1) return null;
  const after = view[index + end];
  if (after !== undefined && /[A-Za-z0-9]/.test(after)) return null;
  return isIban(compact) ? end : null;
}
