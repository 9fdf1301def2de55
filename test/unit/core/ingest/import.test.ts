import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../src-main/core/api/contract.ts';
import { importPaths } from '../../../../src-main/core/ingest/import-job.ts';
import { openDatabase, type Db } from '../../../../src-main/core/store/database.ts';
import * as blobs from '../../../../src-main/core/store/queries/blobs.ts';
import * as documentTable from '../../../../src-main/core/store/queries/document-table.ts';
import * as documents from '../../../../src-main/core/store/queries/documents.ts';
import * as pages from '../../../../src-main/core/store/queries/pages.ts';
import { generatedDir } from '../../../fixtures/generate.ts';
import { generateIngestFixtures, ingestDir, pdfLines } from '../../../fixtures/ingest/generate.ts';

const dir = ingestDir(generatedDir);

/** The encrypted-PDF fixture is made with qpdf (generate.ts); without it those checks skip, saying so. */
const qpdfMissing = (() => {
  try {
    execFileSync('qpdf', ['--version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'qpdf is not installed, so there is no encrypted PDF fixture (Debian: apt-get install qpdf)';
  }
})();
if (qpdfMissing) console.warn(`Skipping the encrypted-PDF import checks: ${qpdfMissing}`);
const job = () => ({ signal: new AbortController().signal, report: () => {} });
const fresh = () => openDatabase(join(mkdtempSync(join(tmpdir(), 'docket-ingest-')), 'p.docket'), { create: true });
const byName = (db: Db, name: string) => {
  const row = documentTable.list(db, { sort: 'name', descending: false, offset: 0, limit: 1000 }).rows.find((r) => r.name === name);
  if (!row) throw new Error(`no document ${name}`);
  return { ...documents.get(db, row.id)!, text: documents.text(db, row.id) };
};

let db: Db;
let report: ImportReport;
beforeAll(async () => {
  await generateIngestFixtures(generatedDir);
  db = fresh();
  report = await importPaths(db, { paths: [dir] }, job());
});

describe('importing a folder of every format', () => {
  it('imports the good files and reports each bad one with its reason, the batch going on', () => {
    const failed = Object.fromEntries(report.failed.map((f) => [f.path.split('/').pop(), f.reason]));
    // encrypted.pdf is in the folder when qpdf was there as the fixtures were generated (they are
    // cached); the refusal itself is tested below on a file made with qpdf now.
    expect(Object.keys(failed).sort()).toEqual(
      ['binary.txt', 'empty.txt', ...(existsSync(join(dir, 'encrypted.pdf')) ? ['encrypted.pdf'] : []), 'picture.xyz', 'truncated.pdf'].sort(),
    );
    if (failed['encrypted.pdf']) expect(failed['encrypted.pdf']).toMatch(/password-protected/);
    expect(failed['binary.txt']).toMatch(/binary data/);
    expect(failed['empty.txt']).toMatch(/empty \(0 bytes\)/);
    expect(failed['picture.xyz']).toMatch(/not supported.*\.pdf/);
    expect(failed['truncated.pdf']).toMatch(/damaged or truncated/);
    expect(report.imported).toBe(documents.count(db));
    expect(report.documentIds.length).toBe(report.imported);
  });

  it.skipIf(qpdfMissing !== null)('refuses a password-protected PDF with that reason (encrypted here with qpdf)', async () => {
    const encrypted = join(mkdtempSync(join(tmpdir(), 'docket-encrypted-')), 'encrypted.pdf');
    execFileSync('qpdf', ['--encrypt', 'secret', 'secret', '256', '--', join(dir, 'report.pdf'), encrypted]);
    const one = fresh();
    const result = await importPaths(one, { paths: [encrypted] }, job());
    expect(result.imported).toBe(0);
    expect(result.failed).toEqual([{ path: encrypted, reason: expect.stringMatching(/password-protected/) }]);
    expect(documents.count(one)).toBe(0);
  });

  it('detects text encodings, and warns when it falls back to Windows-1252', () => {
    const sample = 'Grüße aus Köln — naïve café';
    expect(byName(db, 'utf16le.txt').text).toBe(sample);
    expect(byName(db, 'utf16be.txt').text).toBe(sample);
    expect(byName(db, 'bomless-utf16.txt').text).toBe('Plain ASCII in UTF-16 without a BOM');
    const cp = byName(db, 'cp1252.txt');
    expect(cp.text).toBe('Café – €5');
    expect(cp.warnings[0]).toMatch(/Windows-1252/);
    expect(byName(db, 'readme.md')).toMatchObject({ text: '# Title\n\nSome *markdown* text.\n', mediaType: 'text/markdown' });
  });

  it('makes one document per CSV row with quoting, quoted newlines, BOM and ragged rows handled', () => {
    expect(byName(db, 'rows.csv#1').text).toBe('She said "hello, world"');
    expect(byName(db, 'rows.csv#2').text).toBe('Line one\nline two');
    const ragged = byName(db, 'rows.csv#3');
    expect(ragged.metadata).toMatchObject({ csv: { textColumn: 'text', row: { id: '3', city: '' } } });
    expect(byName(db, 'rows.csv#1').metadata).toMatchObject({ csv: { header: ['id', 'text', 'city'], row: { id: '1', city: 'Oslo' } } });
    expect(report.warnings.find((w) => w.path.endsWith('rows.csv'))?.message).toMatch(/2 row\(s\) have a different number of cells/);
    expect(byName(db, 'rows.tsv#1').text).toBe('Tab separated "quoted" words');
  });

  it('reads JSONL lines, reporting bad lines by number and importing the rest', () => {
    expect(byName(db, 'notes.jsonl#1').text).toBe('First note about Paris');
    expect(byName(db, 'notes.jsonl#4').metadata).toMatchObject({ jsonl: { line: 4, fields: { id: 'c', tag: 'x' } } });
    const messages = report.warnings.filter((w) => w.path.endsWith('notes.jsonl')).map((w) => w.message);
    expect(messages).toEqual([expect.stringMatching(/^line 2: not valid JSON/), expect.stringMatching(/^line 3: no text in field "text"/)]);
  });

  it('keeps DOCX paragraphs', () => {
    expect(byName(db, 'memo.docx').text).toBe('Memo to Grace Hopper\n\nThe budget was approved on 3 March.\n\nPlease file it.');
  });

  it('maps PDF text to pages and runs exactly, records rotation, and flags the page without a text layer', () => {
    const pdf = byName(db, 'report.pdf');
    expect(pdf.pageCount).toBe(3);
    expect(pdf.status).toBe('partial_ocr');
    expect(pdf.warnings[0]).toMatch(/Page 3 has no text layer/);
    const stored = pages.forDocument(db, pdf.id);
    expect(stored.map((p) => [p.rotation, p.needsOcr])).toEqual([
      [0, false],
      [90, false],
      [0, true],
    ]);
    pdfLines.forEach((lines, i) => expect(pdf.text.slice(stored[i]!.textStart, stored[i]!.textEnd)).toBe(lines.join('\n')));
    for (const page of stored) {
      for (const run of page.runs) {
        expect(run.start).toBeGreaterThanOrEqual(page.textStart);
        expect(run.end).toBeLessThanOrEqual(page.textEnd);
      }
    }
    const runTexts = stored.flatMap((p) => p.runs.map((r) => pdf.text.slice(r.start, r.end)));
    expect(runTexts.join('|')).toContain('Contact: Ada Lovelace');
    expect(stored[2]!.textStart).toBe(stored[2]!.textEnd);
  });

  it('keeps the original bytes with the project', () => {
    const pdf = byName(db, 'report.pdf');
    expect(blobs.readBlob(db, pdf.blobId!).equals(readFileSync(join(dir, 'report.pdf')))).toBe(true);
  });

  it('detects re-imported bytes by hash and does not duplicate them', async () => {
    const before = documents.count(db);
    const again = await importPaths(db, { paths: [join(dir, 'report.pdf'), join(dir, 'rows.csv')] }, job());
    expect(again).toMatchObject({ imported: 0, duplicates: 5 });
    expect(documents.count(db)).toBe(before);
  });
});

describe('import choices and failures', () => {
  it('imports a CSV with more rows than a call has room for arguments (200,000) and reports every id', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'docket-rows-')), 'many.csv');
    writeFileSync(path, 'text\n' + Array.from({ length: 200_000 }, (_, i) => `row ${i}`).join('\n') + '\n');
    const target = fresh();
    const result = await importPaths(target, { paths: [path], csvColumn: 'text' }, job());
    expect(result.failed).toEqual([]);
    expect(result.imported).toBe(200_000);
    expect(result.documentIds.length).toBe(200_000);
    expect(documents.count(target)).toBe(200_000);
  });

  it('uses the chosen CSV text and id columns, and names the columns when the choice is wrong', async () => {
    const db2 = fresh();
    const ok = await importPaths(db2, { paths: [join(dir, 'rows.csv')], csvColumn: 'city', idColumn: 'id' }, job());
    expect(ok.imported).toBe(3); // row 3 has no city: skipped with a warning
    expect(documents.get(db2, ok.documentIds[0]!)!.name).toBe('rows.csv#1');
    expect(documents.text(db2, ok.documentIds[1]!)).toBe('Bergen');
    const bad = await importPaths(db2, { paths: [join(dir, 'rows.csv')], csvColumn: 'body' }, job());
    expect(bad.failed[0]!.reason).toBe('it has no column "body"; its columns are: id, text, city. Pick one with --csv-column.');
  });

  it('leaves nothing behind from a CSV that breaks part-way', async () => {
    const db3 = fresh();
    const path = join(mkdtempSync(join(tmpdir(), 'docket-csv-')), 'broken.csv');
    const good = Array.from({ length: 1200 }, (_, i) => `${i},row ${i}`).join('\n');
    writeFileSync(path, `id,text\n${good}\n1201,"unterminated quote\n`);
    const result = await importPaths(db3, { paths: [path] }, job());
    expect(result.failed[0]!.reason).toMatch(/not well-formed CSV/);
    expect(documents.count(db3)).toBe(0);
    expect(db3.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 0 });
  });

  it('stops between files when cancelled, keeping what was fully imported', async () => {
    const db4 = fresh();
    const controller = new AbortController();
    let seen = 0;
    const run = importPaths(
      db4,
      { paths: [join(dir, 'readme.md'), join(dir, 'utf16le.txt'), join(dir, 'memo.docx')] },
      {
        signal: controller.signal,
        report: (p) => {
          if (p.done === 1 && seen++ === 0) controller.abort();
        },
      },
    );
    await expect(run).rejects.toThrow(/cancelled/);
    expect(documents.count(db4)).toBe(1);
  });
});
