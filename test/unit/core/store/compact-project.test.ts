// Migration 008 (a compact project file): CSV/JSONL rows lose the copy of their file's bytes, and
// the full-text index keeps no positions (detail=none); the search must find what it found before.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../src-main/core/store/database.ts';
import { latestVersion, migrations } from '../../../../src-main/core/store/migrations/index.ts';
import { ftsQuery } from '../../../../src-main/core/store/queries/documents.ts';
import { addDocument, createProject, tempProjectPath } from './project-fixture.ts';

/** The documents a search finds, as the documents table asks the index (document-table.ts). */
function search(db: Db, typed: string): number[] {
  const query = ftsQuery(typed);
  if (query === null) return [];
  return (db.prepare('SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid').all(query) as Array<{ id: number }>).map((r) => r.id);
}

const SHA_CSV = 'c'.repeat(64);
const SHA_PDF = 'p'.repeat(64);

/** A schema-7 project as the import wrote it: CSV rows pointing at the whole CSV's blob, a PDF at its own. */
function schema7Project(): string {
  const path = tempProjectPath();
  const raw = new Database(path);
  for (const m of migrations.filter((m) => m.version <= 7)) raw.exec(m.sql);
  raw.pragma('user_version = 7');
  raw.pragma('application_id = 1146045259');
  const blob = raw.prepare('INSERT INTO blobs (id, sha256, size_bytes) VALUES (?, ?, ?)');
  const chunk = raw.prepare('INSERT INTO blob_chunks (blob_id, seq, data) VALUES (?, ?, ?)');
  blob.run(1, SHA_CSV, 8);
  chunk.run(1, 0, Buffer.from('csv-data'));
  blob.run(2, SHA_PDF, 8);
  chunk.run(2, 0, Buffer.from('%PDF-1.7'));
  blob.run(3, 'o'.repeat(64), 6); // left by an import whose clean-up failed: no document points at it
  chunk.run(3, 0, Buffer.from('orphan'));
  const doc = raw.prepare(
    `INSERT INTO documents (name, source_path, sha256, part_key, media_type, size_bytes, text, metadata, blob_id, imported_at)
     VALUES (?, '/in/x', ?, ?, ?, 10, ?, '{}', ?, '2025-01-01T00:00:00.000Z')`,
  );
  const auditImport = raw.prepare(
    "INSERT INTO audit_log (at, actor, action, entity, entity_id, after) VALUES ('t', 'import', 'document.import', 'document', ?, '{}')",
  );
  const rows = ['Zoë paid the invoice', 'Résumé of the café visit', 'Nothing to see'];
  rows.forEach((text, i) => auditImport.run(doc.run(`people.csv#${i + 1}`, SHA_CSV, String(i + 1), 'text/csv', text, 1).lastInsertRowid));
  auditImport.run(doc.run('report_2024.pdf', SHA_PDF, '', 'application/pdf', 'Quarterly figures for Ångström Ltd', 2).lastInsertRowid);
  raw.close();
  return path;
}

describe('migration 008 on a schema-7 project', () => {
  it('drops the blob only CSV rows used (and orphans), keeps the PDF bytes and the old audit entries, and backs the file up', () => {
    const path = schema7Project();
    const db = openDatabase(path);
    expect(latestVersion).toBeGreaterThanOrEqual(8);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(existsSync(`${path}.v7.bak`)).toBe(true);
    expect(db.prepare('SELECT name, blob_id FROM documents ORDER BY id').all()).toEqual([
      { name: 'people.csv#1', blob_id: null },
      { name: 'people.csv#2', blob_id: null },
      { name: 'people.csv#3', blob_id: null },
      { name: 'report_2024.pdf', blob_id: 2 },
    ]);
    expect(db.prepare('SELECT id, sha256 FROM blobs').all()).toEqual([{ id: 2, sha256: SHA_PDF }]);
    expect(db.prepare('SELECT blob_id, data FROM blob_chunks').all()).toEqual([{ blob_id: 2, data: Buffer.from('%PDF-1.7') }]);
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'document.import'").get()).toEqual({ n: 4 });
    db.close();
  });

  it('rebuilds the full-text index without positions or sizes, and finds the same documents as before', () => {
    const db = openDatabase(schema7Project());
    const fts = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").get() as { sql: string }).sql;
    expect(fts).toMatch(/detail=none/);
    expect(fts).toMatch(/columnsize=0/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'documents_fts_docsize'").get()).toBeUndefined();
    expect(search(db, 'zoe')).toEqual([1]); // diacritics folded, rebuilt from the rows
    expect(search(db, 'CAF resu')).toEqual([2]); // prefixes, every word
    expect(search(db, 'caf zoe')).toEqual([]);
    expect(search(db, 'angstrom')).toEqual([4]);
    expect(search(db, 'people.csv')).toEqual([1, 2, 3]); // the name is indexed too
    expect(search(db, 'report_2024')).toEqual([4]);
    db.close();
  });

  it('keeps the index in step after the migration: new, changed and deleted documents', () => {
    const db = openDatabase(schema7Project());
    const id = addDocument(db, 'later.txt', 'A letter from Señor Muñoz');
    expect(search(db, 'munoz senor')).toEqual([id]);
    db.prepare('UPDATE documents SET text = ? WHERE id = ?').run('A letter from Dr Quist', id);
    expect(search(db, 'munoz')).toEqual([]);
    expect(search(db, 'quist')).toEqual([id]);
    db.prepare('DELETE FROM documents WHERE id = ?').run(id);
    expect(search(db, 'quist')).toEqual([]);
    // The index against the documents themselves: it throws (SQLITE_CORRUPT_VTAB) where they differ.
    expect(() => db.prepare("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    db.close();
  });
});

describe('search on the compact index', () => {
  it('finds prefixes, folds diacritics, needs every word, and reads punctuation and underscores as separators', () => {
    const { db } = createProject();
    const a = addDocument(db, 'mail_2024-03.txt', 'Grüße aus Köln — naïve café, order #A-1024.');
    const b = addDocument(db, 'notes.md', 'Ship the order_form to Koln by Friday.');
    expect(search(db, 'koln')).toEqual([a, b]);
    expect(search(db, 'GRUSSE')).toEqual([]); // ß is not folded to ss by unicode61, as before
    expect(search(db, 'grü naive')).toEqual([a]);
    expect(search(db, 'order')).toEqual([a, b]);
    expect(search(db, 'order_form')).toEqual([b]);
    expect(search(db, 'a-10')).toEqual([a]);
    expect(search(db, 'mail_2024')).toEqual([a]);
    expect(search(db, '"quoted" OR NOT')).toEqual([]); // query syntax is never syntax
    expect(search(db, '— ,')).toEqual([]);
    db.close();
  });

  it('never hands the index a term it splits in two (a phrase, refused without positions): every letter and digit', () => {
    const { db } = createProject();
    addDocument(db, 'x.txt', 'x');
    const letters: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (/[\p{L}\p{N}]/u.test(c)) letters.push(c);
    }
    const refused: string[] = [];
    for (let i = 0; i < letters.length; i += 400) {
      const word = `a${letters.slice(i, i + 400).join('')}b`;
      try {
        search(db, word);
      } catch (error) {
        refused.push(`${letters[i]!.codePointAt(0)!.toString(16)}…: ${(error as Error).message}`);
      }
    }
    expect(refused).toEqual([]);
    db.close();
  });
});
