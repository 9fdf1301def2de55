import type { DetectedSpan, Detector } from './types.ts';

const URL_LIKE = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'`{}|\\^]+/gi;
const TRAILING = /[.,;:!?'"*]+$/;
const SCORE = 0.9;

/** Trailing punctuation and unbalanced closing brackets belong to the sentence, not the URL. */
function trimUrl(raw: string): string {
  let value = raw;
  for (;;) {
    const before = value;
    value = value.replace(TRAILING, '');
    for (const [open, close] of [
      ['(', ')'],
      ['[', ']'],
    ] as const) {
      if (value.endsWith(close) && value.split(open).length < value.split(close).length) value = value.slice(0, -1);
    }
    if (value === before) return value;
  }
}

/**
 * A URL that is a field of a delimited row ("…,GET,https://host/path,200,…") ends at the next
 * delimiter: commas and semicolons are legal in a URL, but there they separate the next field.
 */
const FIELD_DELIMITERS = new Set([',', ';', '|']);

function fieldEnd(text: string, start: number, raw: string): string {
  const delimiter = text[start - 1];
  if (delimiter === undefined || !FIELD_DELIMITERS.has(delimiter)) return raw;
  const cut = raw.indexOf(delimiter);
  return cut < 0 ? raw : raw.slice(0, cut);
}

export const url: Detector = {
  id: 'url',
  name: 'URL (http, https, ftp, www.)',
  label: 'URL',
  detect(text) {
    const out: DetectedSpan[] = [];
    for (const m of text.matchAll(URL_LIKE)) {
      const value = trimUrl(fieldEnd(text, m.index, m[0]));
      const absolute = /^www\./i.test(value) ? `http://${value}` : value;
      if (!URL.canParse(absolute)) continue;
      const host = new URL(absolute).hostname;
      // "www." alone, or a scheme with no real host, is not an address anyone could visit.
      if (!host.includes('.') && host !== 'localhost' && !host.startsWith('[')) continue;
      out.push({ start: m.index, end: m.index + value.length, label: 'URL', score: SCORE, detector: 'url' });
    }
    return out;
  },
};
