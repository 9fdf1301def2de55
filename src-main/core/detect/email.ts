import type { DetectedSpan, Detector } from './types.ts';

// Local part and domain labels allow Unicode letters (internationalised addresses); the TLD must
// be letters so "a@b.c1" or version strings are not taken. Lookarounds stop partial matches.
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}@])/gu;

const SCORE = 0.95;

function validLocalPart(local: string): boolean {
  return local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
}

export const email: Detector = {
  id: 'email',
  name: 'Email address',
  label: 'EMAIL',
  detect(text) {
    const out: DetectedSpan[] = [];
    for (const m of text.matchAll(EMAIL)) {
      const value = m[0];
      const at = value.lastIndexOf('@');
      if (!validLocalPart(value.slice(0, at))) continue;
      out.push({ start: m.index, end: m.index + value.length, label: 'EMAIL', score: SCORE, detector: 'email' });
    }
    return out;
  },
};
