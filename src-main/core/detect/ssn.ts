import { GROUP_SEPARATOR, sameKind, separatorKind, separatorView } from './separators.ts';
import type { DetectedSpan, Detector } from './types.ts';

// Numbers the SSA never issued or that were published and voided (Woolworth's wallet card,
// the 1940s Social Security pamphlet, the ubiquitous sample number).
const KNOWN_INVALID = new Set(['078051120', '219099999', '123456789']);

/** US SSN validity: area not 000, 666 or 9xx; group not 00; serial not 0000; not a voided number. */
export function isValidSsn(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  if (a === 0 || a === 666 || a >= 900) return false;
  if (group === '00' || serial === '0000') return false;
  return !KNOWN_INVALID.has(area + group + serial);
}

// AAA-GG-SSSS (dashes, spaces or one line break between the groups, one kind; see separators.ts),
// not inside a longer run of digits; nine bare digits only right after an "SSN"/"social security"
// cue, since nine digits alone are far more often something else. SEPARATED runs over the separator
// view, whose offsets are the text's own. A digit right after it, after one space or dash, or after
// a dash and a line break, continues a longer number; a line break then digits is a new line.
const SEPARATED = new RegExp(`(?<![\\d-])(\\d{3})(${GROUP_SEPARATOR})(\\d{2})(${GROUP_SEPARATOR})(\\d{4})(?![ -]?\\d|- {0,4}\\n {0,4}\\d)`, 'g');
/**
 * "SSN: 088036604", "social security number is 088036604", "the SSN given was\n088-03-6604": a
 * cue, up to four short words or marks, then the number (bare or grouped), maybe after a form's
 * aligning spaces; read in the separator view, and not followed by more digits, like SEPARATED. Bounded repeats and
 * runs of white space keep it linear.
 */
const CUED =
  /\b(?:SSN|SS#|social\s{1,3}security(?:\s{1,3}(?:number|no\.?|#))?)(?:\s{0,3}[:#,)]|\s{1,3}(?:is|was|as|given|on|file|reads|of|the|number|no\.?)){0,4}\s{0,40}(\d{3}([- ]?)\d{2}\2\d{4})(?![ -]?\d|- {0,4}\n {0,4}\d)/gi;

export const ssn: Detector = {
  id: 'ssn',
  name: 'US Social Security number (issued ranges only)',
  label: 'SSN',
  detect(text) {
    const out: DetectedSpan[] = [];
    const view = separatorView(text);
    SEPARATED.lastIndex = 0;
    for (let m = SEPARATED.exec(view); m; m = SEPARATED.exec(view)) {
      const first = separatorKind(m[2]!);
      const second = separatorKind(m[4]!);
      const oneLine = !(m[2]!.includes('\n') && m[4]!.includes('\n'));
      if (!sameKind(first, second) || !oneLine || !isValidSsn(m[1]!, m[3]!, m[5]!)) {
        SEPARATED.lastIndex = m.index + 1; // a valid number may start inside this one
        continue;
      }
      const score = first === 'dash' || second === 'dash' ? 0.85 : 0.7;
      out.push({ start: m.index, end: m.index + m[0].length, label: 'SSN', score, detector: 'ssn' });
    }
    for (const m of view.matchAll(CUED)) {
      const value = m[1]!;
      const digits = value.replace(/\D/g, '');
      if (!isValidSsn(digits.slice(0, 3), digits.slice(3, 5), digits.slice(5))) continue;
      const start = m.index + m[0].length - value.length;
      // Above any phone number's score (0.95 with a phone word on the line): nine digits said to
      // be an SSN are one, whatever else they could be.
      out.push({ start, end: start + value.length, label: 'SSN', score: 0.97, detector: 'ssn' });
    }
    return out;
  },
};
