// The name lexicon: the given names and surnames of many cultures written in the data files, folded
// (lexicon keys are words.ts fold() keys). Built once, on first use. A hyphenated entry is also
// known without its hyphen ("min-jun" and "minjun"), and a word not listed is looked up by its
// parts: a double-barrelled surname ("Kakkar-Guha"), a hyphenated given name ("Jean-Pierre"), an
// Arabic article ("Al-Rashid", "El-Sayed").
import { fold } from './words.ts';
import { GIVEN_AFRICA } from './given-names-africa.ts';
import { GIVEN_ASIA } from './given-names-asia.ts';
import { GIVEN_EUROPE } from './given-names-europe.ts';
import { SURNAMES_AFRICA } from './surnames-africa.ts';
import { SURNAMES_ASIA } from './surnames-asia.ts';
import { SURNAMES_EAST_EUROPE } from './surnames-east-europe.ts';
import { SURNAMES_EUROPE } from './surnames-europe.ts';

export const GIVEN = 1;
export const SURNAME = 2;

let entries: Map<string, number> | undefined;

function add(map: Map<string, number>, groups: Readonly<Record<string, string>>, flag: number): void {
  for (const list of Object.values(groups)) {
    for (const word of list.split(/\s+/)) {
      if (!word) continue;
      const key = fold(word);
      map.set(key, (map.get(key) ?? 0) | flag);
      if (key.includes('-')) map.set(key.replaceAll('-', ''), (map.get(key.replaceAll('-', '')) ?? 0) | flag);
    }
  }
}

function lexicon(): Map<string, number> {
  if (!entries) {
    entries = new Map();
    for (const groups of [GIVEN_EUROPE, GIVEN_ASIA, GIVEN_AFRICA]) add(entries, groups, GIVEN);
    for (const groups of [SURNAMES_EUROPE, SURNAMES_EAST_EUROPE, SURNAMES_ASIA, SURNAMES_AFRICA]) add(entries, groups, SURNAME);
  }
  return entries;
}

const ARTICLE = /^(?:al|el|ul|as|ash|ad|ar|at|az|an|abu|abd|ibn|bin|ben|ould|ait|o|d|di|da|de|della|van|von|mc|mac)[-'](.+)$/;

/** GIVEN | SURNAME bits for a folded word (0 when it is no name the lexicon knows). */
export function nameFlags(key: string): number {
  const map = lexicon();
  const direct = map.get(key);
  if (direct !== undefined) return direct;
  const article = ARTICLE.exec(key);
  if (article) return nameFlags(article[1]!) & SURNAME ? SURNAME : 0;
  if (!key.includes('-')) return 0;
  const joined = map.get(key.replaceAll('-', ''));
  if (joined !== undefined) return joined;
  const parts = key.split('-').filter((p) => p.length >= 2);
  if (parts.length < 2) return 0;
  const flags = parts.map((p) => map.get(p) ?? 0);
  if (flags.every((f) => f & GIVEN)) return GIVEN;
  // Double-barrelled surnames: one listed part of three letters or more is enough.
  return parts.some((p, i) => p.length >= 3 && flags[i]! & SURNAME) ? SURNAME : 0;
}
