import { isIP } from 'node:net';
import type { DetectedSpan, Detector } from './types.ts';

// Candidates are cheap single-class runs (no nested quantifiers, linear on any input); node:net
// decides what is an address, so "1.2.3.999", "12:30:45" or leading-zero octets are not taken.
const V4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)/g;
const V6 = /(?<![\w:.])[0-9A-Fa-f:.]{2,}(?:%[\w.~-]+)?/g;
const SCORE = 0.85;

function v6Candidate(raw: string): string | null {
  // Sentence punctuation after an address ("…at fe80::1.") is not part of it.
  let value = raw.replace(/\.+$/, '');
  if (value.endsWith(':') && !value.endsWith('::')) value = value.slice(0, -1);
  if ((value.match(/:/g)?.length ?? 0) < 2 || !/[0-9A-Fa-f]/.test(value)) return null;
  return isIP(value) === 6 ? value : null;
}

export const ip: Detector = {
  id: 'ip',
  name: 'IP address (IPv4 and IPv6, validated by node:net)',
  label: 'IP',
  detect(text) {
    const out: DetectedSpan[] = [];
    for (const m of text.matchAll(V4)) {
      if (isIP(m[0]) === 4) out.push({ start: m.index, end: m.index + m[0].length, label: 'IP', score: SCORE, detector: 'ip' });
    }
    for (const m of text.matchAll(V6)) {
      if (/\w/.test(text[m.index + m[0].length] ?? '')) continue; // glued to a word: "abc:def:ghi"
      const value = v6Candidate(m[0]);
      if (value) out.push({ start: m.index, end: m.index + value.length, label: 'IP', score: SCORE, detector: 'ip' });
    }
    return out;
  },
};
