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
    throw new DocketError(
      'invalid_model_id',
      `"${id.slice(0, 200)}" is not a hub model id: use owner/name (letters, digits, '-', '_' and '.', each part starting and ending with a letter or digit), e.g. Xenova/bert-base-NER.`,
    );
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

/** A 40-hex commit, or a branch or tag name as git accepts one (check-ref-format), within 255 characters. */
const COMMIT = /^[0-9a-f]{40}$/;
const REF_CHARS = /^[A-Za-z0-9._\-/+]{1,255}$/;

export function isCommit(revision: string): boolean {
  return COMMIT.test(revision);
}

export function validateRevision(revision: string): string {
  const fine =
    REF_CHARS.test(revision) &&
    !revision.includes('..') &&
    !revision.includes('//') &&
    !revision.endsWith('.lock') &&
    !revision.endsWith('/') &&
    revision.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.startsWith('-'));
  if (!fine) {
    throw new DocketError('invalid_revision', `"${revision.slice(0, 100)}" is not a revision: use a branch (main), a tag (v1.0) or a 40-character commit id.`);
  }
  return revision;
}

export interface HubRef {
  id: string;
  /** As written after '@'; null when the reference names none (the hub's default branch, main). */
  revision: string | null;
}

/** `owner/name` or `owner/name@revision` (branch, tag or commit), both parts validated. */
export function parseHubRef(ref: string): HubRef {
  const at = ref.indexOf('@');
  if (at < 0) return { id: validateHubId(ref), revision: null };
  return { id: validateHubId(ref.slice(0, at)), revision: validateRevision(ref.slice(at + 1)) };
}
