// Pattern detectors (I4): a first-class source of spans beside the models. Pure and synchronous:
// text and rules in, non-overlapping spans out, one pass per detector.
import { DocketError } from '../errors.ts';
import { card } from './card.ts';
import { compileRegexRule, validateRegexRule } from './custom-regex.ts';
import { date } from './date.ts';
import { email } from './email.ts';
import { iban } from './iban.ts';
import { ip } from './ip.ts';
import { resolveOverlaps } from './overlap.ts';
import { forgetSeparatorView } from './separators.ts';
import { phone } from './phone.ts';
import { ssn } from './ssn.ts';
import type { DetectedSpan, DetectOptions, Detector, PatternRuleInput } from './types.ts';
import { url } from './url.ts';
import { compileAllowList, compileDenyList, validateTerm } from './word-lists.ts';

export type { DetectedSpan, DetectOptions, Detector, PatternRuleInput } from './types.ts';
export { DEFAULT_PHONE_REGIONS, MAX_PHONE_REGIONS, defaultPhoneRegions } from './phone-regions.ts';
export { compileAllowList } from './word-lists.ts';

export const detectors: readonly Detector[] = [email, url, phone, card, iban, ssn, ip, date];

/** Confidence of a match of an analyst's own regex. */
export const CUSTOM_REGEX_SCORE = 0.9;

/** What each detector id means, for the analyst (built-ins, then the rule-driven ones). */
export const detectorInfo: ReadonlyArray<{ id: string; name: string; label: string }> = [
  ...detectors.map(({ id, name, label }) => ({ id, name, label })),
  { id: 'deny-list', name: 'Deny-list term (always flagged)', label: '' },
  { id: 'regex:<LABEL>', name: 'Custom regex of this project', label: '' },
];

/** Throws a DocketError that names the rule when it cannot be used. */
export function validateRule(rule: PatternRuleInput): void {
  if (rule.kind === 'regex') validateRegexRule(rule);
  else validateTerm(rule);
}

function selected(options: DetectOptions): readonly Detector[] {
  if (!options.detectors) return detectors;
  const known = new Set(detectors.map((d) => d.id));
  const unknown = options.detectors.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new DocketError('unknown_detector', `Unknown pattern detector ${unknown.join(', ')}; known: ${[...known].join(', ')}.`);
  }
  return detectors.filter((d) => options.detectors!.includes(d.id));
}

export function detectPatterns(text: string, rules: readonly PatternRuleInput[] = [], options: DetectOptions = {}): DetectedSpan[] {
  const found: DetectedSpan[] = [];
  const add = (spans: readonly DetectedSpan[]) => {
    for (const s of spans) found.push(s);
  };
  try {
    for (const detector of selected(options)) add(detector.detect(text, options));
  } finally {
    forgetSeparatorView();
  }
  for (const rule of rules) {
    if (rule.kind !== 'regex') continue;
    const label = rule.label.trim();
    let matches: Array<[number, number]>;
    try {
      matches = compileRegexRule(rule).find(text);
    } catch (error) {
      if (!options.onRuleTimeout || (error as DocketError).code !== 'pattern_timeout') throw error;
      options.onRuleTimeout(rule, (error as Error).message);
      continue;
    }
    for (const [start, end] of matches) found.push({ start, end, label, score: CUSTOM_REGEX_SCORE, detector: `regex:${label}` });
  }
  const denied = compileDenyList(rules.filter((r) => r.kind === 'deny'));
  if (denied) add(denied.detect(text));
  // A term on both lists stays flagged: for redaction, a leak is worse than an extra box.
  const allowed = compileAllowList(rules.filter((r) => r.kind === 'allow'));
  const kept = found.filter((s) => s.detector === 'deny-list' || !allowed(text.slice(s.start, s.end)));
  return resolveOverlaps(kept);
}
