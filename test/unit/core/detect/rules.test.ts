import { describe, expect, it } from 'vitest';
import { detectPatterns, validateRule, type PatternRuleInput } from '../../../../src-main/core/detect/index.ts';
import { nestedQuantifier } from '../../../../src-main/core/detect/regex-safety.ts';
import { resolveOverlaps } from '../../../../src-main/core/detect/overlap.ts';

const regex = (label: string, pattern: string, flags = ''): PatternRuleInput => ({ kind: 'regex', label, pattern, flags });
const deny = (pattern: string, label = ''): PatternRuleInput => ({ kind: 'deny', label, pattern, flags: '' });
const allow = (pattern: string): PatternRuleInput => ({ kind: 'allow', label: '', pattern, flags: '' });
const texts = (text: string, rules: PatternRuleInput[], detectors: string[] = []) =>
  detectPatterns(text, rules, { detectors }).map((s) => [text.slice(s.start, s.end), s.label, s.detector]);

describe('custom regexes', () => {
  it('flags every match with the rule label, honouring flags', () => {
    const text = 'Case No. 2024-17 and case no. 2023-9; not Case 5.';
    expect(texts(text, [regex('CASE_NO', 'case no\\. \\d{4}-\\d+', 'i')])).toEqual([
      ['Case No. 2024-17', 'CASE_NO', 'regex:CASE_NO'],
      ['case no. 2023-9', 'CASE_NO', 'regex:CASE_NO'],
    ]);
    expect(texts(text, [regex('CASE_NO', 'case no\\. \\d{4}-\\d+')])).toEqual([['case no. 2023-9', 'CASE_NO', 'regex:CASE_NO']]);
  });
  it('flags only the named group "value" when there is one', () => {
    expect(texts('Patient ID: AB-1234, ID: CD-99', [regex('PATIENT', 'ID: (?<value>[A-Z]{2}-\\d+)')])).toEqual([
      ['AB-1234', 'PATIENT', 'regex:PATIENT'],
      ['CD-99', 'PATIENT', 'regex:PATIENT'],
    ]);
  });
  it('refuses a bad regex with an error naming the rule', () => {
    expect(() => validateRule(regex('CASE_NO', 'Case (\\d+'))).toThrow(/Pattern rule "CASE_NO" \/Case \(\\d\+\/.*not a valid regular expression/);
    expect(() => detectPatterns('x', [regex('BROKEN', '[a-')])).toThrow(/"BROKEN".*not a valid regular expression/);
    expect(() => validateRule(regex('', 'abc'))).toThrow(/needs a label/);
    expect(() => validateRule(regex('X', 'abc', 'y'))).toThrow(/unsupported flags "y"/);
    expect(() => validateRule(regex('X', 'a*'))).toThrow(/matches the empty string/);
    expect(() => validateRule(regex('X', 'a'.repeat(1001)))).toThrow(/longer than 1000/);
  });
  it('refuses catastrophic patterns, statically or by a time limit', () => {
    expect(() => validateRule(regex('SLOW', '(a+)+$'))).toThrow(/"SLOW".*repeats something that already repeats/);
    expect(() => validateRule(regex('SLOW', '^(\\w+\\s?)+$'))).toThrow(/exponential/);
    expect(() => validateRule(regex('SLOW', '(?:[a-z]+\\d*){2,}x'))).toThrow(/exponential/);
    // Overlapping alternatives under a repetition pass the static check; the probe run catches them.
    expect(nestedQuantifier('^(a|a)+$')).toBeNull();
    // The probe stops the run at its own budget (regex-safety.ts); how long that takes is not asserted here.
    expect(() => validateRule(regex('SLOW', '^(a|a)+$'))).toThrow(/"SLOW".*too slow.*catastrophic backtracking/);
  });
  it('accepts ordinary patterns with classes, escapes and bounded nesting', () => {
    for (const p of ['\\b[A-Z]{2}\\d{6}\\b', '(?:\\d{3}-){2}\\d{4}', '\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+', '[(+]\\d+[)]', '(ab){1,3}c+']) {
      expect(() => validateRule(regex('OK', p, 'u'))).not.toThrow();
    }
  });
});

describe('deny- and allow-lists', () => {
  it('always flags deny terms, whole word and any case, across whitespace runs', () => {
    const text = 'ACME Corp bought acme corp.\nAcme\n Corp and Acmes; ACME-CORP no.';
    expect(texts(text, [deny('Acme Corp', 'ORG')])).toEqual([
      ['ACME Corp', 'ORG', 'deny-list'],
      ['acme corp', 'ORG', 'deny-list'],
      ['Acme\n Corp', 'ORG', 'deny-list'],
    ]);
  });
  it('uses MISC when a deny term has no label, and prefers the longest term', () => {
    expect(texts('Project Falcon and Falcon.', [deny('Falcon'), deny('Project Falcon', 'CODE')])).toEqual([
      ['Project Falcon', 'CODE', 'deny-list'],
      ['Falcon', 'MISC', 'deny-list'],
    ]);
  });
  it('treats regex metacharacters in terms literally', () => {
    expect(texts('Pay $5.00 (cash) not $5x00', [deny('$5.00 (cash)', 'MONEY')])).toEqual([['$5.00 (cash)', 'MONEY', 'deny-list']]);
  });
  it('never flags allow-listed text, from detectors or custom rules', () => {
    const text = 'Write to help@example.com or jane@example.com; see https://example.com.';
    const all = texts(text, [allow('HELP@example.com'), allow('https://example.com')], ['email', 'url']);
    expect(all).toEqual([['jane@example.com', 'EMAIL', 'email']]);
    expect(texts('ref AB-1 and AB-2', [regex('REF', 'AB-\\d'), allow('ab-2')])).toEqual([['AB-1', 'REF', 'regex:REF']]);
  });
  it('keeps a deny term that is also allowed (a leak is worse than an extra box)', () => {
    expect(texts('Falcon', [deny('Falcon'), allow('falcon')])).toEqual([['Falcon', 'MISC', 'deny-list']]);
  });
});

describe('overlaps', () => {
  it('keeps the longer detection: the URL over the IP inside it', () => {
    const text = 'Go to http://192.168.0.1/admin now';
    expect(texts(text, [], ['url', 'ip'])).toEqual([['http://192.168.0.1/admin', 'URL', 'url']]);
  });
  it("prefers length, then the analyst's rules, then score", () => {
    const spans = resolveOverlaps([
      { start: 0, end: 10, label: 'A', score: 0.9, detector: 'url' },
      { start: 2, end: 5, label: 'B', score: 1, detector: 'deny-list' },
      { start: 20, end: 26, label: 'C', score: 0.5, detector: 'date' },
      { start: 20, end: 26, label: 'D', score: 0.8, detector: 'phone' },
      { start: 30, end: 35, label: 'E', score: 0.99, detector: 'card' },
      { start: 30, end: 35, label: 'F', score: 0.9, detector: 'regex:F' },
      { start: 9, end: 12, label: 'G', score: 0.99, detector: 'card' },
    ]);
    expect(spans.map((s) => s.label)).toEqual(['A', 'D', 'F']);
  });
  it('keeps an email whole when a deny-listed word sits inside it', () => {
    expect(texts('Mail info@acme.com today', [deny('acme', 'ORG')], ['email'])).toEqual([['info@acme.com', 'EMAIL', 'email']]);
  });
  it('never returns overlapping spans on PII-dense text', () => {
    const text = 'Card 4111 1111 1111 1111, call +1 415 555 2671 on 2024-02-10 from 10.0.0.1, SSN 219-09-9998, IBAN DE89370400440532013000, room 7788. '.repeat(
      50,
    );
    const spans = detectPatterns(text, [deny('call'), regex('NUM', '\\d{4}')]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    expect(new Set(spans.map((s) => s.label))).toEqual(new Set(['CARD', 'MISC', 'NUM', 'SSN', 'IP', 'IBAN', 'PHONE', 'DATE']));
  });
});

describe('options and speed', () => {
  it('refuses an unknown detector id, naming the known ones', () => {
    expect(() => detectPatterns('x', [], { detectors: ['passport'] })).toThrow(/Unknown pattern detector passport.*email/);
  });
  // Speed is measured by `npm run bench -- detect`, never asserted here.
  it('runs all detectors and the project rules over 1 MB of mixed text', () => {
    const prose = 'The committee met on Tuesday to discuss the budget for the next fiscal year, and agreed on 42 items. ';
    const pii = 'Reach jane.roe@example.org or +44 20 7946 0958; card 5555 5555 5555 4444, IBAN FR1420041010050500013M02606, host 10.0.0.7, due 2024-03-15. ';
    let text = '';
    while (text.length < 1_000_000) text += prose.repeat(9) + pii;
    const spans = detectPatterns(text, [deny('committee', 'ORG'), regex('ITEMS', '\\d+ items')]);
    expect(spans.length).toBeGreaterThan(5000);
    expect(new Set(spans.map((s) => s.label))).toEqual(new Set(['ORG', 'ITEMS', 'EMAIL', 'PHONE', 'CARD', 'IBAN', 'IP', 'DATE']));
  });
});
