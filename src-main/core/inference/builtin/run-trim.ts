// Trimming the start of a run of capitalised words down to where a name could begin: titles
// ("Dr", "Judge"), greetings and cue words ("Dear", "Thanks", "Ask"), function words ("Both",
// "He", "However") and a common word capitalised only because a sentence starts with it. A common
// noun inside a sentence stays, so that "Project Jasper" remains a product and not the person Jasper.
import { lexiconKind, lexiconTag } from './engine.ts';
import { ORG_HEADS, ORG_SUFFIXES, PERSON_NOUNS_APPOSED, PERSON_WORDS_BEFORE } from './name-cues.ts';
import { wordKind } from './word-kind.ts';
import type { Word } from './words.ts';

/** compromise tags of words that never start a name ("Both", "Please", "However"). */
const FUNCTION_TAG = /Determiner|Conjunction|Preposition|Adverb|Pronoun|QuestionWord|Expression|Negative|Copula|Modal|Auxiliary/;
/** English adverbs by their ending ("Surprisingly", "Unfortunately"); given names ending -ly (Emily) are listed. */
const ADVERB = /^[a-z]{3,}(?:ally|ingly|edly|ously|ively|fully|lessly|ately|ently|antly|ably|ibly|arly)$/;
const VERB_TAG = /Verb|Infinitive|Imperative|PastTense|PresentTense|Gerund/;

/** Whether words[i], first of what is left of a run, is trimmed (`trimmed`: a word before it was). */
function leading(text: string, ws: readonly Word[], i: number, trimmed: boolean, forOrg: boolean): boolean {
  const w = ws[i]!;
  if (!w.cap) return false;
  const k = wordKind(w);
  if (k.title) return true;
  // "He said", "So Ana…", unless a Chinese or Korean given name follows ("He Boyang", "An Ji-ho").
  const next = ws[i + 1];
  if (k.functionWord && next?.cap && !['pinyin', 'korean'].includes(wordKind(next).shape ?? '')) return true;
  // Cue and role words ("Dear", "Thanks", "Caller", "Client") and adverbs ("Surprisingly").
  if (!k.given && !k.surname && (ADVERB.test(w.key) || PERSON_WORDS_BEFORE.has(w.key) || PERSON_NOUNS_APPOSED.has(w.key))) return true;
  if (!(k.common || k.softCommon) || k.given || k.surname) return false;
  if (forOrg && (ORG_SUFFIXES.has(w.key) || ORG_HEADS.has(w.key))) return false;
  const tag = lexiconTag(w.key) ?? '';
  if (k.calendar || FUNCTION_TAG.test(tag)) return true;
  // At a sentence start: a listed common word or a verb ("Spoke", "Forward"), but not a word
  // compromise only knows as a noun or adjective ("Dusty Spencer", "Ruby Ortiz").
  if (trimmed || (k.softCommon && !VERB_TAG.test(tag))) return false;
  const prev = ws[i - 1];
  return !prev || /[.!?;\r\n"“(]\s*$/.test(text.slice(prev.end, w.start));
}

/** The index of the first word of words[first..last] that is kept (never past `last`). */
export function trimRun(text: string, ws: readonly Word[], first: number, last: number, forOrg: boolean): number {
  // A place or body compromise knows by its full name keeps its first word ("El Salvador").
  const phrase =
    first < last
      ? lexiconKind(
          ws
            .slice(first, last + 1)
            .map((w) => w.key)
            .join(' '),
        )
      : undefined;
  if (phrase === 'place' || phrase === 'org') return first;
  let trimmed = false;
  while (first < last && leading(text, ws, first, trimmed, forOrg)) {
    first++;
    trimmed = true;
  }
  return first;
}
