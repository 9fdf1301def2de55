// Runs of capitalised words: the candidates for a name. Words join a run when only one space lies
// between them; a lower-case particle joins when a capitalised word follows ("Senna de Haan",
// "Mustafa bin Ahmed"); an initial or a title may be followed by a period ("J. Smith", "Dr. Ruiz").
// Organisation joiners ("&", "of" after "Bank"/"Ministry"…, a spaced dash) are kept on the run so
// organisation names stay whole; person analysis splits at them. Line ends, commas and other
// punctuation always end a run.
import { FIRM_JOINERS, LEADING_PARTICLES, LEGAL_FORMS, ORG_HEADS, ORG_SUFFIXES, PARTICLES, TITLES } from './name-cues.ts';
import type { Word } from './words.ts';

export type Joiner = 'space' | 'particle' | 'period' | 'amp' | 'of' | 'dash';

export interface Run {
  /** Indices of its first and last word in the slice's word list. */
  first: number;
  last: number;
  /** joiners[k] joins word first+k to the next word of the run (particles are words of the run). */
  joiners: Joiner[];
}

const SPACE = /^[ \u00a0]$/;
const MAX_PARTICLES = 3;
const FIRM_AND = new Set(['and', 'e', 'et', 'und', 'y', '&']);

/** Whether words[i..] is a sequence of particles (at most three) followed by a capitalised word. */
function particlesThenName(text: string, words: readonly Word[], i: number, set: ReadonlySet<string>): boolean {
  for (let k = i; k < Math.min(words.length - 1, i + MAX_PARTICLES); k++) {
    if (!set.has(words[k]!.text) || !SPACE.test(text.slice(words[k]!.end, words[k + 1]!.start))) return false;
    const next = words[k + 1]!;
    if (next.cap && !next.acronym && !next.digit) return true;
  }
  return false;
}

/** How words[i] joins words[i + 1] into one run, or undefined when the run ends at words[i]. */
function join(text: string, words: readonly Word[], i: number): Joiner | undefined {
  const a = words[i]!;
  const b = words[i + 1]!;
  if (a.possessive) return undefined;
  const gap = text.slice(a.end, b.start);
  // "Massawe LLC", "Robert EURL": an upper-case legal form ends an organisation's name.
  if (b.acronym && SPACE.test(gap) && ORG_SUFFIXES.has(b.key)) return 'space';
  if (b.cap && !b.acronym && !b.digit) {
    if (SPACE.test(gap)) return 'space';
    if (/^\. ?$/.test(gap) && (a.text.length === 1 || TITLES.has(a.key))) return 'period';
    if (/^ (?:&|\+) $/.test(gap)) return 'amp';
    if (/^ [-–] $/.test(gap)) return 'dash';
    return undefined;
  }
  if (/^ [-–] $/.test(gap) && particlesThenName(text, words, i + 1, LEADING_PARTICLES)) return 'dash';
  if (!SPACE.test(gap) || b.cap) return undefined;
  // "Ishikawa plc", "Femina e figli", "Okafor and Sons": a lower-case legal form, or "and"/"e"/"et"
  // before one, ends an organisation's name.
  if (LEGAL_FORMS.has(b.key) && a.cap) return 'space';
  const after = words[i + 2];
  if (after && FIRM_AND.has(b.key) && LEGAL_FORMS.has(after.key) && SPACE.test(text.slice(b.end, after.start))) return 'amp';
  // A lower-case particle joins when a capitalised word follows it ("van den Heuvel"); "of" only
  // after an organisation's head word ("Bank of Ghana"); "et" in firm names ("Lemaire et Richard").
  if (a.cap && particlesThenName(text, words, i + 1, PARTICLES)) return 'particle';
  if (!a.cap && PARTICLES.has(a.text) && particlesThenName(text, words, i + 1, PARTICLES)) return 'particle';
  const next = words[i + 2];
  const nameNext = next !== undefined && next.cap && !next.acronym && SPACE.test(text.slice(b.end, next.start));
  if (nameNext && b.text === 'of' && ORG_HEADS.has(a.key)) return 'of';
  if (nameNext && FIRM_JOINERS.has(b.text)) return 'amp';
  return undefined;
}

/** Whether words[i] starts a run: a capitalised word, or leading particles before one ("bint Mohammed"). */
function startsRun(text: string, words: readonly Word[], i: number): boolean {
  const w = words[i]!;
  if (w.cap) return !w.acronym && !w.digit;
  const prev = words[i - 1];
  // Not right after a capitalised word: then the particle belongs to that word's run already.
  const joined = prev !== undefined && prev.cap && SPACE.test(text.slice(prev.end, w.start));
  return !joined && LEADING_PARTICLES.has(w.text) && particlesThenName(text, words, i, PARTICLES);
}

export function runs(text: string, words: readonly Word[]): Run[] {
  const out: Run[] = [];
  let i = 0;
  while (i < words.length) {
    if (!startsRun(text, words, i)) {
      i++;
      continue;
    }
    const run: Run = { first: i, last: i, joiners: [] };
    while (run.last + 1 < words.length) {
      const j = join(text, words, run.last);
      if (!j) break;
      run.joiners.push(j);
      run.last++;
    }
    // A run never ends on a particle, "of" or "et" (it may on a legal form: "Ishikawa plc").
    while (run.last > run.first && !words[run.last]!.cap && !LEGAL_FORMS.has(words[run.last]!.key)) {
      run.last--;
      run.joiners.pop();
    }
    if (words[run.first]!.cap || words[run.last]!.cap) out.push(run);
    i = run.last + 1;
  }
  return out;
}
