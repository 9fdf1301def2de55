import Database from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { StoreError } from './errors.ts';
import { latestVersion, migrations } from './migrations/index.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file if it does not exist (docket init). Otherwise a missing file is an error. */
  create?: boolean;
  readonly?: boolean;
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

/** Opens a project file, applying pending migrations. The one way any code gets a connection. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const exists = existsSync(path);
  if (!exists && !options.create) {
    throw new StoreError('not_found', `Project file ${path} does not exist. Create it with "docket init ${path}".`);
  }
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

function configure(db: Db, readonly: boolean): void {
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // Another Docket process (CLI while the app is open) may hold the write lock briefly.
  db.pragma('busy_timeout = 5000');
}

function userVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function assertVersionSupported(db: Db, path: string): void {
  const current = userVersion(db);
  if (current > latestVersion) {
    throw new StoreError(
      'too_new',
      `${path} was written by a newer Docket (schema ${current}, this version knows ${latestVersion}). Update Docket to open it.`,
    );
  }
}

// 'DOCK': marks the file as ours, so another app's SQLite file is never migrated by mistake.
const APPLICATION_ID = 0x444f434b;

function migrate(db: Db, path: string, existed: boolean): void {
  assertVersionSupported(db, path);
  const current = userVersion(db);
  const appId = db.pragma('application_id', { simple: true }) as number;
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number }).n;
  if ((current > 0 && appId !== APPLICATION_ID) || (current === 0 && tables > 0)) {
    throw new StoreError('not_a_project', `${path} is an SQLite file but not a Docket project; open a .docket file or create one with "docket init".`);
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  if (existed && current > 0) {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new StoreError('corrupt', `${path} failed its integrity check (${String(check)}); restore a copy.`);
    // A copy of the pre-migration file, so a failed or regretted upgrade loses nothing.
    db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(path, `${path}.v${current}.bak`);
  }
  const apply = db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  });
  apply();
}
