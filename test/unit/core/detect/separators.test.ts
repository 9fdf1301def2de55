// Numbers as documents and PDF text extraction write them: Unicode spaces and hyphens between the
// digit groups, runs of spaces, tabs, and a number broken across one line. Spans are exact UTF-16
// offsets of the original text; validity (Luhn, prefixes, libphonenumber, SSN rules, mod-97) is
// as strict as with ASCII separators.
import { describe, expect, it } from 'vitest';
import { detectPatterns, type DetectOptions } from '../../../../src-main/core/detect/index.ts';
import { separatorView } from '../../../../src-main/core/detect/separators.ts';
import { PATHOLOGICAL_RUNS } from '../../../fixtures/detect/pathological-runs.ts';

/** What all detectors together report: label and exact offsets. */
function spans(text: string, options: DetectOptions = {}) {
  return detectPatterns(text, [], options).map(({ label, start, end }) => ({ label, start, end }));
}

/** The one span expected for `value`, which occurs once in `text`. */
function at(text: string, value: string, label: string) {
  const start = text.indexOf(value);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(value, start + 1)).toBe(-1);
  return { label, start, end: start + value.length };
}

const SPACES: Array<[string, string]> = [
  ['U+00A0 no-break space', '\u00a0'],
  ['U+2002 en space', '\u2002'],
  ['U+2003 em space', '\u2003'],
  ['U+2004 three-per-em space', '\u2004'],
  ['U+2005 four-per-em space', '\u2005'],
  ['U+2006 six-per-em space', '\u2006'],
  ['U+2007 figure space', '\u2007'],
  ['U+2008 punctuation space', '\u2008'],
  ['U+2009 thin space', '\u2009'],
  ['U+200A hair space', '\u200a'],
  ['U+202F narrow no-break space', '\u202f'],
  ['a tab', '\t'],
  ['two spaces', '  '],
  ['a thin space and a space', '\u2009 '],
];

const HYPHENS: Array<[string, string]> = [
  ['U+2010 hyphen', '\u2010'],
  ['U+2011 non-breaking hyphen', '\u2011'],
  ['U+2012 figure dash', '\u2012'],
  ['U+2013 en dash', '\u2013'],
  ['U+2014 em dash', '\u2014'],
  ['U+2015 horizontal bar', '\u2015'],
  ['U+2212 minus sign', '\u2212'],
];

const LINE_BREAKS: Array<[string, string]> = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['spaces around LF', '  \n '],
  ['a no-break space and CRLF', '\u00a0\r\n'],
  ['a lone CR', '\r'],
  ['U+2028 line separator', '\u2028'],
];

const PARAGRAPH_BREAKS: Array<[string, string]> = [
  ['a blank line', '\n\n'],
  ['a blank line (CRLF)', '\r\n\r\n'],
  ['a line of spaces', '\n \n'],
  ['U+2029 paragraph separator', '\u2029'],
];

describe('the separator view', () => {
  it('spells every separator in ASCII without moving any offset', () => {
    const text = 'a\u00a0b\u2009c\u202fd\te\u2011f\u2013g\u2212h\r\ni\rj\u2028k\u2029l';
    const view = separatorView(text);
    expect(view).toBe('a b c d e-f-g-h \ni\nj\nk\u2029l');
    expect(view.length).toBe(text.length);
    expect(separatorView(text, false)).toBe('a b c d e\u2011f\u2013g\u2212h \ni\nj\nk\u2029l');
    const ascii = 'nothing to change - 1 2 3\n';
    expect(separatorView(ascii)).toBe(ascii);
  });
});

describe('payment cards', () => {
  it.each([...SPACES, ...HYPHENS])('finds a card grouped with %s', (_, sep) => {
    const value = ['4111', '1111', '1111', '1111'].join(sep);
    const text = `Card: ${value}, exp 12/27.`;
    expect(spans(text)).toEqual([at(text, value, 'CARD')]);
  });
  it.each(LINE_BREAKS)('finds a card broken across a line with %s', (_, sep) => {
    const value = `4111 1111${sep}1111 1111`;
    const text = `Card 4111 is not it; card on file ${value} until 2027`;
    expect(spans(text, { detectors: ['card'] })).toEqual([at(text, value, 'CARD')]);
  });
  it('spans the whole broken card, from its first group to its last, dash and Amex forms too', () => {
    expect(spans('Visa 4111 1111\n1111 1111 ok')).toEqual([{ label: 'CARD', start: 5, end: 24 }]);
    expect(spans('Visa 4111-1111-\r\n1111-1111 ok')).toEqual([{ label: 'CARD', start: 5, end: 26 }]);
    expect(spans('Amex 3782 822463\n10005 ok')).toEqual([{ label: 'CARD', start: 5, end: 22 }]);
    expect(spans('MC 5555\u00a05555\u00a05555\n4444.')).toEqual([{ label: 'CARD', start: 3, end: 22 }]);
  });
  it.each(PARAGRAPH_BREAKS)('does not join a card across %s', (_, sep) => {
    expect(spans(`Card 4111 1111${sep}1111 1111 ok`, { detectors: ['card'] })).toEqual([]);
  });
  it('keeps Luhn, issuer prefix and one kind of separator', () => {
    expect(spans('Card 4111\u00a01111\u00a01111\u00a01112 ok')).toEqual([]); // Luhn fails
    expect(spans('Card 4111\u20111111\u20111111\u20111112 ok', { detectors: ['card'] })).toEqual([]);
    expect(spans('Card 4111 1111\n1111 1112 ok', { detectors: ['card'] })).toEqual([]);
    expect(spans('Card 1234\u00a05678\u00a01234\u00a05670 ok', { detectors: ['card'] })).toEqual([]); // Luhn passes, no issuer
    expect(spans('Card 4111\u00a01111\u20131111 1111 ok', { detectors: ['card'] })).toEqual([]); // space and dash mixed
    expect(spans('Card 4111     1111 1111 1111 ok', { detectors: ['card'] })).toEqual([]); // 5 spaces: two numbers
    const longer = 'Card 4111\u00a01111\u00a01111\u00a01111\u00a05 ok'; // the card is the window of whole groups
    expect(spans(longer, { detectors: ['card'] })).toEqual([at(longer, '4111\u00a01111\u00a01111\u00a01111', 'CARD')]);
  });
  it('does not make cards out of the rows of a column of numbers', () => {
    // One line break per card, and across it the groups must be printed as on a card.
    expect(spans('4111\n1111\n1111\n1111\n', { detectors: ['card'] })).toEqual([]);
    expect(spans('41111111\n11111111\n', { detectors: ['card'] })).toEqual([]);
    const list = '646 555 8480\n646 555 6993\n415 555 2541\n';
    expect(spans(list, { detectors: ['card'] })).toEqual([]);
  });
});

describe('US SSN', () => {
  it.each([...SPACES, ...HYPHENS])('finds an SSN grouped with %s', (_, sep) => {
    const value = ['219', '09', '9998'].join(sep);
    const text = `SSN ${value} on file`;
    expect(spans(text)).toEqual([at(text, value, 'SSN')]);
  });
  it('scores Unicode hyphens as dashes and Unicode spaces as spaces', () => {
    expect(detectPatterns('Holder 219\u201109\u20119998.', [], { detectors: ['ssn'] })[0]?.score).toBe(0.85);
    expect(detectPatterns('Holder 219\u00a009\u00a09998.', [], { detectors: ['ssn'] })[0]?.score).toBe(0.7);
    expect(detectPatterns('Holder 219-\n09-9998.', [], { detectors: ['ssn'] })[0]?.score).toBe(0.85);
    expect(detectPatterns('Holder 219\n09-9998.', [], { detectors: ['ssn'] })[0]?.score).toBe(0.85);
    expect(detectPatterns('Holder 219 09\n9998.', [], { detectors: ['ssn'] })[0]?.score).toBe(0.7);
  });
  it('scores a number said to be an SSN above either', () => {
    expect(detectPatterns('SSN 219\u00a009\u00a09998.', [], { detectors: ['ssn'] })[0]?.score).toBe(0.97);
  });
  it.each(LINE_BREAKS)('finds an SSN broken across a line with %s', (_, sep) => {
    const value = `219-09-${sep}9998`;
    const text = `SSN: ${value} (verified)`;
    expect(spans(text)).toEqual([at(text, value, 'SSN')]);
  });
  it('spans the whole broken SSN', () => {
    expect(spans('SSN 219 09\n9998 ok')).toEqual([{ label: 'SSN', start: 4, end: 15 }]);
    expect(spans('SSN 219-09-\r\n9998 ok')).toEqual([{ label: 'SSN', start: 4, end: 17 }]);
    expect(spans('SSN 219\u2011\n09\u20119998 ok')).toEqual([{ label: 'SSN', start: 4, end: 16 }]);
  });
  it.each(PARAGRAPH_BREAKS)('does not join an SSN across %s', (_, sep) => {
    expect(spans(`SSN 219-09-${sep}9998 ok`, { detectors: ['ssn'] })).toEqual([]);
  });
  it('keeps the SSA rules, one kind of separator, and not a part of a longer number', () => {
    for (const n of ['666\u201112\u20113456', '000\u00a012\u00a03456', '123\u201145\u20116789', '219\u202f09\u202f0000']) {
      expect(spans(`SSN ${n} end`, { detectors: ['ssn'] })).toEqual([]);
    }
    expect(spans('SSN 219\u201109\u00a09998 end', { detectors: ['ssn'] })).toEqual([]);
    expect(spans('ref 1219\u201109\u20119998 and 219\u201109\u201199981', { detectors: ['ssn'] })).toEqual([]);
    expect(spans('SSN 219-09-9998\u00a01 end', { detectors: ['ssn'] })).toEqual([]);
    expect(spans('SSN 219\n09\n9998 end', { detectors: ['ssn'] })).toEqual([]); // two line breaks
    expect(spans('SSN 219-09-9998-\n1234 end', { detectors: ['ssn'] })).toEqual([]); // goes on after "-" and a line break
  });
  it('takes a line break then digits after an SSN as a new line', () => {
    const text = 'SSN 219-09-9998\n1234 Main St';
    expect(spans(text, { detectors: ['ssn'] })).toEqual([{ label: 'SSN', start: 4, end: 15 }]);
  });
});

describe('phone numbers', () => {
  it.each([
    ['U+00A0 no-break space', '\u00a0'],
    ['U+2007 figure space', '\u2007'],
    ['U+2009 thin space', '\u2009'],
    ['U+202F narrow no-break space', '\u202f'],
    ['U+2004 three-per-em space', '\u2004'],
    ['a tab', '\t'],
    ['two spaces', '  '],
    ...HYPHENS,
  ])('finds a phone number grouped with %s', (_, sep) => {
    const value = ['415', '867', '5309'].join(sep);
    const text = `Call ${value} today`;
    expect(spans(text)).toEqual([at(text, value, 'PHONE')]);
  });
  it('finds international numbers with Unicode spaces', () => {
    const text = 'London +44\u202f20\u202f7946\u202f0958, Paris +33\u00a06\u00a012\u00a034\u00a056\u00a078.';
    expect(spans(text)).toEqual([at(text, '+44\u202f20\u202f7946\u202f0958', 'PHONE'), at(text, '+33\u00a06\u00a012\u00a034\u00a056\u00a078', 'PHONE')]);
  });
  it.each(LINE_BREAKS)('finds a phone number broken across a line with %s', (_, sep) => {
    const value = `(415) 867-${sep}5309`;
    const text = `Call ${value} today`;
    expect(spans(text)).toEqual([at(text, value, 'PHONE')]);
  });
  it.each([
    ['415-867-\n5309', 'US'],
    ['415\u2011867\u2011\n5309', 'US'],
    ['415 867\n5309', 'US'],
    ['415 867  \n  5309', 'US'],
    ['(415)\n867-5309', 'US'],
    ['+1 415 867\n5309 ext. 12', 'US'],
    ['+44 20 7946\n0958', 'US'],
    ['020 7946\r\n0958', 'GB'],
    ['06 12 34\n56 78', 'FR'],
  ] as const)('spans the whole broken number %j (%s)', (value, phoneRegion) => {
    const text = `Tel. ${value} (office)`;
    expect(spans(text, { phoneRegions: [phoneRegion] })).toEqual([at(text, value, 'PHONE')]);
  });
  it.each(PARAGRAPH_BREAKS)('does not join a phone number across %s', (_, sep) => {
    expect(spans(`Call (415) 867-${sep}5309 today`, { detectors: ['phone'] })).toEqual([]);
  });
  it('keeps libphonenumber validation', () => {
    // 555 is no US area code: not a number with ASCII, Unicode or broken separators alike.
    for (const text of ['Code 555-867-5309', 'Code 555\u2013867\u20135309', 'Code 555\u2009867\u20095309', 'Code 555-867-\n5309']) {
      expect(spans(text, { detectors: ['phone'] })).toEqual([]);
    }
  });
  it('still reads a list of numbers, one per line, as separate numbers', () => {
    const text = 'Phones:\n212 555 0100\n415 555 2671\r\n646 555 0199\n';
    expect(spans(text)).toEqual([at(text, '212 555 0100', 'PHONE'), at(text, '415 555 2671', 'PHONE'), at(text, '646 555 0199', 'PHONE')]);
  });
  it('takes a country code on the line before as part of the number', () => {
    const text = 'Call +1\n415 555 2671 today';
    expect(spans(text)).toEqual([at(text, '+1\n415 555 2671', 'PHONE')]);
  });
  it('does not join the rows of a table of numbers', () => {
    // "415 867" is a row of its own between two rows of numbers, not the first half of 415 867 5309.
    const table = 'Codes\n2024\n415 867\n5309\n7788\nend';
    expect(spans(table, { detectors: ['phone'] })).toEqual([]);
    const twoLines = 'Codes\n415 867\n5309\nend';
    expect(spans(twoLines, { detectors: ['phone'] })).toEqual([at(twoLines, '415 867\n5309', 'PHONE')]);
  });
  it('does not join rows of amounts into a number grouped unlike one', () => {
    // 409 430 9322 is a valid US number, but not grouped "409 430 9 322".
    expect(spans('Totals\n409 430\n9 322\nend', { detectors: ['phone'] })).toEqual([]);
    expect(spans('Totals\n212 555\n0 100\nend', { detectors: ['phone'] })).toEqual([]);
  });
});

describe('IBAN', () => {
  it.each(SPACES)('finds a print-format IBAN grouped with %s', (_, sep) => {
    const value = ['DE89', '3704', '0044', '0532', '0130', '00'].join(sep);
    const text = `IBAN: ${value}, BIC COBADEFFXXX`;
    expect(spans(text)).toEqual([at(text, value, 'IBAN')]);
  });
  it.each(LINE_BREAKS)('finds an IBAN broken across a line with %s', (_, sep) => {
    const value = `GB82 WEST 1234${sep}5698 7654 32`;
    const text = `Pay to ${value} by Friday`;
    expect(spans(text)).toEqual([at(text, value, 'IBAN')]);
  });
  it('spans the whole broken IBAN', () => {
    expect(spans('IBAN DE89 3704 0044\n0532 0130 00 ok')).toEqual([{ label: 'IBAN', start: 5, end: 32 }]);
    expect(spans('IBAN DE89\u00a03704\u00a00044\u00a0\r\n0532\u00a00130\u00a000 ok')).toEqual([{ label: 'IBAN', start: 5, end: 34 }]);
  });
  it.each(PARAGRAPH_BREAKS)('does not join an IBAN across %s', (_, sep) => {
    expect(spans(`IBAN DE89 3704 0044${sep}0532 0130 00 ok`, { detectors: ['iban'] })).toEqual([]);
  });
  it('keeps the country length and mod-97 check', () => {
    expect(spans('IBAN DE88\u00a03704\u00a00044\u00a00532\u00a00130\u00a000 ok', { detectors: ['iban'] })).toEqual([]);
    expect(spans('IBAN DE89\u20093704\u20090044\u20090532\u20090130\u20090 ok', { detectors: ['iban'] })).toEqual([]);
    expect(spans('IBAN DE89 3704\n0044 0532\n0130 00 ok', { detectors: ['iban'] })).toEqual([]); // two line breaks
  });
  it('finds an IBAN right after another one, or after a token that starts like one', () => {
    const text = 'IBAN DE89 3704 0044 0532 0130 00 GB82 WEST 1234 5698 7654 32; ref AB12\nNL91 ABNA 0417 1643 00';
    expect(spans(text, { detectors: ['iban'] })).toEqual([
      at(text, 'DE89 3704 0044 0532 0130 00', 'IBAN'),
      at(text, 'GB82 WEST 1234 5698 7654 32', 'IBAN'),
      at(text, 'NL91 ABNA 0417 1643 00', 'IBAN'),
    ]);
  });
});

describe('everything together', () => {
  it('reports each value once, with its label and exact offsets', () => {
    const text = [
      'Client: Jane Roe, SSN 219\u201109\u20119998, card 4111\u00a01111\u00a01111',
      '1111, phone (415) 867-',
      '5309, IBAN GB82\u202fWEST\u202f1234\u202f5698\u202f7654\u202f32.',
      '',
      'Old card 4111 1111',
      '',
      '1111 1111 (split by a paragraph: not one number).',
    ].join('\r\n');
    expect(spans(text)).toEqual([
      at(text, '219\u201109\u20119998', 'SSN'),
      at(text, '4111\u00a01111\u00a01111\r\n1111', 'CARD'),
      at(text, '(415) 867-\r\n5309', 'PHONE'),
      at(text, 'GB82\u202fWEST\u202f1234\u202f5698\u202f7654\u202f32', 'IBAN'),
    ]);
  });
  // How long these take (linear in their length) is measured by `npm run bench -- detect`, not here.
  it('finds nothing in long runs of digits and line breaks that only look like the start of a number', () => {
    for (const text of PATHOLOGICAL_RUNS) expect(detectPatterns(text, [], { detectors: ['card', 'ssn', 'iban'] })).toEqual([]);
  });
});
