// How sure we are that a run of capitalised words is an organisation (ORG): a legal or
// institutional last word ("Acme Ltd", "Accra City Council", "Hilll Consulting"), a head word with
// "of" ("Bank of Ghana", "Ministry of Health"), an ampersand ("Okafor & Sons"), compromise's lexicon
// of companies and bodies, a table's Organisation column, or two single surnames joined by a dash
// ("Khanna - Acharya", the form of many law and accounting firms).
import { lexiconKind } from './engine.ts';
import { GEO_NOUNS, ORG_HEADS, ORG_SUFFIXES } from './name-cues.ts';
import type { RunContext } from './run-context.ts';
import type { Joiner } from './runs.ts';
import type { WordKind } from './word-kind.ts';
import type { Word } from './words.ts';

export function organisationScore(words: readonly Word[], kinds: readonly WordKind[], joiners: readonly Joiner[], ctx: RunContext): number {
  const n = words.length;
  if (n === 0 || ctx.zone === 'person' || ctx.zone === 'place' || ctx.title || GEO_NOUNS.has(words[n - 1]!.key)) return 0;
  const phrase = lexiconKind(words.map((w) => w.key).join(' '));
  if (ctx.zone === 'org') return phrase === 'org' ? 0.9 : 0.75;
  if (phrase === 'org' && !(n === 1 && (kinds[0]!.given || kinds[0]!.surname))) return 0.8;
  if (n >= 2 && ORG_SUFFIXES.has(words[n - 1]!.key)) return 0.85;
  if (joiners.includes('of') && ORG_HEADS.has(words[0]!.key)) return 0.85;
  if (joiners.includes('amp')) return 0.8;
  // "Khanna - Acharya", "Hazes - van der Horst": one name word either side of a spaced dash ("Ana
  // Ruiz - Finance" in a list has two on the left, or a common word on the right).
  const dash = joiners.indexOf('dash');
  if (dash >= 0 && joiners.filter((j) => j === 'space' || j === 'dash' || j === 'period').length === 1 && !kinds.some((k) => k.common || k.softCommon))
    return 0.6;
  return 0;
}

/**
 * "Willms, Jacobs and Spencer", "van den Pol, van den Heuvel and Kuiper": three single names in a
 * comma list ("A, B and C" or "A, B & C") are a firm's name, as law and accounting firms are
 * named. `kinds` are the name words of the three runs; "Ana, Ben and Carl" (given names) are people.
 */
export function firmListScore(kinds: ReadonlyArray<readonly WordKind[]>, gaps: readonly [string, string]): number {
  if (gaps[0] !== ', ' || !/^,? (?:and|&|und|et|e|y) $/.test(gaps[1])) return 0;
  if (!kinds.every((k) => k.length === 1 && !k[0]!.common && !k[0]!.place && !k[0]!.title)) return 0;
  const givenOnly = kinds.map((k) => k[0]!.given && !k[0]!.surname);
  return givenOnly[0] || givenOnly.filter(Boolean).length > 1 ? 0 : 0.6;
}
