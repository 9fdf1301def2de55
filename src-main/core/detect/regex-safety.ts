// Static checks on an analyst's regex, before it ever runs: JavaScript regexes backtrack, and a
// quantified group that itself contains an unbounded quantifier, e.g. (a+)+ or (\w*\s?)*, can take
// exponential time on a line that almost matches. The runtime time limit (custom-regex.ts) catches
// whatever slips past this.

export const MAX_PATTERN_LENGTH = 1000;

interface Frame {
  start: number;
  unbounded: boolean;
}

/** The length of a quantifier starting at `i` ({n}, {n,}, {n,m}, *, +, ?), 0 if none; and whether it is unbounded. */
function quantifierAt(pattern: string, i: number): { length: number; unbounded: boolean } {
  const ch = pattern[i];
  if (ch === '*' || ch === '+') return { length: 1 + (pattern[i + 1] === '?' ? 1 : 0), unbounded: true };
  if (ch === '?') return { length: 1, unbounded: false };
  if (ch === '{') {
    const m = /^\{(\d+)(,(\d*))?\}\??/.exec(pattern.slice(i));
    if (m) {
      const unbounded = m[2] !== undefined && (m[3] === '' || Number(m[3]) > 100);
      return { length: m[0].length, unbounded };
    }
  }
  return { length: 0, unbounded: false };
}

/** Where an escape starting at `i` (the backslash) ends, inclusive: \p{L}, \u{1F600}, \k<name>, \d. */
function escapeEnd(pattern: string, i: number): number {
  const kind = pattern[i + 1];
  const open = pattern[i + 2];
  if ((kind === 'p' || kind === 'P' || kind === 'u') && open === '{') {
    const close = pattern.indexOf('}', i + 3);
    return close < 0 ? pattern.length - 1 : close;
  }
  if (kind === 'k' && open === '<') {
    const close = pattern.indexOf('>', i + 3);
    return close < 0 ? pattern.length - 1 : close;
  }
  return Math.min(i + 1, pattern.length - 1);
}

/** Where a character class starting at `i` ends (its "]"), inclusive. */
function classEnd(pattern: string, i: number): number {
  let j = i + 1;
  if (pattern[j] === '^') j++;
  if (pattern[j] === ']') j++; // "]" first in a class is a literal
  for (; j < pattern.length && pattern[j] !== ']'; j++) if (pattern[j] === '\\') j++;
  return Math.min(j, pattern.length - 1);
}

/** Describes the first nested unbounded quantifier, or null when there is none. */
export function nestedQuantifier(pattern: string): string | null {
  const stack: Frame[] = [{ start: 0, unbounded: false }];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '(') {
      stack.push({ start: i, unbounded: false });
      if (pattern[i + 1] === '?') i++; // (?: (?= (?<name> — not a quantifier
      continue;
    }
    let atomEnd = i;
    let group: Frame | null = null;
    if (ch === '\\') atomEnd = escapeEnd(pattern, i);
    else if (ch === '[') atomEnd = classEnd(pattern, i);
    else if (ch === ')' && stack.length > 1) group = stack.pop()!;
    const q = quantifierAt(pattern, atomEnd + 1);
    const frame = stack[stack.length - 1]!;
    if (group) {
      if (q.unbounded && group.unbounded) {
        return `the group ${pattern.slice(group.start, atomEnd + 1 + q.length)} repeats something that already repeats`;
      }
      frame.unbounded ||= group.unbounded || q.unbounded;
    } else if (q.unbounded) {
      frame.unbounded = true;
    }
    i = atomEnd + q.length;
  }
  return null;
}
