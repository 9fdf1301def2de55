import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeNeedle, type Needle } from '../../../../src-main/core/export/leak-match.ts';
import { NeedleScan } from '../../../../src-main/core/export/needle-scan.ts';
import { verifyText } from '../../../../src-main/core/export/verify.ts';

// Pieces that exercise what normalising does: case, spacing and line breaks, line-break
// hyphens, soft hyphens and zero-width characters, ligatures, combining marks, CSV quoting.
const PIECES = [
  'jane',
  'Doe',
  'JANE',
  ' ',
  ' ',
  '\n',
  '\r\n',
  '-\n',
  '-',
  '\u00ad',
  '\u200b',
  'ﬁ',
  'fi',
  'e\u0301',
  'é',
  '42',
  '4',
  ',',
  '"',
  '.',
  'Σ',
  'ς',
  'ab',
  ' \t  \r\n   ',
  '\u200b\u00ad\u200b\u200b',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 150 }).map((pieces) => pieces.join(''));

function scanned(content: string, needles: readonly Needle[], cuts: readonly number[], window: number) {
  const scan = new NeedleScan(needles, window);
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    scan.feed(content.slice(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  scan.feed(content.slice(at));
  return scan.end();
}

describe('NeedleScan', () => {
  it('finds exactly what verifyText finds in the whole text, however the text arrives in chunks', () => {
    fc.assert(
      fc.property(
        text,
        // Needles cut out of the text itself (so most are there to be found), or made up.
        fc.array(fc.tuple(fc.nat(400), fc.integer({ min: 2, max: 90 }), fc.nat(2), fc.option(text, { freq: 4 })), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(400), { maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        (content, raw, cuts, window) => {
          const needles = raw
            .map(([at, length, allowed, madeUp], i) =>
              makeNeedle(`n${i}`, madeUp ?? content.slice(at % (content.length + 1), (at % (content.length + 1)) + length), allowed),
            )
            .filter((n): n is Needle => n !== null);
          expect(scanned(content, needles, cuts, window)).toEqual(verifyText(content, needles));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('finds a needle of the first window in a window far later, and counts allowances over the whole text', () => {
    const row = (i: number) => `${i},"Call me, the number is in my file. Nothing to see here."\r\n`;
    let content = '';
    for (let i = 0; i < 5000; i++) content += row(i) + (i === 4321 ? '4,"jane.doe@example.org"\r\n' : '') + (i % 1000 === 7 ? 'Bob Stone\r\n' : '');
    const leaked = makeNeedle('email', 'jane.doe@example.org')!;
    const allowedFour = makeNeedle('bob', 'Bob  Stone', 4)!;
    const allowedFive = makeNeedle('bob-5', 'bob stone', 5)!;
    const result = scanned(content, [leaked, allowedFour, allowedFive], [100_000, 100_003], 64 * 1024);
    expect(result.findings.map((f) => f.needleId)).toEqual(['email', 'bob']);
    expect(result).toEqual(verifyText(content, [leaked, allowedFour, allowedFive]));
  });

  it('carries enough text past a cut for the longest needle, however much whitespace stands in it', () => {
    const letters = 'abcdefghijklmnop'.split('');
    const needle = makeNeedle('letters', letters.join(' '))!;
    const scan = new NeedleScan([needle], 10);
    // The last clean cut of the first chunk falls before "p": the needle starts 150 characters back.
    scan.feed(letters.join(' '.repeat(10)));
    scan.feed(' and more.');
    expect(scan.end().findings.map((f) => f.needleId)).toEqual(['letters']);
  });
});
