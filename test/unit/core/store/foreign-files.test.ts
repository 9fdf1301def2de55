// Files that are not sound Docket projects of this version: every command refuses them with a
// clear message and exit 1, and leaves them, and their folder, exactly as they were.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli.ts';
import { addDocument, createProject, damagedProject } from './project-fixture.ts';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function foreign(journal: 'WAL' | 'DELETE'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'docket-foreign-')), 'other.docket');
  const db = new Database(path);
  db.pragma(`journal_mode = ${journal}`);
  db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');");
  db.pragma('user_version = 3');
  db.close();
  return path;
}

function newer(journal: 'WAL' | 'DELETE'): string {
  const { db, path } = createProject();
  addDocument(db, 'a.txt', 'hello');
  db.close();
  const raw = new Database(path);
  raw.pragma(`journal_mode = ${journal}`);
  raw.pragma('user_version = 999');
  raw.close();
  return path;
}

function empty(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'docket-empty-')), 'empty.docket');
  writeFileSync(path, '');
  return path;
}

const cases: Array<[string, () => string, RegExp]> = [
  ["another application's SQLite file (WAL)", () => foreign('WAL'), /SQLite database of another application, not a Docket project; it was not changed/],
  ["another application's SQLite file (rollback journal)", () => foreign('DELETE'), /SQLite database of another application/],
  ['a 0-byte file', empty, /empty file, not a Docket project/],
  ['a project of a newer Docket (WAL)', () => newer('WAL'), /newer Docket \(schema 999.*not changed\. Update Docket/],
  ['a project of a newer Docket (rollback journal)', () => newer('DELETE'), /newer Docket \(schema 999/],
  ['a damaged project', damagedProject, /is damaged .*not changed\. Restore a copy/],
];

describe('files that are not sound Docket projects', () => {
  it.each(cases)(
    '%s: every command refuses with exit 1, the bytes and the folder unchanged',
    async (_name, make, message) => {
      const path = make();
      const before = sha(path);
      const dir = join(path, '..');
      const listing = readdirSync(dir).sort();
      const text = join(mkdtempSync(join(tmpdir(), 'docket-in-')), 'n.txt');
      writeFileSync(text, 'a note');
      for (const args of [
        ['docs', path],
        ['show', path, '1'],
        ['import', path, text],
        ['detect', path, '--patterns'],
        ['review', path, '--accept-all'],
      ]) {
        const result = await cli(...args);
        expect(result.code, args.join(' ')).toBe(1);
        expect(result.stderr, args.join(' ')).toMatch(message);
        expect(result.stderr).not.toMatch(/SqliteError|\n\s+at /);
      }
      expect(sha(path)).toBe(before);
      expect(readdirSync(dir).sort()).toEqual(listing);
    },
    60_000,
  );
});
