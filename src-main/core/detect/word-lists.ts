import { DocketError } from '../errors.ts';
import type { DetectedSpan, PatternRuleInput } from './types.ts';

// Deny-lists: terms that are always flagged, whole word, any case. Allow-lists: terms never
// flagged. Both compare text the same way (NFKC, any case, whitespace runs equal), so a term typed
// once matches "ACME  Corp" across a PDF line break too.

export const DENY_SCORE = 1;
export const DEFAULT_DENY_LABEL = 'MISC';
const MAX_TERM_LENGTH = 200;

export function normaliseTerm(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

export function validateTerm(rule: PatternRuleInput): void {
  const term = rule.pattern.trim();
  const list = rule.kind === 'deny' ? 'Deny-list' : 'Allow-list';
  if (!term)
    throw new DocketError('invalid_pattern', `${list} term is empty; type the word or phrase to ${rule.kind === 'deny' ? 'always flag' : 'never flag'}.`);
  if (term.length > MAX_TERM_LENGTH)
    throw new DocketError('invalid_pattern', `${list} term "${term.slice(0, 40)}…" is longer than ${MAX_TERM_LENGTH} characters.`);
}

export interface DenyList {
  detect(text: string): DetectedSpan[];
}

/** All deny terms as one alternation: one pass over the text whatever the number of terms. */
export function compileDenyList(rules: readonly PatternRuleInput[]): DenyList | null {
  const labels = new Map<string, string>();
  for (const rule of rules) {
    const term = normaliseTerm(rule.pattern);
    if (term && !labels.has(term)) labels.set(term, rule.label.trim() || DEFAULT_DENY_LABEL);
  }
  if (labels.size === 0) return null;
  // Longest first, so "Acme Corp" wins over "Acme" at the same position.
  const alternatives = [...labels.keys()].sort((a, b) => b.length - a.length).map((term) => term.split(' ').map(escapeRegex).join('\\s+'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  return {
    detect(text) {
      const out: DetectedSpan[] = [];
      for (const m of text.matchAll(re)) {
        const label = labels.get(normaliseTerm(m[0])) ?? DEFAULT_DENY_LABEL;
        out.push({ start: m.index, end: m.index + m[0].length, label, score: DENY_SCORE, detector: 'deny-list' });
      }
      return out;
    },
  };
}

/** A predicate: is this span's text on the allow-list? Usable for model spans too. */
export function compileAllowList(rules: readonly PatternRuleInput[]): (text: string) => boolean {
  const allowed = new Set(rules.map((r) => normaliseTerm(r.pattern)).filter((t) => t.length > 0));
  return (text) => allowed.size > 0 && allowed.has(normaliseTerm(text));
}
