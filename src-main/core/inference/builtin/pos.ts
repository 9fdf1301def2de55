// builtin/pos: universal part-of-speech tags (https://universaldependencies.org/u/pos/) from
// compromise's tagger, one span per word. compromise's tags are richer and English-specific, so
// each term's tag set is mapped in priority order (a pronoun is also tagged Noun, a modal also
// Verb), and closed-class words whose universal tag depends on use ("to", "that", "as") are
// settled by the word itself and its neighbour. Contractions and possessives are split the
// universal way: "don't" → do/AUX + n't/PART, "Ana's" → Ana/PROPN + 's/PART; currency and percent
// signs become their own SYM spans. Punctuation is not tagged.
import { engine } from './engine.ts';
import { slices } from './slices.ts';
import type { BuiltinChunk, BuiltinSpan } from './index.ts';

export const POS_LABELS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'SCONJ', 'SYM', 'VERB', 'X'] as const;

interface Term {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
  implicit?: string | null;
}

const CCONJ = new Set(['and', 'or', 'but', 'nor', '&', 'plus', 'yet']);
const SCONJ = new Set(['because', 'although', 'though', 'whether', 'if', 'unless', 'whereas', 'while', 'once', 'so that']);
const ADP = new Set([
  'of',
  'in',
  'on',
  'at',
  'by',
  'for',
  'with',
  'from',
  'about',
  'into',
  'over',
  'under',
  'between',
  'through',
  'during',
  'without',
  'within',
  'against',
  'among',
  'across',
  'behind',
  'beyond',
  'near',
  'upon',
  'via',
  'per',
  'onto',
  'toward',
  'towards',
  'despite',
  'throughout',
  'like',
  'than',
]);
const DET = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'every', 'each', 'some', 'any', 'no', 'all', 'both', 'either', 'neither', 'another', 'such']);
const AUX = new Set([
  'be',
  'am',
  'is',
  'are',
  'was',
  'were',
  'been',
  'being',
  'can',
  'could',
  'will',
  'would',
  'shall',
  'should',
  'may',
  'might',
  'must',
  'ca',
  'wo',
  "'ll",
  "'d",
  "'re",
  "'m",
  "'ve",
]);
const QUESTION_PRON = new Set(['who', 'whom', 'whose', 'what', 'which']);
/** Possessive determiners and indefinite pronouns: PRON in UD English, whatever compromise says. */
const PRON = new Set([
  'my',
  'your',
  'his',
  'her',
  'its',
  'our',
  'their',
  'nobody',
  'somebody',
  'anybody',
  'everybody',
  'someone',
  'anyone',
  'everyone',
  'nothing',
  'something',
  'anything',
  'everything',
  'none',
  'mine',
  'yours',
  'ours',
  'theirs',
]);
/** Words that are prepositions before a noun phrase and subordinators before a clause. */
const ADP_OR_SCONJ = new Set(['before', 'after', 'since', 'until', 'till']);
const DO = new Set(['do', 'does', 'did']);
const SYMBOL = /^[$€£¥₹%°#§©®™+=<>~^|\\/*@&]+$/u;

/** The universal tag of one term, from its tags and (for a few words) its text and next term. */
export function universalTag(term: Term, next: Term | undefined): string {
  const t = new Set(term.tags);
  const w = (term.implicit ?? term.text).toLowerCase().replace(/’/g, "'");
  if (SYMBOL.test(term.text)) return CCONJ.has(w) ? 'CCONJ' : 'SYM';
  if (t.has('Emoji') || t.has('Emoticon')) return 'SYM';
  if (t.has('Url') || t.has('Email') || t.has('HashTag') || t.has('AtMention')) return 'X';
  if (t.has('Negative') || w === "n't" || w === 'not') return 'PART';
  if (w === 'to') return next && next.tags.includes('Verb') && !next.tags.includes('Gerund') && !next.tags.includes('Noun') ? 'PART' : 'ADP';
  if (t.has('Expression')) return 'INTJ';
  if (PRON.has(w) || t.has('Pronoun') || (t.has('Possessive') && !t.has('Noun'))) return 'PRON';
  if (QUESTION_PRON.has(w)) return 'PRON';
  if (w === 'that') return next && ((next.tags.includes('Noun') && !next.tags.includes('Pronoun')) || next.tags.includes('Adjective')) ? 'DET' : 'SCONJ';
  if (DET.has(w) || t.has('Determiner')) return 'DET';
  if (CCONJ.has(w)) return 'CCONJ';
  if (SCONJ.has(w)) return 'SCONJ';
  if (t.has('Copula') || t.has('Modal') || AUX.has(w)) return 'AUX';
  if (t.has('Auxiliary') && next?.tags.includes('Verb')) return 'AUX';
  if (DO.has(w) && next && (next.tags.includes('Negative') || /^(?:not|n't)$/i.test(next.implicit ?? next.text))) return 'AUX';
  if (ADP_OR_SCONJ.has(w))
    return next && /Noun|Value|Date|Determiner|ProperNoun|Pronoun/.test(next.tags.join()) && !next.tags.includes('Verb') ? 'ADP' : 'SCONJ';
  if (t.has('Verb')) return 'VERB';
  if (ADP.has(w) || t.has('Preposition')) return 'ADP';
  if (t.has('Conjunction')) return w === 'as' || w === 'when' || w === 'since' || w === 'until' || w === 'after' || w === 'before' ? 'SCONJ' : 'CCONJ';
  if (t.has('QuestionWord') || t.has('Adverb')) return 'ADV';
  if (t.has('Ordinal') || t.has('Adjective') || t.has('Comparative') || t.has('Superlative')) return 'ADJ';
  if (t.has('Value') || t.has('Cardinal') || t.has('NumericValue') || t.has('Time')) return 'NUM';
  if (t.has('Month') || t.has('WeekDay') || t.has('ProperNoun') || t.has('Person') || t.has('Place') || t.has('Organization')) return 'PROPN';
  if (t.has('Noun') || t.has('Date') || t.has('Unit')) return 'NOUN';
  return 'X';
}

/**
 * How sure the tag is: a closed-class word settled by our own lists 0.95, a sign 0.9, compromise's
 * tagger 0.8 (its accuracy on plain English), a word it could not place (X) 0.5.
 */
function confidence(word: string, label: string): number {
  if (label === 'X') return 0.5;
  if (label === 'SYM') return 0.9;
  const w = word.toLowerCase().replace(/’/g, "'");
  return CCONJ.has(w) || SCONJ.has(w) || ADP.has(w) || DET.has(w) || AUX.has(w) || PRON.has(w) || w === "n't" || w === 'not' ? 0.95 : 0.8;
}

/** Spans for one term at `start` (slice offsets): split off contractions, possessives and signs. */
function termSpans(term: Term, tag: string, implicitNext: Term | undefined, nextTag: string | undefined, start: number, out: BuiltinSpan[]): void {
  let word = term.text;
  const at = start;
  const push = (s: number, e: number, label: string) =>
    e > s && out.push({ start: s, end: e, label, score: confidence(term.text.slice(s - at, e - at), label) });
  // "don't" / "she'll" / "Ana's": the clitic is a word of its own.
  const clitic = /(n['’]t|['’](?:s|ll|d|re|m|ve))$/i.exec(word);
  if (clitic && word.length > clitic[0].length) {
    const cut = at + word.length - clitic[0].length;
    const cliticTag =
      implicitNext && nextTag
        ? nextTag
        : /^['’]s$/i.test(clitic[0]) && term.tags.includes('Possessive')
          ? 'PART'
          : clitic[0].toLowerCase().startsWith('n')
            ? 'PART'
            : 'AUX';
    push(cut, at + word.length, cliticTag);
    word = word.slice(0, -clitic[0].length);
  }
  const lead = /^[$€£¥₹#]+/u.exec(word)?.[0].length ?? 0;
  const trail = /[%°]+$/u.exec(word)?.[0].length ?? 0;
  if (lead && lead < word.length) push(at, at + lead, 'SYM');
  if (trail && trail < word.length) push(at + word.length - trail, at + word.length, 'SYM');
  if (lead + trail < word.length) push(at + lead, at + word.length - trail, tag);
  else push(at, at + word.length, tag);
}

export function posSpans(text: string): BuiltinSpan[] {
  const nlp = engine();
  const out: BuiltinSpan[] = [];
  for (const sentence of nlp(text).json({ offset: true }) as Array<{ terms: Term[] }>) {
    const terms = sentence.terms;
    terms.forEach((term, i) => {
      if (term.offset.length === 0 || !term.text) return;
      const next = terms[i + 1];
      const implicitNext = next && next.offset.length === 0 && next.implicit ? next : undefined;
      const tag = universalTag(term, implicitNext ? terms[i + 2] : next);
      const nextTag = implicitNext ? universalTag(implicitNext, terms[i + 2]) : undefined;
      // compromise's offsets are UTF-16 offsets into the text it was given; check, never trust.
      if (text.slice(term.offset.start, term.offset.start + term.text.length) !== term.text) return;
      termSpans(term, tag, implicitNext, nextTag, term.offset.start, out);
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Universal PoS tags for `text`, slice by slice. */
export function* detectPos(text: string): Generator<BuiltinChunk> {
  for (const slice of slices(text)) {
    const part = text.slice(slice.start, slice.end);
    const spans = /[\p{L}\p{N}]/u.test(part) ? posSpans(part) : [];
    yield { spans: spans.map((s) => ({ ...s, start: s.start + slice.start, end: s.end + slice.start })), end: slice.end };
  }
}
