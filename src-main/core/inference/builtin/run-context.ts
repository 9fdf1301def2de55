// The words around a candidate name, read as cues: a title before it, a verb of speech after it
// ("said"), a label ("Client:"), a kinship word ("his brother"), a preposition of place ("in"), a
// determiner ("the"), an age (", 42,"), a possessive, the start of a sentence, and the layout zone
// it stands in. Looks only at the few words next to the run, so each run costs constant time.
import { zoneStartingAt, type Role, type Zone } from './layout.ts';
import { lexiconTag } from './engine.ts';
import {
  DETERMINERS,
  ORG_SUFFIXES,
  PERSON_LABELS,
  PERSON_NOUNS_APPOSED,
  PERSON_PHRASES_BEFORE,
  PERSON_VERBS_AFTER,
  PERSON_WORDS_BEFORE,
  PLACE_WORDS_AFTER,
  PLACE_WORDS_BEFORE,
  PLACE_WORDS_WEAK,
  TITLES,
} from './name-cues.ts';
import type { Word } from './words.ts';

export interface RunContext {
  title: boolean;
  /** A cue that leaves little doubt a person follows or precedes. */
  personCue: boolean;
  /** A cue that fits people but also other things ("by", "with", "X (auditor)"). */
  weakPersonCue: boolean;
  determiner: boolean;
  /** "in", "near"…: a place cue. */
  placeCue: boolean;
  /** "from", "of", "to", "at": before places and people alike. */
  weakPlaceCue: boolean;
  /** The lower-case word just before the run (one space apart), if any. */
  wordBefore: string | undefined;
  /** A number or an acronym follows ("May 5", "Office 365", "Harmony CRM"): a date or product. */
  productLike: boolean;
  sentenceStart: boolean;
  zone: Role | undefined;
}

const WEAK_BEFORE = new Set([
  'by',
  'with',
  'and',
  'between',
  'or',
  'for',
  'named',
  'called',
  'including',
  'to',
  'from',
  'ask',
  'asked',
  'tell',
  'told',
  'cc',
  'appointed',
  'hired',
  'promoted',
  'elected',
  'nominated',
  'interviewed',
  'contacted',
  'visited',
]);
const SPACE = /^[ \u00a0]$/;
/** "Aadi, can you…": a name addressed at the start of a sentence. */
const VOCATIVE = /^,[ \t]*(?:can|could|would|will|please|do|did|are|have|thanks|thank|just|when|let)\b/i;
const VERB_TAG = /PastTense|PresentTense|Modal|Copula/;
const FROM_TO = /\bfrom[ \t]+\p{Lu}[\p{L}'’ -]{0,40}[ \t]+to[ \t]+$/u;
/** A lower-case word that reads as the verb of the name as subject ("Ana moved…", "Ana will…"). */
const verbLike = (key: string) => VERB_TAG.test(lexiconTag(key) ?? '') || /^[a-z]{3,}ed$/.test(key);

/** The role of the layout zone whose value starts at `start`, if the run ends inside it. */
export function zoneAt(zones: readonly Zone[], start: number, end: number): Role | undefined {
  const z = zoneStartingAt(zones, start);
  return z && end <= z.end ? z.role : undefined;
}

/** Context of the run of words[first..last] in `text` (slice-relative offsets). */
export function runContext(text: string, words: readonly Word[], first: number, last: number, zones: readonly Zone[]): RunContext {
  const w = words[first]!;
  const end = words[last]!;
  // Skip back over titles so "Seen by: Dr Ruiz" still sees its label and "Dear Ms Ruiz" its greeting.
  let b = first - 1;
  let title = false;
  while (b >= 0 && TITLES.has(words[b]!.key) && /^\.? ?$/.test(text.slice(words[b]!.end, words[b + 1]!.start))) {
    title = true;
    b--;
  }
  const outer = words[b + 1]!;
  const prev = b >= 0 ? words[b] : undefined;
  const gapBefore = prev ? text.slice(prev.end, outer.start) : text.slice(0, outer.start);
  const prevKey = prev && SPACE.test(gapBefore) ? prev.key : undefined;
  const prev2 = b >= 1 && prev && SPACE.test(text.slice(words[b - 1]!.end, prev.start)) ? `${words[b - 1]!.key} ${prev.key}` : undefined;
  const label = prev !== undefined && /^:[ \t]*$/.test(gapBefore) && PERSON_LABELS.has(prev.key);

  const next = words[last + 1];
  const gapAfter = next ? text.slice(end.end, next.start) : '';
  const after = text.slice(end.end, end.end + 64);
  const nextKey = next && /^,? $/.test(gapAfter) ? next.key : undefined;
  const sentenceStart = !prev || /[.!?:;\r\n"“(]\s*$/.test(gapBefore);
  // A role in brackets or an apposition follows: "Ana Ruiz (CFO)", "Ana Ruiz, a nurse".
  const roleAfter = /^[ \t]*\([^()\d\r\n]{2,60}[),]/.test(after) || /^,[ \t]+(?:a|an|the|our|their|his|her)[ \t]+[a-z]/.test(text.slice(end.end, end.end + 16));

  const personCue =
    label ||
    (prevKey !== undefined && PERSON_WORDS_BEFORE.has(prevKey)) ||
    (prev !== undefined && /^[ \t]*,?[ \t]*$/.test(gapBefore) && ['dear', 'hi', 'hello', 'hey', 'thanks'].includes(prev.key)) ||
    (prev2 !== undefined && SPACE.test(gapBefore) && PERSON_PHRASES_BEFORE.has(prev2)) ||
    (prev !== undefined && /^,[ \t]*$/.test(gapBefore) && PERSON_NOUNS_APPOSED.has(prev.key)) ||
    (sentenceStart && VOCATIVE.test(after)) ||
    // "From: Tea Maggi <tea.maggi@example.org>"
    /^[ \t]*<[^<>@\s]+@/.test(after) ||
    (nextKey !== undefined && PERSON_VERBS_AFTER.has(nextKey)) ||
    end.possessive ||
    /^,[ \t]*(?:aged[ \t]+)?\d{1,3}[ \t]*(?:,|\)|$)/.test(after);
  return {
    title,
    personCue,
    weakPersonCue:
      (prevKey !== undefined && (WEAK_BEFORE.has(prevKey) || verbLike(prevKey))) ||
      roleAfter ||
      (next !== undefined && SPACE.test(gapAfter) && !next.cap && verbLike(next.key)),
    determiner: prevKey !== undefined && DETERMINERS.has(prevKey),
    placeCue:
      (prevKey !== undefined && PLACE_WORDS_BEFORE.has(prevKey)) ||
      (nextKey !== undefined && PLACE_WORDS_AFTER.has(nextKey) && SPACE.test(gapAfter)) ||
      // "from Accra to Kumasi"
      (prevKey === 'to' && FROM_TO.test(text.slice(Math.max(0, outer.start - 60), outer.start))) ||
      // "Client: Ana Ruiz, 88, Accra": after a name and an age comes a place.
      (prev !== undefined && prev.digit && /^,[ \t]*$/.test(gapBefore) && b >= 1 && /,[ \t]*$/.test(text.slice(words[b - 1]!.end, prev.start))),
    weakPlaceCue: prevKey !== undefined && PLACE_WORDS_WEAK.has(prevKey),
    wordBefore: prevKey,
    productLike: next !== undefined && SPACE.test(gapAfter) && (next.digit || (next.acronym && !ORG_SUFFIXES.has(next.key))),
    sentenceStart,
    zone: zoneAt(zones, outer.start, end.end) ?? zoneAt(zones, w.start, end.end),
  };
}
