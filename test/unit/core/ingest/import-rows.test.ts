// Row files (CSV, JSONL) in a compact project: one audit entry per file, not per row, and no copy
// of the file's bytes; the redacted CSV export is still written, whole, from the rows.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../../../src-main/core/export/export-job.ts';
import { storeReader } from '../../../../src-main/core/export/store-reader.ts';
import { importPaths } from '../../../../src-main/core/ingest/import-job.ts';
import { openDatabase, type Db } from '../../../../src-main/core/store/database.ts';
import * as audit from '../../../../src-main/core/store/queries/audit.ts';
import * as documents from '../../../../src-main/core/store/queries/documents.ts';

const job = () => ({ signal: new AbortController().signal, report: () => {} });
const folder = () => mkdtempSync(join(tmpdir(), 'docket-rows-'));
const fresh = () => openDatabase(join(folder(), 'p.docket'), { create: true });
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const importAudits = (db: Db) => [...audit.iterate(db)].filter((a) => a.action === 'document.import');
const idOf = (db: Db, name: string) => (db.prepare('SELECT id FROM documents WHERE name = ?').get(name) as { id: number }).id;
const idRange = (db: Db, where: string) => db.prepare(`SELECT min(id) AS first, max(id) AS last, count(*) AS n FROM documents WHERE ${where}`).get();

/** A CSV whose text column is in the middle, so the export's column order is really checked. */
function writeCsv(dir: string, rows: number, name = 'rows.csv'): string {
  const path = join(dir, name);
  const lines = Array.from({ length: rows }, (_, i) => `r${i + 1},"Row ${i + 1}, about the shipment",${i % 2 ? 'Oslo' : 'Bergen'}`);
  writeFileSync(path, `id,note,city\n${lines.join('\n')}\n`);
  return path;
}

describe('importing a row file audits it once', () => {
  it('a 1,000-row CSV gets one document.import entry naming the file, its row count and id range; a whole file keeps its own', async () => {
    const dir = folder();
    const csv = writeCsv(dir, 1000);
    writeFileSync(join(dir, 'note.txt'), 'A note, imported whole.');
    writeFileSync(join(dir, 'broken.csv'), `id,note\n1,fine\n2,"unterminated\n`);
    const db = fresh();
    const report = await importPaths(db, { paths: [join(dir, 'note.txt'), csv, join(dir, 'broken.csv')], csvColumn: 'note' }, job());
    expect(report.imported).toBe(1001);
    expect(report.failed.map((f) => f.path)).toEqual([join(dir, 'broken.csv')]);
    const note = idOf(db, 'note.txt');
    const rows = idRange(db, "part_key <> ''") as { first: number; last: number; n: number };
    expect(rows.n).toBe(1000);
    // The broken file, its rows taken out again, has no import entry.
    expect(importAudits(db).map(({ actor, entity, entityId, before, after }) => ({ actor, entity, entityId, before, after }))).toEqual([
      { actor: 'import', entity: 'document', entityId: note, before: null, after: expect.objectContaining({ name: 'note.txt', partKey: '' }) },
      {
        actor: 'import',
        entity: 'document',
        entityId: null,
        before: null,
        after: { name: 'rows.csv', sha256: sha(csv), mediaType: 'text/csv', documents: 1000, firstId: rows.first, lastId: rows.last },
      },
    ]);
    db.close();
  });

  it('an import completing rows an interrupted one left names them too, in its one entry', async () => {
    const dir = folder();
    const csv = writeCsv(dir, 800);
    const db = fresh();
    // What a killed import leaves: its first rows stored, marked 'importing', with no audit entry.
    for (let i = 1; i <= 300; i++) {
      documents.insert(db, {
        name: `rows.csv#r${i}`,
        sourcePath: csv,
        sha256: sha(csv),
        partKey: `r${i}`,
        mediaType: 'text/csv',
        sizeBytes: 10,
        pageCount: null,
        text: `Row ${i}, about the shipment`,
        status: 'importing',
        blobId: null,
      });
    }
    expect(importAudits(db)).toEqual([]);
    const report = await importPaths(db, { paths: [csv], csvColumn: 'note', idColumn: 'id' }, job());
    expect(report).toMatchObject({ imported: 800, duplicates: 0 });
    expect(importAudits(db).map((a) => a.after)).toEqual([
      { name: 'rows.csv', sha256: sha(csv), mediaType: 'text/csv', documents: 800, firstId: 1, lastId: 800 },
    ]);
    // Imported again: all duplicates, nothing new to audit.
    expect(await importPaths(db, { paths: [csv], csvColumn: 'note', idColumn: 'id' }, job())).toMatchObject({ imported: 0, duplicates: 800 });
    expect(importAudits(db)).toHaveLength(1);
    db.close();
  });
});

describe('row files keep no copy of their bytes', () => {
  it('stores no blob for CSV or JSONL rows, while a whole file keeps its bytes', async () => {
    const dir = folder();
    const csv = writeCsv(dir, 600);
    writeFileSync(join(dir, 'lines.jsonl'), '{"text":"first line"}\n{"text":"second line"}\n');
    writeFileSync(join(dir, 'note.txt'), 'A note, imported whole.');
    const db = fresh();
    const report = await importPaths(db, { paths: [csv, join(dir, 'lines.jsonl'), join(dir, 'note.txt')], csvColumn: 'note' }, job());
    expect(report).toMatchObject({ imported: 603, failed: [] });
    expect(db.prepare("SELECT count(*) AS n FROM documents WHERE part_key <> '' AND blob_id IS NOT NULL").get()).toEqual({ n: 0 });
    const note = documents.get(db, idOf(db, 'note.txt'))!;
    expect(db.prepare('SELECT id, size_bytes FROM blobs').all()).toEqual([{ id: note.blobId, size_bytes: 23 }]);
    db.close();
  });

  it('exports the CSV from its rows: header, column order and every other cell as imported', async () => {
    const dir = folder();
    const csv = writeCsv(dir, 700);
    const db = fresh();
    await importPaths(db, { paths: [csv], csvColumn: 'note' }, job());
    const out = folder();
    const report = await runExport(storeReader(db), { format: 'csv', outDir: out }, job());
    expect(report.ok).toBe(true);
    const written = readdirSync(out).filter((f) => f.endsWith('rows.csv'));
    expect(written).toHaveLength(1);
    expect(parse(readFileSync(join(out, written[0]!), 'utf8'))).toEqual(parse(readFileSync(csv, 'utf8')));
    db.close();
  });
});
