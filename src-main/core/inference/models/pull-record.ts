// .docket-pull.json in an installed model folder: what was pulled, from where, at which commit,
// and the checked hash of every file. Written by pull.ts; read by pullRecord(dir) for the
// registry, the UI and `docket models list`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OnnxDtype } from './dtypes.ts';
import type { Verification } from './download.ts';

export const PULL_RECORD_FILE = '.docket-pull.json';

export interface PullRecordFile {
  path: string;
  size: number;
  sha256: string;
  /** What the file was checked against: the hub's sha256 (LFS), its git blob sha1 (small files), only the size, or nothing (a mirror that said neither). */
  verified: Verification;
}

export interface PullRecord {
  id: string;
  /** As asked: main, a tag, or a commit. */
  revision: string;
  /** The commit every file was fetched at; null from a mirror that does not say. */
  commit: string | null;
  dtype: OnnxDtype;
  /** The hub's base URL (no credentials are ever part of it). */
  host: string;
  pulledAt: string;
  files: PullRecordFile[];
}

export function writePullRecord(dir: string, record: PullRecord): void {
  writeFileSync(join(dir, PULL_RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
}

/** The record of a pulled folder; null for an imported folder, a folder pulled before records existed, or a damaged record. */
export function pullRecord(dir: string): PullRecord | null {
  try {
    const value = JSON.parse(readFileSync(join(dir, PULL_RECORD_FILE), 'utf8')) as Partial<PullRecord>;
    if (typeof value.id !== 'string' || typeof value.revision !== 'string' || typeof value.dtype !== 'string' || !Array.isArray(value.files)) return null;
    return value as PullRecord;
  } catch {
    return null;
  }
}
