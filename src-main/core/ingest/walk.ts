import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export type WalkEntry = { path: string; size: number } | { path: string; problem: string };

/**
 * Files under the given paths, folders recursed in name order. Hidden files and folders
 * (dot-names) are skipped as an analyst would expect; paths that do not exist are reported.
 */
export function* walkPaths(paths: readonly string[]): Generator<WalkEntry> {
  for (const input of paths) yield* walk(resolve(input), true);
}

function* walk(path: string, explicit: boolean): Generator<WalkEntry> {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    yield { path, problem: 'it does not exist or cannot be read. Check the path.' };
    return;
  }
  if (stat.isDirectory()) {
    let names: string[];
    try {
      names = readdirSync(path).sort();
    } catch (error) {
      yield { path, problem: `the folder cannot be read (${(error as NodeJS.ErrnoException).code}).` };
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      yield* walk(join(path, name), false);
    }
    return;
  }
  if (!stat.isFile()) {
    if (explicit) yield { path, problem: 'it is not a regular file.' };
    return;
  }
  if (!explicit && basename(path).startsWith('.')) return;
  yield { path, size: stat.size };
}
