// Migration 009 and the sources table: a file's SHA-256, path, media type, import time and shared
// metadata (a CSV's header) kept once, for all its rows. A project made before must read back
// exactly as it did (every document record, span, page, search hit), and duplicates, re-imports
// and deletes must work by file as they did by row.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../../../src-main/core/ingest/import-job.ts';
import { openDatabase, type Db } from '../../../../src-main/core/store/database.ts';
import { latestVersion, migrations } from '../../../../src-main/core/store/migrations/index.ts';
import * as documents from '../../../../src-main/core/store/queries/documents.ts';
import { tempProjectPath } from './project-fixture.ts';

const SHA_CSV = 'c'.repeat(64);
const SHA_PDF = 'p'.repeat(64);
const HEADER = ['id', 'priority', 'text'];
const csvMeta = (row: number) => ({ csv: { header: HEADER, textColumn: 'text', rowNumber: row, row: { id: `T-${row}`, priority: 'high' } } });

/** A schema-8 project as the import wrote it: three CSV rows with their header each, a PDF with its bytes, a page and spans. */
function schema8Project(options: { dangling?: boolean } = {}): string {
  const path = tempProjectPath();
  const raw = new Database(path);
  raw.pragma('foreign_keys = OFF');
  for (const m of migrations.filter((m) => m.version <= 8)) raw.exec(m.sql);
  raw.pragma('user_version = 8');
  raw.pragma('application_id = 1146045259');
  raw.prepare('INSERT INTO blobs (id, sha256, size_bytes) VALUES (1, ?, 8)').run(SHA_PDF);
  raw.prepare("INSERT INTO blob_chunks (blob_id, seq, data) VALUES (1, 0, x'255044462d312e37')").run();
  const doc = raw.prepare(
    `INSERT INTO documents (name, source_path, sha256, part_key, media_type, size_bytes, page_count, text, status, metadata, blob_id, imported_at)
     VALUES (?, ?, ?, ?, ?, 10, ?, ?, ?, ?, ?, ?)`,
  );
  const texts = ['Zoë paid the invoice', 'Résumé of the café visit', 'Nothing to see'];
  texts.forEach((text, i) =>
    doc.run(
      `tickets.csv#T-${i + 1}`,
      '/in/tickets.csv',
      SHA_CSV,
      `T-${i + 1}`,
      'text/csv',
      null,
      text,
      'imported',
      JSON.stringify(csvMeta(i + 1)),
      null,
      `2025-01-01T00:00:0${i}.000Z`,
    ),
  );
  doc.run(
    'report.pdf',
    '/in/report.pdf',
    SHA_PDF,
    '',
    'application/pdf',
    1,
    'Quarterly figures for Ångström Ltd',
    'needs_ocr',
    '{}',
    1,
    '2025-02-01T00:00:00.000Z',
  );
  raw.prepare('INSERT INTO pages (document_id, page_no, width, height, text_start, text_end) VALUES (4, 1, 612, 792, 0, 34)').run();
  const span = raw.prepare(
    "INSERT INTO spans (document_id, start, end, label, score, source, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'model', ?, 'x', 'x')",
  );
  span.run(1, 0, 3, 'PERSON', 0.9, 'accepted');
  span.run(4, 22, 30, 'ORG', 0.4, 'proposed');
  if (options.dangling) span.run(99, 0, 1, 'PERSON', 0.5, 'proposed');
  raw.close();
  return path;
}

/** What a document record said before 009, for the schema-8 rows above. */
const before = [
  {
    id: 1,
    name: 'tickets.csv#T-1',
    sourcePath: '/in/tickets.csv',
    sha256: SHA_CSV,
    partKey: 'T-1',
    mediaType: 'text/csv',
    metadata: csvMeta(1),
    blobId: null,
    importedAt: '2025-01-01T00:00:00.000Z',
    status: 'imported',
  },
  {
    id: 2,
    name: 'tickets.csv#T-2',
    sourcePath: '/in/tickets.csv',
    sha256: SHA_CSV,
    partKey: 'T-2',
    mediaType: 'text/csv',
    metadata: csvMeta(2),
    blobId: null,
    status: 'imported',
  },
  {
    id: 3,
    name: 'tickets.csv#T-3',
    sourcePath: '/in/tickets.csv',
    sha256: SHA_CSV,
    partKey: 'T-3',
    mediaType: 'text/csv',
    metadata: csvMeta(3),
    blobId: null,
    status: 'imported',
  },
  {
    id: 4,
    name: 'report.pdf',
    sourcePath: '/in/report.pdf',
    sha256: SHA_PDF,
    partKey: '',
    mediaType: 'application/pdf',
    metadata: {},
    blobId: 1,
    importedAt: '2025-02-01T00:00:00.000Z',
    pageCount: 1,
    status: 'needs_ocr',
  },
];

let db: Db | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

describe('migration 009 on a schema-8 project', () => {
  it('reads every document back as before, one source per file, the header stored once', () => {
    const path = schema8Project();
    db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(existsSync(`${path}.v8.bak`)).toBe(true);
    for (const expected of before) expect(documents.get(db, expected.id)).toMatchObject(expected);
    expect(documents.text(db, 2)).toBe('Résumé of the café visit');
    expect(db.prepare('SELECT sha256, path, media_type FROM sources ORDER BY id').all()).toEqual([
      { sha256: SHA_CSV, path: '/in/tickets.csv', media_type: 'text/csv' },
      { sha256: SHA_PDF, path: '/in/report.pdf', media_type: 'application/pdf' },
    ]);
    // The rows keep only their own cells; the header is the source's.
    const stored = db.prepare('SELECT metadata FROM documents WHERE id = 2').get() as { metadata: string };
    expect(JSON.parse(stored.metadata)).toEqual({ csv: { rowNumber: 2, row: { id: 'T-2', priority: 'high' } } });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE sql LIKE '%sha256%' AND tbl_name = 'documents'").get()).toEqual({ n: 0 });
  });

  it('keeps spans, pages, figures, tallies and the search on their documents', () => {
    db = openDatabase(schema8Project());
    expect(db.prepare('SELECT document_id, label FROM spans ORDER BY id').all()).toEqual([
      { document_id: 1, label: 'PERSON' },
      { document_id: 4, label: 'ORG' },
    ]);
    expect(db.prepare('SELECT document_id, page_no FROM pages').all()).toEqual([{ document_id: 4, page_no: 1 }]);
    expect(db.prepare('SELECT document_id, span_count, span_min FROM document_figures WHERE span_count > 0 ORDER BY 1').all()).toEqual([
      { document_id: 1, span_count: 1, span_min: null },
      { document_id: 4, span_count: 1, span_min: 0.4 },
    ]);
    const query = documents.ftsQuery('angstrom');
    expect(db.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?').all(query)).toEqual([{ rowid: 4 }]);
    // The triggers were made again on the new table: a new document is counted and indexed.
    const id = documents.insert(db, {
      name: 'new.txt',
      sourcePath: '/in/new.txt',
      sha256: 'n'.repeat(64),
      mediaType: 'text/plain',
      sizeBytes: 3,
      pageCount: null,
      text: 'fjord',
      blobId: null,
    });
    expect(db.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?').all(documents.ftsQuery('fjord'))).toEqual([{ rowid: id }]);
    expect(db.prepare("SELECT n FROM tallies WHERE kind = 'document' AND status = 'imported'").get()).toEqual({ n: 4 });
    expect(db.prepare('SELECT document_id FROM document_figures WHERE document_id = ?').get(id)).toEqual({ document_id: id });
    // Cascades still reach the new table's rows.
    documents.remove(db, [4]);
    expect(db.prepare('SELECT count(*) AS n FROM pages').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM spans WHERE document_id = 4').get()).toEqual({ n: 0 });
  });

  it('refuses a file whose rows point at documents that are not there, and leaves it at schema 8', () => {
    const path = schema8Project({ dangling: true });
    expect(() => openDatabase(path)).toThrow(/rows that point at rows that are not there \(1, the first in spans, at documents\).*schema 9 was not applied/);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(8);
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'sources'").get()).toEqual({ n: 0 });
    raw.close();
  });
});

describe('sources of imported files', () => {
  const csv = (rows: number) => {
    const path = join(mkdtempSync(join(tmpdir(), 'docket-sources-')), 'tickets.csv');
    writeFileSync(path, 'id,priority,text\n' + Array.from({ length: rows }, (_, i) => `T-${i},low,ticket ${i} text`).join('\n') + '\n');
    return path;
  };
  const quiet = () => ({ signal: new AbortController().signal, report: () => {} });

  it('stores a CSV once as a source, finds its rows again as duplicates, and forgets it with its last row', async () => {
    db = openDatabase(tempProjectPath(), { create: true });
    const path = csv(5);
    const first = await importPaths(db, { paths: [path], csvColumn: 'text' }, quiet());
    expect(first.imported).toBe(5);
    expect(db.prepare('SELECT count(*) AS n FROM sources').get()).toEqual({ n: 1 });
    expect(documents.get(db, first.documentIds[2]!)!.metadata).toEqual({
      csv: { header: ['id', 'priority', 'text'], textColumn: 'text', rowNumber: 3, row: { id: 'T-2', priority: 'low' } },
    });
    const again = await importPaths(db, { paths: [path], csvColumn: 'text' }, quiet());
    expect(again).toMatchObject({ imported: 0, duplicates: 5 });
    documents.remove(db, first.documentIds.slice(0, 4));
    expect(db.prepare('SELECT count(*) AS n FROM sources').get()).toEqual({ n: 1 });
    documents.remove(db, first.documentIds.slice(4));
    expect(db.prepare('SELECT count(*) AS n FROM sources').get()).toEqual({ n: 0 });
    const third = await importPaths(db, { paths: [path], csvColumn: 'text' }, quiet());
    expect(third).toMatchObject({ imported: 5, duplicates: 0 });
  });

  it("keeps a row's cells as values in the header's order, and gives them back by column", async () => {
    db = openDatabase(tempProjectPath(), { create: true });
    const { documentIds } = await importPaths(db, { paths: [csv(3)], csvColumn: 'text' }, quiet());
    const stored = db.prepare('SELECT metadata FROM documents WHERE id = ?').get(documentIds[1]) as { metadata: string };
    expect(JSON.parse(stored.metadata)).toEqual({ csv: { rowNumber: 2, cells: ['T-1', 'low'] } });
    expect(documents.get(db, documentIds[1]!)!.metadata).toEqual({
      csv: { header: ['id', 'priority', 'text'], textColumn: 'text', rowNumber: 2, row: { id: 'T-1', priority: 'low' } },
    });
  });

  it('gives the rows of a file imported again with other columns their own header and text column', async () => {
    db = openDatabase(tempProjectPath(), { create: true });
    const path = join(mkdtempSync(join(tmpdir(), 'docket-sources-')), 'notes.csv');
    writeFileSync(path, 'id,ref,a,b\n1,r1,first a,first b\n2,r2,second a,second b\n');
    const byA = await importPaths(db, { paths: [path], csvColumn: 'a' }, quiet());
    const byB = await importPaths(db, { paths: [path], csvColumn: 'b', idColumn: 'ref' }, quiet());
    expect(byB.imported).toBe(2);
    expect(db.prepare('SELECT count(*) AS n FROM sources').get()).toEqual({ n: 1 });
    expect(documents.get(db, byA.documentIds[0]!)!.metadata.csv).toMatchObject({ textColumn: 'a', row: { id: '1', ref: 'r1', b: 'first b' } });
    expect(documents.text(db, byB.documentIds[0]!)).toBe('first b');
    expect(documents.get(db, byB.documentIds[0]!)!.metadata.csv).toMatchObject({ textColumn: 'b', row: { id: '1', ref: 'r1', a: 'first a' } });
  });
});
