// Opening a project reads it through with quick_check unless Docket closed it cleanly and it has
// not changed since: the record of clean closes, the app writing it, and the store honouring it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { App, defaultPaths } from '../../../../src-main/core/app.ts';
import { checkRecordAt, type CheckRecord } from '../../../../src-main/core/store/check-record.ts';
import { openDatabase } from '../../../../src-main/core/store/database.ts';
import { addDocument, createProject, damagedProject } from './project-fixture.ts';

const record = (unchanged: boolean): CheckRecord => ({ unchanged: () => unchanged, remember: () => {} });

describe('the record of cleanly closed projects', () => {
  it('is what decides whether opening reads the file through', () => {
    const path = damagedProject();
    expect(() => openDatabase(path, { checkRecord: record(false) })).toThrow(/is damaged/);
    expect(() => openDatabase(path)).toThrow(/is damaged/);
    // As recorded: only the header, version and application id are read (damage there is still refused).
    openDatabase(path, { readonly: true, checkRecord: record(true) }).close();
    const notOurs = join(mkdtempSync(join(tmpdir(), 'docket-record-')), 'x.docket');
    writeFileSync(notOurs, 'not a database at all, but long enough to have a header of some kind.'.repeat(10));
    expect(() => openDatabase(notOurs, { checkRecord: record(true) })).toThrow(/not a Docket project|cannot be read/);
  });

  it('notes a file the app closes, and forgets it once the file changes or has a write-ahead log', () => {
    const userData = mkdtempSync(join(tmpdir(), 'docket-user-'));
    const { db, path } = createProject();
    addDocument(db, 'a.txt', 'alpha');
    db.close();
    const checks = checkRecordAt(join(userData, 'checked-projects.json'));
    expect(checks.unchanged(path)).toBe(false);
    const app = new App(defaultPaths(userData));
    app.open(path);
    expect(checks.unchanged(path)).toBe(false); // open: it has a write-ahead log
    return app.close().then(() => {
      expect(checks.unchanged(path)).toBe(true);
      const other = openDatabase(path);
      addDocument(other, 'b.txt', 'beta');
      expect(checks.unchanged(path)).toBe(false);
      other.close();
      expect(checks.unchanged(path)).toBe(false); // written by another process since
    });
  });
});
