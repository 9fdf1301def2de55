// What a document's layout says about the words at a position: the cell under a "Name" or "City"
// column of a CSV/TSV-like table, the line after "Regards,", an item of an "Attendees:" list, the
// place heading a letter ("Accra, 3 May 2024"). Each zone marks where a value starts; the run of
// capitalised words that starts there gets the zone's role as a cue. Linear in the slice.
import { SIGN_OFF } from './name-cues.ts';

export type Role = 'person' | 'place' | 'org';

export interface Zone {
  /** Where the value starts (after spaces and bullets) and where its cell or line ends. */
  start: number;
  end: number;
  role: Role;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

const COLUMN_ROLES: ReadonlyArray<readonly [RegExp, Role]> = [
  [
    /^(?:(?:full|first|last|given|family|contact|client|customer|employee|staff|patient|applicant|member|person|attendee|sender|recipient)\s*)?(?:name|names)$|^(?:client|patient|employee|contact|attendee|applicant|person|author|owner|manager)$/i,
    'person',
  ],
  [/^(?:city|town|country|office|location|place|region|site|municipality|county|state|province|destination|origin)$/i, 'place'],
  [/^(?:organi[sz]ation|company|employer|firm|org|agency|supplier|vendor|institution|business|bank|school|university)$/i, 'org'],
];
const PERSON_LIST =
  /^\s*(?:attendees|present|participants|invitees|distribution(?:\s+list)?|panel(?:\s+members)?|members|apologies|signatories|contacts|speakers|people|staff|team|cc|to)\s*:?\s*$/i;
const BULLET = /^[ \t]*(?:[-*•·–—]|\d{1,3}[.)])?[ \t]*/;
const LETTER_PLACE = /^[ \t]*([^\d,\t;:]{2,40}),[ \t]*(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+\p{L}+|\p{L}+[ \t]+\d{1,2}(?:st|nd|rd|th)?,?)[ \t]+\d{4}[ \t]*$/u;
const DELIMITERS = ['\t', ';', '|', ','] as const;

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const m of text.matchAll(/\r\n|\r|\n/g)) {
    out.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length, text: text.slice(start) });
  return out;
}

/** The columns of a header line with at least one role, or undefined. */
function header(line: Line, delimiter: string): Array<Role | undefined> | undefined {
  const cells = line.text.split(delimiter).map((c) => c.trim());
  if (cells.length < 2 || cells.some((c) => !/^\p{L}[\p{L} ]{0,24}$/u.test(c) || c.split(' ').length > 3)) return undefined;
  const roles = cells.map((c) => COLUMN_ROLES.find(([re]) => re.test(c))?.[1]);
  return roles.some(Boolean) ? roles : undefined;
}

/** A cell's zone: from its first non-space character to its end. */
function cell(line: Line, from: number, to: number, role: Role): Zone {
  const lead = /^[ \t]*/.exec(line.text.slice(from, to))![0].length;
  return { start: line.start + from + lead, end: line.start + to, role };
}

function tableZones(all: Line[], i: number, out: Zone[]): number {
  for (const d of DELIMITERS) {
    const roles = header(all[i]!, d);
    if (!roles || !all[i + 1]?.text.includes(d)) continue;
    let j = i + 1;
    for (; j < all.length && all[j]!.text.includes(d); j++) {
      const line = all[j]!;
      const bounds: number[] = [-1];
      for (let at = line.text.indexOf(d); at >= 0; at = line.text.indexOf(d, at + 1)) bounds.push(at);
      bounds.push(line.text.length);
      const count = bounds.length - 1;
      roles.forEach((role, c) => {
        if (!role) return;
        // A value holding the delimiter (a company "X, Y and Z") shifts the middle columns; the
        // first and last columns are still known.
        const index = c === 0 ? 0 : c === roles.length - 1 ? count - 1 : count === roles.length ? c : -1;
        if (index >= 0) out.push(cell(line, bounds[index]! + 1, bounds[index + 1]!, role));
      });
    }
    return j - 1;
  }
  return i;
}

/** The zone whose value starts at `start` (zones sorted by start), if any. */
export function zoneStartingAt(zones: readonly Zone[], start: number): Zone | undefined {
  let lo = 0;
  let hi = zones.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const z = zones[mid]!;
    if (z.start < start) lo = mid + 1;
    else if (z.start > start) hi = mid - 1;
    else return z;
  }
  return undefined;
}

export function layout(text: string): Zone[] {
  const all = lines(text);
  const out: Zone[] = [];
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    if (!line.text.trim()) continue;
    const place = LETTER_PLACE.exec(line.text);
    if (place) out.push(cell(line, 0, place[1]!.length + /^[ \t]*/.exec(line.text)![0].length, 'place'));
    if (SIGN_OFF.test(line.text)) {
      const at = all.findIndex((l, k) => k > i && k < i + 4 && l.text.trim());
      if (at < 0) continue;
      out.push(cell(all[at]!, 0, all[at]!.text.length, 'person'));
      // A signature's next line "Role, Organisation": the part after the last comma is the body.
      const role = all[at + 1];
      const comma = role ? role.text.lastIndexOf(', ') : -1;
      if (role && comma > 0 && comma < 60 && !role.text.slice(0, comma).includes(',')) out.push(cell(role, comma + 1, role.text.length, 'org'));
      i = at;
      continue;
    }
    if (PERSON_LIST.test(line.text)) {
      for (let j = i + 1; j < all.length && all[j]!.text.trim(); j++) {
        const item = all[j]!;
        // "Apologies: Ana Ruiz" under a list is a label line of its own, not an item.
        if (/^[ \t]*\p{L}[\p{L} ]{0,24}:/u.test(item.text)) continue;
        out.push({ start: item.start + BULLET.exec(item.text)![0].length, end: item.end, role: 'person' });
      }
      continue;
    }
    if (line.text.length < 200) i = tableZones(all, i, out);
  }
  return out.sort((a, b) => a.start - b.start);
}
