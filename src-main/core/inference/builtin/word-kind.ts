// What one capitalised word can be, from every source at once: the name lexicon (given name,
// surname), compromise's lexicon (its English-centric names, places, organisations and common
// words), the shape of the word, and the lists of titles, calendar and common words. Memoised per
// folded key, so each distinct word is classified once per process.
import { COMMON_ENDINGS, COMMON_WORDS, FUNCTION_WORDS } from './common-words.ts';
import { lexiconKind, type LexiconKind } from './engine.ts';
import { GIVEN, SURNAME, nameFlags } from './lexicon.ts';
import { CALENDAR, TITLES } from './name-cues.ts';
import { nameShape, type Shape } from './name-shape.ts';
import type { Word } from './words.ts';

export interface WordKind {
  given: boolean;
  surname: boolean;
  /** In our lists (not only compromise's): for the lexicon-overlap figure and scores. */
  listed: boolean;
  shape: Shape | undefined;
  /** compromise says place / organisation. */
  place: boolean;
  org: boolean;
  /** A calendar word, or a word of our common-word list that is not also a known name. */
  common: boolean;
  /** Only compromise's lexicon calls it a common word ("Lira", "Fan", "Hand"): it vetoes a run
   *  unless the run has other name evidence. */
  softCommon: boolean;
  /** A known name that is also a common word, place or organisation ("Rose", "Jordan"): alone, it needs a cue. */
  ambiguous: boolean;
  calendar: boolean;
  title: boolean;
  /** A pronoun or other function word ("He", "So"): alone it is never a name. */
  functionWord: boolean;
}

const cache = new Map<string, WordKind>();
const MAX_CACHE = 200_000;

function classify(word: Word): WordKind {
  const flags = nameFlags(word.key);
  // A word with letters beyond ASCII ("Tô", "Lê", "Hà") is not the English word it folds to.
  const english = !/\P{ASCII}/u.test(word.text);
  const tag: LexiconKind | undefined = english ? lexiconKind(word.key) : undefined;
  const given = (flags & GIVEN) !== 0 || tag === 'given' || tag === 'person';
  const surname = (flags & SURNAME) !== 0 || tag === 'surname' || tag === 'person';
  const calendar = CALENDAR.has(word.key) || tag === 'calendar';
  const listedCommon = english && COMMON_WORDS.has(word.key);
  // An English ending (-tion, -ance) is a strong hint, not proof ("Constance", "Venance").
  const endsCommon = english && COMMON_ENDINGS.test(word.key);
  const commonWord = listedCommon || endsCommon || tag === 'common';
  const name = given || surname;
  return {
    given,
    surname,
    listed: flags !== 0,
    // Computed for every word; scores count it only for words that are no known name.
    shape: listedCommon || calendar ? undefined : nameShape(word.text, word.key),
    place: tag === 'place',
    org: tag === 'org',
    // A listed name that is also a common word ("Rose", "Baker") stays a name; compromise's
    // lexicon only decides for words that are in no list.
    // "June Verhoeven", "August Lisiecki": a month that is also a given name is ambiguous.
    common: (calendar && !given) || (!name && listedCommon),
    softCommon: !name && !listedCommon && (tag === 'common' || endsCommon),
    ambiguous: name && (commonWord || calendar || tag === 'place' || tag === 'org'),
    calendar,
    title: TITLES.has(word.key),
    functionWord: english && FUNCTION_WORDS.has(word.key),
  };
}

export function wordKind(word: Word): WordKind {
  // The key alone does not decide: the shape looks at accents, so key + text for non-ASCII words.
  const id = word.key === word.text.toLowerCase() ? word.key : `${word.key}\u0000${word.text}`;
  let kind = cache.get(id);
  if (!kind) {
    if (cache.size > MAX_CACHE) cache.clear();
    kind = classify(word);
    cache.set(id, kind);
  }
  return kind;
}
