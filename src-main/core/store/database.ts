import Database from 'better-sqlite3';
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { StoreError } from './errors.ts';
import { latestVersion, migrations, type Migration } from './migrations/index.ts';
import type { CheckRecord } from './check-record.ts';
import { APPLICATION_ID, readProjectHeader } from './project-file.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file if it does not exist (docket init). Otherwise a missing file is an error. */
  create?: boolean;
  readonly?: boolean;
  /**
   * The file was opened and checked by the process that asked for this connection (a job
   * process working for the app): the header and quick_check need not be read again.
   */
  checked?: boolean;
  /** Files Docket closed cleanly: one unchanged since gets the header checks, not quick_check. */
  checkRecord?: CheckRecord;
}

/**
 * Runs `work` as one write transaction that begins as a writer (BEGIN IMMEDIATE). A deferred
 * transaction that reads first cannot wait for another process's write lock (SQLITE_BUSY_SNAPSHOT
 * fails at once, whatever the busy timeout); one that asks for the lock up front waits for it.
 * Every write of the project goes through here, so the CLI and the app can share a file.
 */
export function writeTransaction<T>(db: Db, work: () => T): T {
  return db.transaction(work).immediate();
}

/**
 * Opens a project file, applying pending migrations. The one way any code gets a connection.
 * Nothing is written to a file before it is known to be a sound Docket project of a schema this
 * Docket knows: the header is read first, then a read-only connection checks the application
 * id, the version and `quick_check`; only then is it opened for writing (and switched to WAL).
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const exists = existsSync(path);
  if (!exists && !options.create) {
    throw new StoreError('not_found', `Project file ${path} does not exist. Create it with "docket init ${path}".`);
  }
  // An empty file where a new project is to be created (a save dialog may leave one) becomes it.
  if (exists && !options.checked && !(options.create && statSync(path).size === 0)) checkProjectFile(path, !options.checkRecord?.unchanged(path));
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: !options.create });
  } catch (error) {
    throw new StoreError('open_failed', `Cannot open project ${path}: ${(error as Error).message}`);
  }
  try {
    configure(db, options.readonly ?? false);
    if (!options.readonly) migrate(db, path, exists);
    else assertVersionSupported(db, path);
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError('not_a_project', `${path} is not a Docket project (${(error as Error).message}).`);
  }
  return db;
}

/**
 * Refuses a file that is not a sound Docket project this Docket can open, leaving it (and its
 * folder) as it was. `readThrough`: also run quick_check over every page.
 */
function checkProjectFile(path: string, readThrough: boolean): void {
  const header = readProjectHeader(path);
  if (header && header.userVersion > latestVersion) throw tooNew(path, header.userVersion);
  const companions = [`${path}-wal`, `${path}-shm`].filter((f) => !existsSync(f));
  let db: Db | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    assertVersionSupported(db, path);
    assertOurs(db, path);
    const problems = (readThrough ? (db.pragma('quick_check(20)') as Array<{ quick_check: string }>) : [])
      .flatMap((r) => r.quick_check.split('\n'))
      .filter((p) => p !== 'ok' && !p.startsWith('***'));
    if (problems.length > 0) {
      const more = problems.length > 1 ? `, and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''}` : '';
      throw damagedFile(path, `${problems[0]}${more}`);
    }
  } catch (error) {
    db?.close();
    db = null;
    for (const f of companions) rmSync(f, { force: true }); // what SQLite made for the check goes again
    if (error instanceof StoreError) throw error;
    if ((error as { code?: string }).code === 'SQLITE_CORRUPT') throw damagedFile(path, (error as Error).message);
    throw new StoreError('not_a_project', `${path} cannot be read as a Docket project (${(error as Error).message}); it was not changed.`);
  } finally {
    db?.close();
  }
}

/**
 * The page size of a new project. A 4 KB page of documents leaves about half a row unused at its
 * end (a CSV row of 470 bytes: 5% of the file); an 8 KB one half that. Larger pages save no
 * more, and every read of a row or an index entry reads its whole page.
 */
const PAGE_SIZE = 8192;

function configure(db: Db, readonly: boolean): void {
  // Only an empty file takes a page size (WAL fixes it from the first write on).
  if (!readonly && (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // Another Docket process (CLI while the app is open) may hold the write lock briefly.
  db.pragma('busy_timeout = 5000');
}

function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function damagedFile(path: string, problem: string): StoreError {
  return new StoreError('corrupt', `${path} is damaged (${problem}); it was not changed. Restore a copy (a .bak file beside it, or your backup).`);
}

function tooNew(path: string, version: number): StoreError {
  return new StoreError(
    'too_new',
    `${path} was written by a newer Docket (schema ${version}, this version knows ${latestVersion}); it was not changed. Update Docket to open it.`,
  );
}

function assertVersionSupported(db: Db, path: string): void {
  const current = userVersion(db);
  if (current > latestVersion) throw tooNew(path, current);
}

/** Another application's SQLite file is never migrated by mistake. */
function assertOurs(db: Db, path: string): void {
  const current = userVersion(db);
  const appId = db.pragma('application_id', { simple: true }) as number;
  const tables = (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
  if ((current > 0 && appId !== APPLICATION_ID) || (current === 0 && tables > 0)) {
    throw new StoreError('not_a_project', `${path} is an SQLite database of another application, not a Docket project; it was not changed.`);
  }
}

function migrate(db: Db, path: string, existed: boolean): void {
  assertVersionSupported(db, path);
  assertOurs(db, path);
  const current = userVersion(db);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  if (existed && current > 0) {
    // A copy of the pre-migration file, so a failed or regretted upgrade loses nothing.
    db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(path, `${path}.v${current}.bak`);
  }
  // Each migration commits on its own, so a failure leaves the file at the last one that held.
  for (const m of pending) (m.rebuildsTables ? applyRebuild : applyOne)(db, m, path);
}

function applyOne(db: Db, m: Migration): void {
  db.transaction(() => {
    db.exec(m.sql);
    db.pragma(`user_version = ${m.version}`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
  })();
}

/**
 * A table rebuild drops and renames a table others reference: with foreign keys on, the drop would
 * cascade to them. They are off for it alone (SQLite lets them change only outside a transaction;
 * other migrations rely on cascades) and every reference is checked before it commits.
 */
function applyRebuild(db: Db, m: Migration, path: string): void {
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      db.exec(m.sql);
      assertReferencesHold(db, path, m.version);
      db.pragma(`user_version = ${m.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

function assertReferencesHold(db: Db, path: string, version: number): void {
  const broken = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>;
  if (broken.length === 0) return;
  const first = broken[0]!;
  throw new StoreError(
    'corrupt',
    `${path} is damaged: it has rows that point at rows that are not there (${broken.length}, the first in ${first.table}, at ${first.parent}). ` +
      `The upgrade to schema ${version} was not applied; the file is at schema ${version - 1}, and a copy from before the upgrade is beside it (.bak). Restore a copy or your backup.`,
  );
}
