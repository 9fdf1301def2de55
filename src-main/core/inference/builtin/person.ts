// How sure we are that a run of capitalised words is a person's name, from the kinds of its words
// and the cues around it. The score is meant to order review ("least confident first"):
//   0.95  a title, or a strong cue, with name words ("Dr Ana Ruiz", "Regards, Ana Ruiz")
//   0.9   given name + surname both known, or one known and one name-shaped ("Ana Zarzycki")
//   0.8   one known name word among unknown capitalised words ("Oreofe Okafor")
//   0.7   a known given name alone; compromise's own judgement when we have nothing better
//   0.55–0.65  unknown capitalised words with only a cue ("Paimo said", "by Iranla Adu")
// A run holding a common word ("Grace Period Notice") or after a determiner ("the Lincoln
// Centre") is no person, whatever its words.
import type { RunContext } from './run-context.ts';
import type { WordKind } from './word-kind.ts';

/** "from Poza Rica", "of Long Xuyen": without a person cue, a place. */
const fromOrOf = (ctx: RunContext) => ctx.wordBefore === 'from' || ctx.wordBefore === 'of';

export function personScore(kinds: readonly WordKind[], ctx: RunContext): number {
  const n = kinds.length;
  if (n === 0 || kinds.some((k) => k.common) || ctx.zone === 'place' || ctx.zone === 'org') return 0;
  const names = kinds.filter((k) => k.given || k.surname).length;
  const shapes = kinds.filter((k) => !k.given && !k.surname && k.shape).length;
  const strong = ctx.personCue || ctx.zone === 'person';
  // A word only compromise calls common ("Lira", "Fan") is kept when the rest is clearly a name.
  const soft = kinds.filter((k) => k.softCommon).length;
  if (soft > 0 && !(ctx.title || names >= 2 || (strong && (names >= 1 || n === 1 || ctx.zone === 'person')))) return 0;
  if (ctx.title) return names + shapes > 0 ? 0.95 : 0.85;
  if (ctx.determiner || (ctx.productLike && !strong)) return 0;
  const weak = ctx.weakPersonCue;
  let score: number;
  if (n >= 2) {
    if (names >= 2 || (names === 1 && shapes >= 1)) score = 0.9;
    else if (names === 1) score = 0.8;
    else if (shapes >= 1) score = strong || weak ? 0.75 : 0.65;
    else score = strong ? 0.65 : weak ? 0.55 : 0;
    // "in Quang Ha", "of Long Xuyen", "from Poza Rica": after a place word only a cue makes a
    // person ("to" and "at" go with people as often, so they need a known place word too).
    if (!strong && (ctx.placeCue || fromOrOf(ctx) || (ctx.weakPlaceCue && kinds.some((k) => k.place)))) score = 0;
  } else {
    const k = kinds[0]!;
    if (k.functionWord) return 0;
    if (k.softCommon) return strong ? 0.6 : 0;
    // A known given name alone: a fair guess mid-sentence, a weaker one where every word is capitalised.
    if (k.given && !k.ambiguous) score = strong ? 0.85 : ctx.sentenceStart ? 0.6 : 0.7;
    else if (k.given || k.surname) score = strong ? 0.8 : weak && !k.ambiguous ? 0.6 : 0;
    else if (k.shape) score = strong ? 0.7 : weak ? 0.6 : 0;
    else score = strong ? 0.6 : 0;
    if (!strong && (ctx.placeCue || fromOrOf(ctx) || (ctx.weakPlaceCue && (k.place || k.ambiguous || !k.given)))) score = 0;
  }
  return score > 0 && strong ? Math.min(0.95, Math.round((score + 0.05) * 100) / 100) : score;
}
