import { Metadata, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

// What libphonenumber's metadata says of a digit string read as a phone number: a *reading*. A
// national reading is made from the region's plan directly (its national number pattern, lengths,
// trunk prefix, number types and formats) in a few microseconds; parsing the string costs ~40 µs, and
// a batch of forms holds thousands of numbers per megabyte. International readings, and national
// ones in the few regions whose prefixes need more than a trunk "0" stripped, are parsed.

export interface Reading {
  /** Matches the region's pattern of numbers in use. */
  valid: boolean;
  /** A length numbers of the region have. */
  possible: boolean;
  /** The national (significant) number's length. */
  nationalLength: number;
  /** Written with the region's trunk prefix ("030 …", "080 …"): evidence of the region. */
  trunkWritten: boolean;
  /** For each way the country groups a number of this shape, the national digits after each gap. */
  ways(): ReadonlyArray<ReadonlySet<number>>;
}

/**
 * Regions whose numbers are commonly written without the national trunk prefix "0" (Indian and
 * Chinese mobile numbers). Elsewhere a national number with a trunk prefix is written with it
 * ("030 …", "020 …", "01 …"), and digits without it are far more often a reference, a postcode
 * or a count: "941051234" would be a valid German number.
 */
const WRITTEN_WITHOUT_TRUNK_PREFIX: ReadonlyMap<CountryCode, RegExp> = new Map([
  ['IN', /^[6-9]\d{9}$/], // mobile numbers: ten digits, 6-9 first
  ['CN', /^1\d{10}$/], // mobile numbers: eleven digits, 1 first
]);

/** A format as a function: the gaps of a national number it fits (digits after each), else undefined. */
type Format = (national: string) => Set<number> | undefined;

interface Plan {
  lengths: ReadonlySet<number>;
  formats: readonly Format[];
  trunk: string;
  /** Every valid national number of the region matches it whole. */
  national: RegExp;
  /** The number types (fixed line, mobile, toll free…) in use: a valid number is of one of them. */
  types: ReadonlyArray<{ pattern: RegExp; lengths: ReadonlySet<number> | undefined }>;
  /** Without a trunk prefix, which national numbers are written so: all, those of this pattern, or none. */
  withoutTrunk: RegExp | 'all' | 'none';
  /** Only a trunk prefix to strip (no carrier codes, no rewriting): read from the plan, not parsed. */
  simple: boolean;
}

/** What the plan has at run time that the package's types leave out. */
interface PlanAtRunTime {
  nationalPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  nationalNumberPattern(): string;
  formats(): Array<{ pattern(): string; format(): string }>;
  possibleLengths(): number[];
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

/** The types libphonenumber's isValid() accepts a number as (getNumberType.js), fixed line first. */
const NUMBER_TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];

const metadata = new Metadata();
const plans = new Map<CountryCode, Plan>();

function plan(region: CountryCode): Plan {
  let found = plans.get(region);
  if (!found) {
    metadata.selectNumberingPlan(region);
    const raw = metadata.numberingPlan as unknown as PlanAtRunTime;
    const trunk = raw.nationalPrefix() ?? '';
    const forParsing = raw.nationalPrefixForParsing();
    found = {
      national: new RegExp(`^(?:${raw.nationalNumberPattern()})$`),
      types: NUMBER_TYPES.flatMap((name) => {
        const type = raw.type(name);
        const lengths = type?.possibleLengths();
        return type?.pattern() ? [{ pattern: new RegExp(`^(?:${type.pattern()})$`), lengths: lengths ? new Set(lengths) : undefined }] : [];
      }),
      lengths: new Set(raw.possibleLengths()),
      formats: raw.formats().map((f) => compileFormat(f.pattern(), f.format())),
      trunk,
      withoutTrunk: trunk !== '0' ? 'all' : (WRITTEN_WITHOUT_TRUNK_PREFIX.get(region) ?? 'none'),
      simple: !raw.nationalPrefixTransformRule() && (forParsing === undefined || forParsing === trunk || forParsing.startsWith(`${trunk}|`)),
    };
    plans.set(region, found);
  }
  return found;
}

/** As libphonenumber's isValid(): the region's pattern, and the pattern and a length of one of its types. */
function isValid(p: Plan, national: string): boolean {
  return p.national.test(national) && p.types.some((t) => (!t.lengths || t.lengths.has(national.length)) && t.pattern.test(national));
}

function compileFormat(pattern: string, format: string): Format {
  const whole = new RegExp(`^(?:${pattern})$`);
  // "$1 $2-$3": a gap after a group when anything stands between it and the next.
  const parts = format.split(/(\$\d)/).filter((p) => p !== '');
  const gapAfter: boolean[] = [];
  for (let k = 0; k < parts.length; k++) if (/^\$\d$/.test(parts[k]!)) gapAfter.push(k + 1 < parts.length && !/^\$\d$/.test(parts[k + 1]!));
  return (national) => {
    const m = whole.exec(national);
    if (!m) return undefined;
    const gaps = new Set<number>();
    let remaining = national.length;
    for (let g = 1; g < m.length; g++) {
      remaining -= m[g]?.length ?? 0;
      if (remaining > 0 && gapAfter[g - 1]) gaps.add(remaining);
    }
    return gaps.size > 0 ? gaps : undefined;
  };
}

function waysIn(region: CountryCode | undefined, national: string): Array<Set<number>> {
  const ways: Array<Set<number>> = [];
  if (region)
    for (const format of plan(region).formats) {
      const gaps = format(national);
      if (gaps) ways.push(gaps);
    }
  return ways;
}

/**
 * `digits` (all the digits as written) read as a national number of `region`, or undefined when
 * the region writes no number so (a length it lacks, no trunk prefix where one is written).
 */
export function readNational(digits: string, written: string, region: CountryCode): Reading | undefined {
  const p = plan(region);
  let national: string | undefined;
  if (p.trunk && digits.startsWith(p.trunk) && p.lengths.has(digits.length - p.trunk.length)) national = digits.slice(p.trunk.length);
  else if (p.withoutTrunk === 'all' ? p.lengths.has(digits.length) : p.withoutTrunk !== 'none' && p.withoutTrunk.test(digits)) national = digits;
  if (national === undefined) return undefined;
  if (!p.simple) return fromNumber(parsed(written, region), digits);
  return planReading(p, region, national, national.length < digits.length);
}

/**
 * An international number: `digits` are the country calling code and the national number ("44 20
 * 7946 0321" of "+44 20 …", or of "0044 …" with the dialling prefix taken off). Calling codes are
 * prefix-free, so the first of 1-3 digits that is one is the one; of the regions sharing it (+1:
 * the US, Canada, the Caribbean…), the first in which the number is valid. A trunk "0" written
 * after the code ("+44 (0)20 …") is dropped when the number only fits without it.
 */
export function readInternational(digits: string): Reading | undefined {
  for (let length = 1; length <= 3; length++) {
    const regions = (metadata as unknown as { getCountryCodesForCallingCode(code: string): CountryCode[] | undefined }).getCountryCodesForCallingCode(
      digits.slice(0, length),
    );
    if (!regions) continue;
    let possible: Reading | undefined;
    for (const region of regions) {
      const p = plan(region);
      if (!p.simple) return fromNumber(parsed(`+${digits}`), '');
      let national = digits.slice(length);
      if (p.trunk && national.startsWith(p.trunk) && !p.lengths.has(national.length) && p.lengths.has(national.length - p.trunk.length))
        national = national.slice(p.trunk.length);
      if (!p.lengths.has(national.length)) continue;
      const reading = planReading(p, region, national, false);
      if (reading.valid) return reading;
      possible ??= reading;
    }
    return possible;
  }
  // Non-geographic codes (+800, +882…) are few: libphonenumber reads them.
  return fromNumber(parsed(`+${digits}`), '');
}

function planReading(p: Plan, region: CountryCode, national: string, trunkWritten: boolean): Reading {
  let ways: Array<Set<number>> | undefined;
  return { valid: isValid(p, national), possible: true, nationalLength: national.length, trunkWritten, ways: () => (ways ??= waysIn(region, national)) };
}

function fromNumber(number: PhoneNumber | undefined, digits: string): Reading | undefined {
  if (!number) return undefined;
  const nationalNumber = number.nationalNumber;
  let ways: Array<Set<number>> | undefined;
  return {
    valid: number.isValid(),
    possible: number.isPossible(),
    nationalLength: nationalNumber.length,
    trunkWritten: digits.length > nationalNumber.length,
    ways: () => (ways ??= [internationalGaps(number), ...waysIn(number.country, nationalNumber)].filter((w) => w.size > 0)),
  };
}

/** The gaps of the number as libphonenumber writes it internationally ("+1 415 867 5309"). */
function internationalGaps(number: PhoneNumber): Set<number> {
  const gaps = new Set<number>();
  let remaining = number.nationalNumber.length;
  for (const group of number.formatInternational().split(/\D+/).filter(Boolean).slice(1)) {
    remaining -= group.length;
    if (remaining <= 0) break;
    gaps.add(remaining);
  }
  return gaps;
}

// libphonenumber's numbers for strings already parsed. Text rarely repeats a number, but hostile or
// tabular text does ("+1 1 1 1 …", a column of one code): there every window would be parsed anew.
const numbers = new Map<string, PhoneNumber | null>();
const MAX_NUMBERS = 4096;

function parsed(written: string, region?: CountryCode): PhoneNumber | undefined {
  const key = `${region ?? '+'} ${written}`;
  let number = numbers.get(key);
  if (number === undefined) {
    number = parsePhoneNumberFromString(written, region) ?? null;
    if (numbers.size >= MAX_NUMBERS) numbers.clear();
    numbers.set(key, number);
  }
  return number ?? undefined;
}
