// textLines reads a file through one small reused buffer and decodes each line on its own: its
// lines must be exactly what `split('\n')` of the whole decoded file gives (the rules readJsonl
// and readConll use), wherever the reads cut the bytes: inside a multi-byte character, right
// after a "\n", inside a line longer than the buffer (which grows, then shrinks back).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINE_READ_BYTES, textLines } from '../../../../src-main/core/export/read-back.ts';
import { mulberry32 } from '../../../fixtures/seeded-random.ts';

const dir = mkdtempSync(join(tmpdir(), 'docket-text-lines-'));
let files = 0;

function file(content: string | Buffer): string {
  const path = join(dir, `f${files++}.txt`);
  writeFileSync(path, content);
  return path;
}

async function lines(path: string, size?: number): Promise<Array<{ line: string; number: number }>> {
  const out: Array<{ line: string; number: number }> = [];
  for await (const line of textLines(path, size)) out.push(line);
  return out;
}

const expected = (content: string) => content.split('\n').map((line, i) => ({ line, number: i + 1 }));

/** Text of short and long lines, blank ones, CRLF, and 2-, 3- and 4-byte UTF-8 characters. */
function sample(seed: number, count: number): string {
  const random = mulberry32(seed);
  const pieces = ['a', 'Zoë', '€', '😀', ' ', '\r', '"', '\\', 'x'.repeat(40)];
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = random() < 0.1 ? 200 + Math.floor(random() * 400) : Math.floor(random() * 12);
    let row = '';
    for (let k = 0; k < length; k++) row += pieces[Math.floor(random() * pieces.length)];
    rows.push(row);
  }
  return rows.join('\n') + (random() < 0.5 ? '\n' : '');
}

describe('textLines', () => {
  it.each([1, 2, 3, 5, 16, 64, 1000])('gives the lines split gives, read %i bytes at a time', async (size) => {
    for (const seed of [1, 2, 3]) {
      const content = sample(seed, 300);
      expect(await lines(file(content), size)).toEqual(expected(content));
    }
  });

  it('reads with its own buffer size a file of many buffers', async () => {
    const content = sample(7, 4000);
    expect(Buffer.byteLength(content)).toBeGreaterThan(3 * LINE_READ_BYTES);
    expect(await lines(file(content))).toEqual(expected(content));
  });

  it('gives lines longer than the buffer whole, and the short lines after them', async () => {
    const long = 'é'.repeat(5000) + '😀'.repeat(3000);
    const content = ['short', long, 'next', '', long + long, 'last'].join('\n');
    expect(await lines(file(content), 64)).toEqual(expected(content));
  });

  it('gives one empty line for an empty file, and a last empty line after a final newline', async () => {
    expect(await lines(file(''))).toEqual([{ line: '', number: 1 }]);
    expect(await lines(file('a\n'), 4)).toEqual([
      { line: 'a', number: 1 },
      { line: '', number: 2 },
    ]);
    expect(await lines(file('\n\n'), 1)).toEqual(expected('\n\n'));
  });

  it('decodes bytes that are not UTF-8 as the whole-file decoding does', async () => {
    const bytes = Buffer.concat([Buffer.from('ok\n'), Buffer.from([0xc3, 0x0a, 0xff, 0xe2, 0x82]), Buffer.from('\nend')]);
    expect(await lines(file(bytes), 2)).toEqual(expected(bytes.toString('utf8')));
  });
});
