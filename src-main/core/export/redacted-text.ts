import { normalise } from './leak-match.ts';
import type { RedactionRange } from './selection.ts';

/** How a redacted stretch reads in text output. Chosen per label; 'block' when not chosen. */
export type ReplacementMode = 'block' | 'label' | 'pseudonym';

export const BLOCK = '\u2588';

/**
 * Pseudonyms that stay the same across a whole export: the second "Jane Doe" in another file
 * is PERSON_1 again. Keyed by label and the normalised text, so case and spacing do not split
 * one person into two. Lives only as long as the export job: it is a map of real names.
 */
export class PseudonymBook {
  readonly #byLabel = new Map<string, Map<string, number>>();

  name(label: string, text: string): string {
    let names = this.#byLabel.get(label);
    if (!names) {
      names = new Map();
      this.#byLabel.set(label, names);
    }
    const key = normalise(text);
    let n = names.get(key);
    if (n === undefined) {
      n = names.size + 1;
      names.set(key, n);
    }
    return `${tag(label)}_${n}`;
  }
}

function tag(label: string): string {
  return (
    label
      .toUpperCase()
      .replace(/[^\p{L}\p{N}]+/gu, '_')
      .replace(/^_+|_+$/g, '') || 'REDACTED'
  );
}

/** One redaction's replacement text. Block runs keep line breaks so the text keeps its lines. */
export function replacement(original: string, label: string, mode: ReplacementMode, book: PseudonymBook): string {
  if (mode === 'label') return `[${tag(label)}]`;
  if (mode === 'pseudonym') return book.name(label, original);
  let out = '';
  for (const ch of original) out += ch === '\n' || ch === '\r' ? ch : BLOCK;
  return out;
}

/** The text with every range replaced; ranges must be merged (non-overlapping). */
export function redactText(text: string, ranges: readonly RedactionRange[], modes: Readonly<Record<string, ReplacementMode>>, book: PseudonymBook): string {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const range of sorted) {
    out += text.slice(at, range.start);
    out += replacement(text.slice(range.start, range.end), range.label, modes[range.label] ?? 'block', book);
    at = range.end;
  }
  return out + text.slice(at);
}
