import { describe, expect, it } from 'vitest';
import { contains, makeHaystack, makeNeedle, normalise } from '../../../../src-main/core/export/leak-match.ts';

const found = (haystack: string, needle: string) => contains(makeHaystack(haystack), makeNeedle('n', needle)!);

describe('leak matching', () => {
  it('finds a redacted string in other case, spacing and line breaks', () => {
    expect(found('call JANE   DOE today', 'Jane Doe')).toBe(true);
    expect(found('call Jane\nDoe today', 'Jane Doe')).toBe(true);
    expect(found('callJaneDoetoday', 'Jane Doe')).toBe(true); // items joined without spaces
    expect(found('J a n e D o e', 'Jane Doe')).toBe(true); // letter-spaced
  });

  it('finds words hyphenated across a line break, and compatibility forms (NFKC)', () => {
    expect(found('Mr. Gonza-\nlez said', 'Gonzalez')).toBe(true);
    expect(found('the ﬃcer Flint', 'ffIcer Flint')).toBe(true); // ligature glyph
    expect(found('ＪＡＮＥ ＤＯＥ', 'Jane Doe')).toBe(true); // full-width
    expect(found('Ja\u00adne Doe', 'Jane Doe')).toBe(true); // soft hyphen
    expect(normalise('Straße')).toBe('strasse');
  });

  it('matches short strings only as whole words, and ignores single characters', () => {
    expect(found('also', 'Al')).toBe(false);
    expect(found('said Al to', 'Al')).toBe(true);
    expect(found('Al.', 'al')).toBe(true);
    expect(makeNeedle('x', ' A ')).toBeNull();
  });

  it('does not find what is not there', () => {
    expect(found('call Jane today', 'Jane Doe')).toBe(false);
    expect(found('████████', 'Jane Doe')).toBe(false);
  });
});
