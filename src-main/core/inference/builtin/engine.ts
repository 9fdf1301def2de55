// compromise, loaded on first use. Loading it costs about 440 ms and 50 MB, and the model registry
// (which lists the built-in detectors) runs in the process that serves the UI, so nothing may load
// it at import time: createRequire keeps it out of the static import graph (and out of esbuild's
// bundle; it is a dependency, so it ships in node_modules) and its CommonJS build loads
// synchronously, which the synchronous detect() needs.
import { createRequire } from 'node:module';
import type nlpType from 'compromise';

export type Nlp = typeof nlpType;

let nlp: Nlp | undefined;
let lexicon: Readonly<Record<string, string>> | undefined;

export function engine(): Nlp {
  if (!nlp) {
    const loaded = createRequire(import.meta.url)('compromise') as Nlp | { default: Nlp };
    nlp = typeof loaded === 'function' ? loaded : loaded.default;
  }
  return nlp;
}

/** What compromise's own lexicon says about a lower-case word or phrase ("london" → "City"), if anything. */
export function lexiconTag(key: string): string | undefined {
  if (!lexicon) lexicon = (engine().model() as { one: { lexicon: Record<string, string> } }).one.lexicon;
  return Object.hasOwn(lexicon, key) ? lexicon[key] : undefined;
}

/** compromise lexicon tags, grouped by what they say about a capitalised word. */
export type LexiconKind = 'given' | 'surname' | 'person' | 'place' | 'org' | 'calendar' | 'common';

export function lexiconKind(key: string): LexiconKind | undefined {
  const tag = lexiconTag(key);
  if (tag === undefined) return undefined;
  if (/FemaleName|MaleName|FirstName/.test(tag)) return 'given';
  if (tag.includes('LastName')) return 'surname';
  if (tag === 'Person') return 'person';
  if (/City|Country|Region|Place/.test(tag)) return 'place';
  if (/Organization|SportsTeam/.test(tag)) return 'org';
  // "Jan" is a month's abbreviation and a common given name: not calendar.
  if (/Month|WeekDay|Date|Duration|Holiday/.test(tag)) return tag.includes('Abbreviation') ? undefined : 'calendar';
  // "ProperNoun" alone (florence) says nothing either way.
  if (tag === 'ProperNoun') return undefined;
  return 'common';
}
