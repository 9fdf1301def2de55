// Separators between the digit groups of a number as documents and PDF text extraction write them:
// any Unicode space (no-break, figure, thin, narrow no-break…) or a tab, any Unicode hyphen or dash,
// runs of a few of them, and a single line break inside the number. The detectors run their
// patterns over a *view* of the text in which each of these characters is replaced by one ASCII
// character: every replacement is one UTF-16 unit for one, so a match at [start, end) in the view
// is exactly [start, end) in the original text, with no offset mapping at all.

/** Horizontal spaces other than U+0020: tab, no-break, Ogham, U+2000-U+200A, narrow no-break, math, ideographic. */
export const SPACE_CHARS = '\\t\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000';
/** Hyphens and dashes other than U+002D: hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar, minus. */
export const DASH_CHARS = '\\u2010-\\u2015\\u2212';

/**
 * A separator between two digit groups in a view: up to 4 spaces; a dash; or a single line
 * break, with up to 4 spaces either side and a dash just before it ("555-867-\n5309"). Two line
 * breaks (a blank line, a new paragraph) never separate groups of one number. Every branch is
 * bounded and the groups around it are digits, which no branch contains: linear to match.
 */
export const GROUP_SEPARATOR = '(?:-? {0,4}\\n {0,4}|-| {1,4})';

export type SeparatorKind = 'space' | 'dash' | 'break';

/** What separates two groups: a dash (also "-\n"), spaces, or only a line break (which goes with either). */
export function separatorKind(separator: string): SeparatorKind {
  if (separator.includes('-')) return 'dash';
  return separator.includes('\n') ? 'break' : 'space';
}

/** Whether the separators of one number agree: one kind, a bare line break going with either. */
export function sameKind(a: SeparatorKind, b: SeparatorKind): boolean {
  return a === b || a === 'break' || b === 'break';
}

const SPACES = new RegExp(`[${SPACE_CHARS}]`, 'g');
const DASHES = new RegExp(`[${DASH_CHARS}]`, 'g');
const CRLF = /\r\n/g;
const OTHER_LINE_BREAKS = /[\r\u0085\u2028]/g;

/**
 * The text with every separator character spelled in ASCII, same length: Unicode spaces and tabs
 * become " ", Unicode dashes "-" (unless `dashes` is false), CRLF " \n", a lone CR, NEL or U+2028
 * "\n". A paragraph separator (U+2029), form feed and vertical tab stay as they are: they end a number.
 */
export function separatorView(text: string, dashes = true): string {
  // Several detectors read the view of one text in turn: it is made once.
  if (last && last.text === text && last.dashes === dashes) return last.view;
  // Plain string replacements, one per kind: much faster than one pattern with a callback.
  let view = text.replace(SPACES, ' ').replace(CRLF, ' \n').replace(OTHER_LINE_BREAKS, '\n');
  if (dashes) view = view.replace(DASHES, '-');
  last = { text, dashes, view };
  return view;
}

let last: { text: string; dashes: boolean; view: string } | undefined;

/** Lets go of the last view (and its text) once every detector has read it. */
export function forgetSeparatorView(): void {
  last = undefined;
}
