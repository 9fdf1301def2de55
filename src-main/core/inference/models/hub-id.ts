import { isAbsolute, join, relative, sep } from 'node:path';
import { DocketError } from '../../errors.ts';

// A hub model id as the hub itself accepts one (huggingface_hub's validate_repo_id): owner and
// name of letters, digits, '-', '_' and '.', at most 96 characters each, each starting and ending
// with a letter or digit, no '--' and no '..'. So an id can never name '.', '..' or a path, and
// the folder it maps to is always exactly two levels below the model cache.
const PART = /^[A-Za-z0-9](?:[\w.-]{0,94}[A-Za-z0-9])?$/;

export function validateHubId(id: string): string {
  const parts = id.split('/');
  const fine = parts.length === 2 && parts.every((p) => PART.test(p) && !p.includes('--') && !p.includes('..'));
  if (!fine) {
    throw new DocketError('invalid_model_id', `"${id.slice(0, 200)}" is not a hub model id: use owner/name (letters, digits, '-', '_' and '.', each part starting and ending with a letter or digit), e.g. Xenova/bert-base-NER.`);
  }
  return id;
}

/** The model's own folder in the cache; refuses anything that would land elsewhere. */
export function modelFolder(cache: string, id: string): string {
  const folder = join(cache, validateHubId(id));
  const rel = relative(cache, folder);
  if (isAbsolute(rel) || rel.split(sep).length !== 2 || rel.split(sep).some((p) => p === '..' || p === '.' || p === '')) {
    throw new DocketError('invalid_model_id', `"${id}" does not name a folder inside the model cache.`);
  }
  return folder;
}
