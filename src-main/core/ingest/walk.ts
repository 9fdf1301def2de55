import { lstatSync, opendirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { throwIfCancelled } from '../jobs/jobs.ts';
import { limit, limitError } from './limits.ts';

/** A file to import, a path that cannot be (failed), or something the analyst should know (a link loop). */
export type WalkEntry = { path: string; size: number } | { path: string; problem: string } | { path: string; warning: string };

export interface WalkOptions {
  /** Checked as the walk goes: a cancelled import stops walking. */
  signal?: AbortSignal;
  /** Follow links that lead out of the folder being imported; by default they are reported and skipped. */
  followLinksOutside?: boolean;
}

/** Entries between two turns of the event loop (so cancel and signals are heard during a long walk). */
const YIELD_EVERY = 256;

/**
 * Files under the given paths, folders recursed in name order. Hidden files and folders
 * (dot-names) are skipped as an analyst would expect; paths that do not exist are reported.
 *
 * Links: every real path (realpath) is read once, under its own name when the walk meets it
 * there: links are followed only after the folder's real tree, so a link to a file or folder
 * inside it adds nothing twice. A link to a folder that contains it (a loop) is reported, not
 * followed; a link leading out of the folder is reported and skipped unless
 * `followLinksOutside`. A path given explicitly is read even when it is a link. The walk is
 * bounded (`folderEntries` in limits.ts) and checks cancel as it goes.
 */
export async function walkPaths(paths: readonly string[], options: WalkOptions = {}): Promise<WalkEntry[]> {
  const walker = new Walker(options, limit('folderEntries'));
  for (const input of paths) await walker.input(resolve(input));
  return walker.out;
}

class Walker {
  readonly out: WalkEntry[] = [];
  /** The entry bound was reached: folders listed so far are finished, no more are listed. */
  #full = false;
  readonly #visited = new Set<string>();
  #entries = 0;
  readonly #options: WalkOptions;
  readonly #max: number;

  constructor(options: WalkOptions, max: number) {
    this.#options = options;
    this.#max = max;
  }

  async input(path: string): Promise<void> {
    let real: string;
    let stat;
    try {
      real = realpathSync(path);
      stat = statSync(real);
    } catch {
      this.out.push({ path, problem: 'it does not exist or cannot be read. Check the path.' });
      return;
    }
    if (stat.isDirectory()) {
      if (this.#visited.has(real)) return;
      this.#visited.add(real);
      const links: Link[] = [];
      await this.#folder(path, real, path, links);
      await this.#links(real, path, links);
      return;
    }
    if (!stat.isFile()) {
      this.out.push({ path, problem: 'it is not a regular file.' });
      return;
    }
    if (this.#visited.has(real)) return;
    this.#visited.add(real);
    this.out.push({ path, size: stat.size });
  }

  /** One folder's real tree, depth first in name order; links are kept for later. */
  async #folder(path: string, real: string, root: string, links: Link[]): Promise<void> {
    const names = this.#list(path, root);
    if (names === null) return;
    for (const name of names) {
      await this.#tick();
      const childPath = join(path, name);
      const childReal = join(real, name);
      let stat;
      try {
        stat = lstatSync(childPath);
      } catch (error) {
        this.out.push({ path: childPath, problem: `it cannot be read (${(error as NodeJS.ErrnoException).code}).` });
        continue;
      }
      if (stat.isSymbolicLink()) {
        links.push({ path: childPath, parentReal: real });
      } else if (stat.isDirectory()) {
        if (this.#visited.has(childReal)) continue;
        this.#visited.add(childReal);
        await this.#folder(childPath, childReal, root, links);
      } else if (stat.isFile()) {
        if (this.#visited.has(childReal)) continue;
        this.#visited.add(childReal);
        this.out.push({ path: childPath, size: stat.size });
      }
      // Sockets, FIFOs, devices inside a folder: not documents, skipped.
    }
  }

  /** Links met in the folder `rootReal`, after its real tree; folders they lead to may hold more links. */
  async #links(rootReal: string, root: string, links: Link[]): Promise<void> {
    for (let i = 0; i < links.length; i++) {
      await this.#tick();
      const { path, parentReal } = links[i]!;
      let target: string;
      let stat;
      try {
        target = realpathSync(path);
        stat = statSync(target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') this.out.push({ path, warning: 'it is a link that leads back to itself (a loop); not followed.' });
        else this.out.push({ path, problem: `it is a link whose target does not exist or cannot be read (${code}); skipped. Fix or remove the link.` });
        continue;
      }
      const inside = target === rootReal || target.startsWith(rootReal + sep);
      if (stat.isDirectory() && (parentReal === target || parentReal.startsWith(target + sep))) {
        this.out.push({ path, warning: `it is a link to ${target}, a folder that contains it (a loop); not followed.` });
      } else if (!stat.isDirectory() && !stat.isFile()) {
        continue;
      } else if (!inside && !this.#options.followLinksOutside) {
        this.out.push({
          path,
          problem: `it is a link to ${target}, outside the folder being imported; skipped. Import ${target} itself if it belongs in this project.`,
        });
      } else if (this.#visited.has(target)) {
        this.out.push({ path, warning: `it is a link to ${target}, which this import reads already; not read twice.` });
      } else if (stat.isDirectory()) {
        this.#visited.add(target);
        await this.#folder(path, target, root, links);
      } else {
        this.#visited.add(target);
        this.out.push({ path, size: stat.size });
      }
    }
  }

  /** A folder's visible names, sorted (as many as the entry bound leaves); null when it cannot be read. */
  #list(path: string, root: string): string[] | null {
    const names: string[] = [];
    if (this.#full) return names;
    let dir;
    try {
      dir = opendirSync(path, { bufferSize: 128 });
    } catch (error) {
      this.out.push({ path, problem: `the folder cannot be read (${(error as NodeJS.ErrnoException).code}).` });
      return null;
    }
    try {
      for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
        if (entry.name.startsWith('.')) continue;
        if (++this.#entries > this.#max) {
          this.#full = true;
          this.out.push({ path: root, problem: limitError('folderEntries', null, this.#max).message });
          break;
        }
        names.push(entry.name);
      }
    } catch (error) {
      this.out.push({ path, problem: `the folder cannot be read (${(error as NodeJS.ErrnoException).code}).` });
      return null;
    } finally {
      dir.closeSync();
    }
    return names.sort();
  }

  #sinceYield = 0;
  async #tick(): Promise<void> {
    const signal = this.#options.signal;
    if (signal) throwIfCancelled(signal);
    if (++this.#sinceYield < YIELD_EVERY) return;
    this.#sinceYield = 0;
    await new Promise((resolve) => setImmediate(resolve));
    if (signal) throwIfCancelled(signal);
  }
}

interface Link {
  path: string;
  /** Real path of the folder holding the link. */
  parentReal: string;
}
