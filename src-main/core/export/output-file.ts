import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, lstatSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { DocketError } from '../errors.ts';
import { basename, extname, join } from 'node:path';
import { findNeedles, makeHaystack, type Needle } from './leak-match.ts';

/**
 * The file name for a document's export: "<id>-<name>.<ext>", with the name reduced to safe
 * characters. When the name itself holds a redacted string (files are often named after the
 * person), only the id is used: a file name is a leak too.
 */
export function outputName(documentId: number, documentName: string, ext: string, needles: readonly Needle[]): string {
  const stem = basename(documentName, extname(documentName))
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._ -]+/gu, '_')
    .replace(/\s+/g, '_')
    .slice(0, 80);
  if (stem === '' || findNeedles(makeHaystack(stem.replace(/[_.-]+/g, ' ')), needles).length > 0) return `${documentId}.${ext}`;
  return `${documentId}-${stem}.${ext}`;
}

/** Whether anything (a file, a link, even a dangling one) stands under this name. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

const LEFTOVER = /^\..+\.[0-9a-f]{12}\.partial$/;

/** Whether a file name is one of our temporary names (left behind only by a killed export). */
export function isLeftover(name: string): boolean {
  return LEFTOVER.test(name);
}

/** Deletes what a killed export left in a folder: temporary files that were never verified. */
export function removeLeftovers(dir: string): number {
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (!isLeftover(name)) continue;
    rmSync(join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

/**
 * Writes to a hidden temp file in the same folder; `commit` renames it into place after the
 * caller's verification passed, `discard` deletes it. So a failed or cancelled export never
 * leaves a file under the final name.
 */
export class PendingFile {
  readonly finalPath: string;
  readonly tempPath: string;
  /** Whether a file already under the final name may be replaced (the user said so). */
  readonly replace: boolean;
  #done = false;

  constructor(dir: string, name: string, replace = false) {
    this.replace = replace;
    this.finalPath = join(dir, name);
    this.tempPath = join(dir, `.${name}.${randomBytes(6).toString('hex')}.partial`);
  }

  write(data: Uint8Array | string): void {
    // 'wx': a fresh file or nothing, so a link planted under the temporary name is never followed.
    const fd = openSync(this.tempPath, 'wx', 0o600);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let at = 0;
      while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** The bytes as they are on disk now: what is checked is what was written, not what was meant. */
  readBack(): Buffer {
    return readFileSync(this.tempPath);
  }

  /**
   * Gives the file its name. The rename replaces a link planted there rather than writing
   * through it; a file already there is replaced only with consent.
   */
  commit(): string {
    if (!this.replace && exists(this.finalPath)) {
      this.discard();
      throw new DocketError(
        'exists',
        `${this.finalPath} already exists; choose an empty folder, or replace the files there (--overwrite, or "Replace files already in the folder").`,
      );
    }
    renameSync(this.tempPath, this.finalPath);
    this.#done = true;
    return this.finalPath;
  }

  discard(): void {
    if (!this.#done && existsSync(this.tempPath)) rmSync(this.tempPath, { force: true });
    this.#done = true;
  }
}
