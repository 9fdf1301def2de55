// How sure we are that a run of capitalised words is a place (LOC): compromise's lexicon of
// countries, regions and cities (also multi-word ones, "Solomon Islands"), a geographic last word
// ("… Islands", "… Province"), a table's City/Country column or a letter's place line, or a
// preposition of place before a run that is no name and no common word ("moved to Iranla").
import { lexiconKind } from './engine.ts';
import { GEO_NOUNS } from './name-cues.ts';
import type { RunContext } from './run-context.ts';
import type { WordKind } from './word-kind.ts';
import type { Word } from './words.ts';

export function placeScore(words: readonly Word[], kinds: readonly WordKind[], ctx: RunContext): number {
  if (words.length === 0 || ctx.zone === 'person' || ctx.zone === 'org') return 0;
  const phrase = words.length > 1 ? lexiconKind(words.map((w) => w.key).join(' ')) : undefined;
  const known = phrase === 'place' || (words.length === 1 && kinds[0]!.place);
  if (ctx.zone === 'place') return known ? 0.9 : 0.75;
  if (phrase === 'place') return 0.85;
  if (ctx.personCue || ctx.title) return 0;
  if (words.length === 1 && kinds[0]!.place) return kinds[0]!.given || kinds[0]!.surname ? (ctx.placeCue ? 0.75 : 0) : 0.8;
  const tail = words.at(-1)!.key;
  if (words.length > 1 && GEO_NOUNS.has(tail)) return 0.8;
  if (kinds.some((k) => k.common || k.calendar) || ctx.determiner) return 0;
  if (ctx.placeCue && !kinds.some((k) => k.given)) return 0.6;
  if (ctx.weakPlaceCue && !kinds.some((k) => k.given || k.surname)) return 0.55;
  return 0;
}
