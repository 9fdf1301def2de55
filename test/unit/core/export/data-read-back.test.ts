// The label-data read-back check reads the written file from disk: a file changed on disk
// between writing and checking (the seam: progress is reported once a document is on disk) must
// fail the check and leave no file, whatever part of a record changed.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_JSON, REPORT_TEXT, runExport } from '../../../../src-main/core/export/export-job.ts';
import type { ExportReport } from '../../../../src-main/core/model/export.ts';
import type { ProgressUpdate } from '../../../../src-main/core/jobs/jobs.ts';
import { fixtureReader, span, type FixtureDocument } from './fixture-reader.ts';

const out = () => mkdtempSync(join(tmpdir(), 'docket-read-back-'));
const NAMES = ['Alice Martin', 'Bruno Keller', 'Chiara Rossi', 'Dmitri Volkov'];

/** Enough documents, long enough, that the file is read back in several chunks with lines across their edges. */
function documents(count: number, filler = 300): FixtureDocument[] {
  return Array.from({ length: count }, (_, i) => {
    const name = NAMES[i % NAMES.length]!;
    const text = `Note ${i}: ${name} called about ACME. ${'Nothing else to add here. '.repeat(Math.ceil(filler / 26))}`.trim();
    return {
      id: i + 1,
      name: `note-${i + 1}.txt`,
      mediaType: 'text/plain',
      sourcePath: null,
      text,
      metadata: {},
      spans: [
        span(i + 1, 2 * i + 1, text.indexOf(name), text.indexOf(name) + name.length, 'PER'),
        span(i + 1, 2 * i + 2, text.indexOf('ACME'), text.indexOf('ACME') + 4, 'ORG'),
      ],
    };
  });
}

/** Exports, and when the last document is reported done (so on disk) rewrites the temp file with `corrupt`. */
async function exportChanged(format: 'jsonl' | 'conll', docs: FixtureDocument[], corrupt: (content: string) => string) {
  const dir = out();
  const report = (update: ProgressUpdate) => {
    if (update.unit !== 'documents' || update.done !== docs.length) return;
    const temp = readdirSync(dir).find((name) => name.endsWith('.partial'));
    if (!temp) throw new Error('no temp file while the export runs');
    const path = join(dir, temp);
    const content = readFileSync(path, 'utf8');
    const changed = corrupt(content);
    if (changed === content) throw new Error('the corruption changed nothing');
    writeFileSync(path, changed);
  };
  const result = await runExport(fixtureReader(docs), { format, outDir: dir, status: 'all' }, { signal: new AbortController().signal, report });
  return { result, files: readdirSync(dir).sort() };
}

function expectRefused({ result, files }: { result: ExportReport; files: string[] }, detail: RegExp) {
  expect(result.ok).toBe(false);
  expect(result.files[0]!.checks).toEqual([expect.objectContaining({ name: 'round-trip', passed: false, detail: expect.stringMatching(detail) })]);
  expect(result.failures).toEqual([expect.objectContaining({ reason: expect.stringMatching(/did not read back identically/) })]);
  expect(files).toEqual([REPORT_JSON, REPORT_TEXT]); // neither the file nor its temp file is left
}

const lines = (content: string) => content.split('\n');

describe('JSONL read-back', () => {
  const docs = documents(3000);

  it('passes for a file as written, read back in chunks', async () => {
    const dir = out();
    const result = await runExport(
      fixtureReader(docs),
      { format: 'jsonl', outDir: dir, status: 'all' },
      { signal: new AbortController().signal, report: () => {} },
    );
    expect(result.ok).toBe(true);
    expect(result.files[0]!.checks[0]!.detail).toBe('3000 records re-read; text and spans identical');
    expect(readFileSync(join(dir, 'spans.jsonl')).length).toBeGreaterThan(1.2 * 1024 * 1024);
  });

  it.each([
    ['a changed text', (c: string) => c.replace('Note 2017: Bruno', 'Note 2017: Bruna'), /exported spans$/],
    ['a dropped record', (c: string) => lines(c).toSpliced(1500, 1).join('\n'), /3000 records written, 2999 re-read/],
    ['an added record', (c: string) => lines(c).toSpliced(10, 0, lines(c)[10]!).join('\n'), /3000 records written, 3001 re-read/],
    ['two records swapped', (c: string) => lines(c).toSpliced(5, 2, lines(c)[6]!, lines(c)[5]!).join('\n'), /exported spans$/],
    ['a changed span end', (c: string) => c.replace(/("end":)(\d+)(,"label":"ORG")/, (_, a, n, b) => `${a}${Number(n) + 1}${b}`), /exported spans$/],
    ['a changed label', (c: string) => c.replace('"label":"PER"', '"label":"ORG"'), /exported spans$/],
    ['a line that is not JSON', (c: string) => c.replace('{"text":"Note 2999', '{"text:"Note 2999'), /line 3000 is not a valid record/],
  ])('fails on %s', async (_, corrupt, detail) => {
    expectRefused(await exportChanged('jsonl', docs, corrupt), detail);
  });
});

describe('CoNLL read-back', () => {
  const docs = documents(2500);

  it('passes for a file as written', async () => {
    const dir = out();
    const result = await runExport(
      fixtureReader(docs),
      { format: 'conll', outDir: dir, status: 'all' },
      { signal: new AbortController().signal, report: () => {} },
    );
    expect(result.ok).toBe(true);
    expect(result.files[0]!.checks[0]!.detail).toBe('2500 documents re-read; tokens and entities identical');
  });

  it.each([
    ['a changed token', (c: string) => c.replace('Chiara\tB-PER', 'Chiaro\tB-PER'), /exported entities$/],
    ['a tag turned O', (c: string) => c.replace('Rossi\tI-PER', 'Rossi\tO'), /exported entities$/],
    ['a changed entity label', (c: string) => c.replace('ACME\tB-ORG', 'ACME\tB-PER'), /exported entities$/],
    ['a dropped document', (c: string) => c.replace(/-DOCSTART- 1200 O\n[^]*?(?=-DOCSTART- 1201 )/, ''), /2500 documents written, 2499 re-read/],
    ['a renumbered document', (c: string) => c.replace('-DOCSTART- 1200 O', '-DOCSTART- 1201 O'), /exported entities$/],
  ])('fails on %s', async (_, corrupt, detail) => {
    expectRefused(await exportChanged('conll', docs, corrupt), detail);
  });

  it('fails, untouched, on an entity CoNLL cannot carry (a label with a space)', async () => {
    const dir = out();
    const [doc] = documents(1);
    const result = await runExport(
      fixtureReader([{ ...doc!, spans: [{ ...doc!.spans[0]!, label: 'FULL NAME' }] }]),
      { format: 'conll', outDir: dir, status: 'all' },
      { signal: new AbortController().signal, report: () => {} },
    );
    expectRefused({ result, files: readdirSync(dir).sort() }, /exported entities$/);
  });
});
