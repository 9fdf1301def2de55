// The hub access token: HF_TOKEN (as huggingface_hub reads it), else the one the analyst saved in
// <userData>/hub-token (owner-only). It goes to the hub host only (hub-client.ts), never into a
// message, a log line or a progress report; the status tells where it comes from, not what it is.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppPaths } from '../../app.ts';
import { DocketError } from '../../errors.ts';

export const HUB_TOKEN_FILE = 'hub-token';

/** Printable ASCII, no spaces: what can go in an Authorization header unchanged. */
const TOKEN = /^[\x21-\x7e]{8,1024}$/;

export function hubTokenPath(paths: Pick<AppPaths, 'userData'>): string {
  return join(paths.userData, HUB_TOKEN_FILE);
}

function checkToken(token: string, where: string): string {
  if (!TOKEN.test(token)) {
    throw new DocketError(
      'invalid_token',
      `The hub token from ${where} is not usable: a token is 8 or more printable characters without spaces (hub tokens start with hf_). Copy it again from the hub's access token settings.`,
    );
  }
  return token;
}

export function saveHubToken(paths: Pick<AppPaths, 'userData'>, token: string): void {
  const clean = checkToken(token.trim(), 'the input');
  mkdirSync(paths.userData, { recursive: true });
  const file = hubTokenPath(paths);
  // Written owner-only from the first byte; chmod too, in case the file existed with wider rights.
  writeFileSync(file, `${clean}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** True when there was a saved token to forget. HF_TOKEN in the environment is not touched. */
export function clearHubToken(paths: Pick<AppPaths, 'userData'>): boolean {
  const file = hubTokenPath(paths);
  const had = existsSync(file);
  rmSync(file, { force: true });
  return had;
}

export interface HubTokenStatus {
  set: boolean;
  /** HF_TOKEN wins over the saved file, as in huggingface_hub. */
  source: 'HF_TOKEN' | 'file' | null;
  file: string;
}

export function hubTokenStatus(paths: Pick<AppPaths, 'userData'>, env: NodeJS.ProcessEnv = process.env): HubTokenStatus {
  const file = hubTokenPath(paths);
  const source = envToken(env) ? 'HF_TOKEN' : savedToken(paths) ? 'file' : null;
  return { set: source !== null, source, file };
}

function envToken(env: NodeJS.ProcessEnv): string | null {
  const value = (env['HF_TOKEN'] ?? env['HUGGING_FACE_HUB_TOKEN'] ?? '').trim();
  return value === '' ? null : value;
}

function savedToken(paths: Partial<Pick<AppPaths, 'userData'>>): string | null {
  if (!paths.userData) return null;
  try {
    const value = readFileSync(hubTokenPath(paths as AppPaths), 'utf8').trim();
    return value === '' ? null : value;
  } catch {
    return null;
  }
}

/** The token a pull sends: an explicit one (null: none at all), else HF_TOKEN, else the saved file. */
export function resolveHubToken(paths: Partial<Pick<AppPaths, 'userData'>>, explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string | null {
  if (explicit === null) return null;
  if (explicit !== undefined) return checkToken(explicit.trim(), 'the token option');
  const fromEnv = envToken(env);
  if (fromEnv) return checkToken(fromEnv, 'HF_TOKEN');
  const saved = savedToken(paths);
  return saved ? checkToken(saved, hubTokenPath(paths as AppPaths)) : null;
}
