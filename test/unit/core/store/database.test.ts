import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/core/store/database.ts';
import { latestVersion, migrations } from '../../../../src-main/core/store/migrations/index.ts';
import { APPLICATION_ID } from '../../../../src-main/core/store/project-file.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'docket-db-'));

describe('openDatabase', () => {
  it('creates a project at the latest schema with WAL and foreign keys', () => {
    const path = join(dir(), 'p.docket');
    const db = openDatabase(path, { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a missing file unless asked to create it', () => {
    expect(() => openDatabase(join(dir(), 'missing.docket'))).toThrow(/does not exist.*docket init/);
  });

  it('refuses a file from a newer Docket', () => {
    const path = join(dir(), 'new.docket');
    openDatabase(path, { create: true }).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${latestVersion + 1}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(/newer Docket/);
  });

  it('refuses files that are not Docket projects, naming them', () => {
    const junk = join(dir(), 'junk.docket');
    writeFileSync(junk, 'this is not sqlite at all, just some text'.repeat(200));
    expect(() => openDatabase(junk)).toThrow(/junk\.docket/);
    const other = join(dir(), 'other.sqlite');
    const raw = new Database(other);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    expect(() => openDatabase(other)).toThrow(/not a Docket project/);
  });

  it('keeps the audit log append-only', () => {
    const db = openDatabase(join(dir(), 'a.docket'), { create: true });
    db.prepare("INSERT INTO audit_log (at, actor, action, entity) VALUES ('t', 'human', 'x', 'span')").run();
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
    db.close();
  });

  it('makes a new project of 8 KB pages, and leaves a project made before with the pages it has', () => {
    const path = join(dir(), 'pages.docket');
    openDatabase(path, { create: true }).close();
    const reopened = openDatabase(path);
    expect(reopened.pragma('page_size', { simple: true })).toBe(8192);
    reopened.close();
    // Made by a Docket of 4 KB pages (SQLite's default): the schema is there, so it keeps them.
    const older = join(dir(), 'older.docket');
    const raw = new Database(older);
    raw.pragma('page_size = 4096');
    for (const m of migrations) raw.exec(m.sql);
    raw.pragma(`user_version = ${latestVersion}`);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.close();
    const db = openDatabase(older);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    db.close();
  });

  it('does not back up a freshly created file', () => {
    const path = join(dir(), 'fresh.docket');
    openDatabase(path, { create: true }).close();
    expect(existsSync(`${path}.v0.bak`)).toBe(false);
  });
});

describe('query plans', () => {
  it("answers each documents-table figure from the row's own spans and labels, never by scanning a status", () => {
    const db = openDatabase(join(dir(), 'p.docket'), { create: true });
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    const figures = plan(`SELECT
      (SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.status != 'rejected'),
      (SELECT min(s.score) FROM spans s WHERE s.document_id = d.id AND s.status = 'proposed'),
      (SELECT min(l.score) FROM doc_labels l WHERE l.document_id = d.id AND l.status = 'proposed')
      FROM documents d`);
    expect(figures).toContain('spans_document_status');
    expect(figures).toContain('doc_labels_document_status');
    expect(figures).not.toMatch(/USING (COVERING )?INDEX (spans_score|doc_labels_score) \(status=\?\)/);
    db.close();
  });
});
