// The words of a slice of text, with their offsets: letters and digits with inner hyphens and
// apostrophes ("Su-bin", "O'Brien", "Kakkar-Guha"), a possessive "'s" split off ("Hong's" → "Hong"),
// and a folded key (lower case, accents removed) for the lexicon and cue lists. One regex pass,
// linear in the text.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*/gu;
const SPECIAL: Readonly<Record<string, string>> = { ß: 'ss', ø: 'o', đ: 'd', ł: 'l', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ð: 'd', ħ: 'h' };

/** Lower case, accents and special letters folded, curly apostrophes straightened: "Zoé" → "zoe", "Łukasz" → "lukasz". */
export function fold(word: string): string {
  let s = word.toLowerCase();
  // Most words are ASCII; only the others pay for normalisation.
  if (/\P{ASCII}/u.test(s))
    s = s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[ßøđłæœıþðħ]/g, (c) => SPECIAL[c]!)
      .replace(/[’‐]/g, (c) => (c === '’' ? "'" : '-'));
  return s;
}

export interface Word {
  /** Offsets in the slice; `text.slice(start, end)` is the word without any possessive "'s". */
  start: number;
  end: number;
  text: string;
  key: string;
  /** Starts with an upper-case letter ("Ana", "McCarthy", "Su-bin"). */
  cap: boolean;
  /** Two or more letters, all upper case ("NHS", "GDPR"): an acronym, not a name. */
  acronym: boolean;
  /** A possessive "'s" followed and is not part of the word. */
  possessive: boolean;
  digit: boolean;
}

export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    const start = m.index;
    let possessive = false;
    if (word.length > 3 && /['’][sS]$/.test(word)) {
      word = word.slice(0, -2);
      possessive = true;
    }
    const first = word.codePointAt(0)!;
    const firstChar = String.fromCodePoint(first);
    const cap = firstChar !== firstChar.toLowerCase() && firstChar === firstChar.toUpperCase();
    const letters = word.replace(/[^\p{L}]/gu, '');
    out.push({
      start,
      end: start + word.length,
      text: word,
      key: fold(word),
      cap,
      acronym: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      possessive,
      digit: /^\p{N}/u.test(word),
    });
  }
  return out;
}
