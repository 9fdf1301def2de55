// What a file is, read from its first 100 bytes before SQLite touches it. Opening a file with
// SQLite read-write (and switching it to WAL) changes it; a file that is not a Docket project,
// is newer than this Docket, or is damaged must come out of a refusal byte for byte as it went in.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { StoreError } from './errors.ts';

/** 'DOCK' in the SQLite header's application id: marks the file as a Docket project. */
export const APPLICATION_ID = 0x444f434b;
const MAGIC = 'SQLite format 3\0';

export interface ProjectHeader {
  /** PRAGMA user_version as the main file's header holds it. */
  userVersion: number;
  /** 2 when the file is in WAL mode. */
  writeVersion: number;
}

/**
 * Reads and checks a project file's header: an empty file, a file that is not SQLite, or an
 * SQLite file of another application is refused with the reason. When a non-empty `-wal` file
 * sits beside it the header may be stale (a crash before checkpoint), so the caller's SQLite
 * checks decide; then this returns null.
 */
export function readProjectHeader(path: string): ProjectHeader | null {
  const size = statSync(path).size;
  if (size === 0)
    throw new StoreError('not_a_project', `${path} is an empty file, not a Docket project; create a project with "docket init" (it must not exist yet).`);
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (header.subarray(0, 16).toString('latin1') !== MAGIC) {
    throw new StoreError('not_a_project', `${path} is not a Docket project (not an SQLite database at all); open a .docket file.`);
  }
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) return null;
  const applicationId = header.readUInt32BE(68);
  if (applicationId !== APPLICATION_ID) {
    throw new StoreError('not_a_project', `${path} is an SQLite database of another application, not a Docket project; it was not changed.`);
  }
  return { userVersion: header.readUInt32BE(60), writeVersion: header[18]! };
}
