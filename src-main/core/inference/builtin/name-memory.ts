// The names already found in a document: the words of confident multi-word person names, so a
// later lone "Ruiz" or "Ana" (after "Ana Ruiz") is recognised even without a cue. Kept across the
// slices of one detect() call, capped so a huge document cannot grow it without bound.
import type { Word } from './words.ts';

const MAX_WORDS = 50_000;

export class NameMemory {
  private readonly keys = new Set<string>();

  /** Remembers the capitalised words (three letters or more) of a name of two words or more. */
  remember(name: readonly Word[]): void {
    const words = name.filter((w) => w.cap && w.key.length >= 3);
    if (words.length < 2 || this.keys.size > MAX_WORDS) return;
    for (const w of words) this.keys.add(w.key);
  }

  /** Whether every capitalised word of `run` is a remembered name word. */
  knows(run: readonly Word[]): boolean {
    const words = run.filter((w) => w.cap);
    return words.length > 0 && words.every((w) => this.keys.has(w.key));
  }
}
