import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Which project files this user's Docket closed cleanly, and how they were then: size, mtime,
// inode. Opening runs SQLite's quick_check, which reads the whole file (8 s at a million
// documents); a file unchanged since Docket closed it, with no write-ahead log left beside it,
// was sound then and is not read through again. Any change (another program, a copy, a restore,
// a crash that left a -wal file) brings the full check back. What this cannot see is damage
// that keeps the size and mtime (a disk going bad under an unchanged file).

const MAX_ENTRIES = 200;

export interface CheckRecord {
  /** The file is as Docket last closed it (and found it sound when it opened it). */
  unchanged(path: string): boolean;
  /** Notes the file as Docket leaves it; call after its last connection closed. */
  remember(path: string): void;
}

function stamp(path: string): string | null {
  try {
    const wal = `${path}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0) return null;
    const s = statSync(path, { bigint: true });
    return `${s.size}:${s.mtimeNs}:${s.ino}:${s.dev}`;
  } catch {
    return null;
  }
}

export function checkRecordAt(file: string): CheckRecord {
  const read = (): Record<string, string> => {
    try {
      const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  return {
    unchanged(path) {
      const now = stamp(path);
      return now !== null && read()[resolve(path)] === now;
    },
    remember(path) {
      const now = stamp(path);
      const entries = Object.entries(read()).filter(([p]) => p !== resolve(path));
      if (now !== null) entries.push([resolve(path), now]);
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(Object.fromEntries(entries.slice(-MAX_ENTRIES))), { mode: 0o600 });
      renameSync(temp, file);
    },
  };
}
