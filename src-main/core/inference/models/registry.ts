// Which models this machine has: pulled ones in the cache (hub layout <owner>/<name>/) and
// folders the analyst imported (remembered in <userData>/models.json).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { ModelInfo } from '../../model/model-info.ts';
import type { AppPaths } from '../../app.ts';
import { DocketError } from '../../errors.ts';
import { BUILTIN_DETECTORS } from '../builtin/index.ts';
import { validateModelFolder } from './validate.ts';

const importedFile = (paths: AppPaths) => join(paths.userData, 'models.json');

function imported(paths: AppPaths): string[] {
  try {
    const list = JSON.parse(readFileSync(importedFile(paths), 'utf8')) as unknown;
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

function folderSize(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, name));
    if (s.isFile()) total += s.size;
  }
  return total;
}

function taskOf(config: Record<string, unknown>, labels: string[]): string | null {
  const arch = String((config['architectures'] as string[] | undefined)?.[0] ?? '');
  if (arch.endsWith('ForTokenClassification')) return 'token-classification';
  if (labels.some((l) => l.toLowerCase().startsWith('entail'))) return 'nli';
  if (arch.endsWith('ForSequenceClassification')) return 'text-classification';
  return null;
}

export function describeModel(id: string, dir: string): ModelInfo {
  const info = validateModelFolder(dir);
  return {
    id,
    path: dir,
    task: taskOf(info.config, info.labels),
    modelType: typeof info.config['model_type'] === 'string' ? (info.config['model_type'] as string) : null,
    labels: info.labels,
    dtypes: info.dtypes,
    sizeBytes: folderSize(dir),
    builtin: false,
  };
}

/** The detectors that ship with Docket: always there, nothing to download. */
export function builtinModels(): ModelInfo[] {
  return Object.values(BUILTIN_DETECTORS).map((d) => ({
    id: d.id,
    path: d.id,
    task: 'token-classification',
    modelType: 'built-in',
    labels: [...d.labels],
    dtypes: [],
    sizeBytes: 0,
    builtin: true,
  }));
}

/** Every usable model, built-in ones first; broken folders are listed by the caller's validate, not here. */
export function listModels(paths: AppPaths): ModelInfo[] {
  const models: ModelInfo[] = builtinModels();
  if (existsSync(paths.modelCache)) {
    for (const owner of readdirSync(paths.modelCache).sort()) {
      if (owner.startsWith('.')) continue;
      const ownerDir = join(paths.modelCache, owner);
      if (!statSync(ownerDir).isDirectory()) continue;
      for (const name of readdirSync(ownerDir).sort()) {
        try {
          models.push(describeModel(`${owner}/${name}`, join(ownerDir, name)));
        } catch {
          // An incomplete or broken folder is not offered; `docket models list --json` is about usable ones.
        }
      }
    }
  }
  for (const dir of imported(paths)) {
    try {
      models.push(describeModel(dir, dir));
    } catch {
      // The folder moved or broke since it was imported.
    }
  }
  return models;
}

/** Remembers a folder after checking it; returns what the model is. */
export function importFolder(paths: AppPaths, dir: string): ModelInfo {
  const full = resolve(dir);
  const info = describeModel(full, full);
  const list = [full, ...imported(paths).filter((p) => p !== full)];
  mkdirSync(paths.userData, { recursive: true });
  writeFileSync(importedFile(paths), JSON.stringify(list, null, 2));
  return info;
}

/** MODEL as the analyst gives it: a folder path, or a hub id already pulled into the cache. */
export function resolveModel(paths: AppPaths, ref: string): { id: string; path: string } {
  const asPath = resolve(ref);
  if ((isAbsolute(ref) || ref.startsWith('.') || existsSync(asPath)) && existsSync(join(asPath, 'config.json'))) return { id: ref, path: asPath };
  if (/^[\w.-]+\/[\w.-]+$/.test(ref)) {
    const cached = join(paths.modelCache, ref);
    if (!relative(paths.modelCache, cached).startsWith('..') && existsSync(join(cached, 'config.json'))) return { id: ref, path: cached };
    throw new DocketError(
      'model_not_found',
      `Model ${ref} is not on this machine. Pull it first: docket models pull ${ref} (or give the path of a model folder).`,
    );
  }
  throw new DocketError('model_not_found', `${ref} is neither a model folder (no config.json there) nor a hub id like owner/name.`);
}
