// One file from where the hub said its bytes are (download URL of file-metadata.ts) into
// <dest>.part, then checked and renamed to <dest>. An interrupted .part is resumed with
// Range + If-Range (the validator of the answer that started it), and only when it was started
// for the same commit and the same content hash the hub reports now; otherwise it starts over.
// Size and hash are checked against what the hub said (X-Linked-Size, sha256 or git blob sha1),
// never against the CDN's own ETag or a compressed Content-Length.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DocketError } from '../../errors.ts';
import { throwIfCancelled } from '../../jobs/jobs.ts';
import { gitBlobSha1, type HubFileMetadata } from './file-metadata.ts';
import { discard, type HubClient, type Response } from './hub-client.ts';

export type Verification = 'sha256' | 'git-sha1' | 'size' | 'none';

export interface DownloadedFile {
  path: string;
  size: number;
  sha256: string;
  verified: Verification;
}

/** Beside a .part: what it was started for, so a resume never splices two versions. */
interface PartState {
  commit: string | null;
  sha256: string | null;
  gitSha1: string | null;
  size: number | null;
  /** Strong ETag or Last-Modified of the answer that wrote the first byte; sent as If-Range. */
  validator: string | null;
}

const MAX_CDN_REDIRECTS = 5;

const partOf = (dest: string) => `${dest}.part`;
const stateOf = (dest: string) => `${dest}.part.json`;

function readState(dest: string): PartState | null {
  try {
    return JSON.parse(readFileSync(stateOf(dest), 'utf8')) as PartState;
  } catch {
    return null;
  }
}

function forget(dest: string): void {
  rmSync(partOf(dest), { force: true });
  rmSync(stateOf(dest), { force: true });
}

function validatorOf(response: Response): string | null {
  const etag = response.headers.get('etag');
  // If-Range needs a strong validator (RFC 9110 13.1.5).
  if (etag && !etag.trim().startsWith('W/')) return etag.trim();
  return response.headers.get('last-modified');
}

function sameTarget(state: PartState | null, meta: HubFileMetadata): boolean {
  return state !== null && state.commit === meta.commit && state.sha256 === meta.sha256 && state.gitSha1 === meta.gitSha1 && state.size === meta.size;
}

async function hashFile(path: string, hash: Hash): Promise<void> {
  await pipeline(createReadStream(path), async function (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) hash.update(chunk);
  });
}

/**
 * Downloads one file; `progress` gets the bytes of this file on disk so far (it can go back to 0
 * when a stale .part is dropped).
 */
export async function downloadFile(
  client: HubClient,
  meta: HubFileMetadata,
  dest: string,
  progress: (bytes: number) => void = () => {},
): Promise<DownloadedFile> {
  mkdirSync(dirname(dest), { recursive: true });
  const part = partOf(dest);
  let have = existsSync(part) ? statSync(part).size : 0;
  const state = readState(dest);
  if (have > 0 && (!sameTarget(state, meta) || (meta.size !== null && have > meta.size))) {
    // Started for another commit or another content: those bytes must not be spliced in.
    forget(dest);
    have = 0;
  }
  const canResume = have > 0 && ((state?.validator ?? null) !== null || meta.sha256 !== null || meta.gitSha1 !== null);
  if (!canResume && have > 0) {
    forget(dest);
    have = 0;
  }
  progress(have);

  let response: Response | null = null;
  if (!(have > 0 && meta.size !== null && have === meta.size)) {
    response = await fetchBytes(client, meta, have, state?.validator ?? null);
    if (response.status === 416 && have > 0) {
      // The server cannot serve from there (the .part is not what it has): start over.
      await discard(response);
      forget(dest);
      have = 0;
      progress(0);
      response = await fetchBytes(client, meta, 0, null);
    }
    if (response.status !== 200 && response.status !== 206) {
      await discard(response);
      throw new DocketError(
        'network',
        `${new URL(meta.downloadUrl).host} answered HTTP ${response.status} for ${meta.path}${response.status === 403 || response.status === 410 ? ' (the download link expired or was refused)' : ''}. Pull again: finished files are kept.`,
      );
    }
    if (response.status === 206 && contentRangeStart(response) !== have) {
      // A range other than the one asked for: do not guess, take the whole file.
      await discard(response);
      forget(dest);
      have = 0;
      progress(0);
      response = await fetchBytes(client, meta, 0, null);
      if (response.status !== 200) {
        await discard(response);
        throw new DocketError('network', `${new URL(meta.downloadUrl).host} answered HTTP ${response.status} for ${meta.path}. Pull again.`);
      }
    }
  }

  const hash = createHash('sha256');
  if (response && response.status === 200) {
    // A fresh start (no .part, or If-Range said the content changed): everything from byte 0.
    have = 0;
    progress(0);
    const next: PartState = { commit: meta.commit, sha256: meta.sha256, gitSha1: meta.gitSha1, size: meta.size, validator: validatorOf(response) };
    writeFileSync(stateOf(dest), JSON.stringify(next));
  } else if (have > 0) {
    await hashFile(part, hash);
  }
  if (response) await receive(response, part, have, hash, meta, progress, client.signal);

  const size = statSync(part).size;
  const compressed = response !== null && (response.headers.get('content-encoding') ?? 'identity').toLowerCase() !== 'identity';
  const length = response?.headers.get('content-length');
  const expected = meta.size ?? (response && !compressed && length && /^\d+$/.test(length) ? have + Number(length) : null);
  if (expected !== null && size < expected) {
    throw new DocketError('model_incomplete', `${meta.path}: got ${size} of ${expected} bytes. Pull again to resume.`);
  }
  if (expected !== null && size > expected) {
    forget(dest);
    throw new DocketError('model_corrupt', `${meta.path}: received ${size} bytes where the hub says ${expected}; the file was deleted. Pull again.`);
  }
  const sha256 = hash.digest('hex');
  let verified: Verification = expected !== null ? 'size' : 'none';
  if (meta.sha256) {
    if (sha256 !== meta.sha256) {
      forget(dest);
      throw new DocketError(
        'model_corrupt',
        `${meta.path}: the downloaded file's sha256 is ${sha256}, the hub says ${meta.sha256}; the file was deleted. Pull again (if it repeats, the download is being altered on the way: check the proxy or mirror).`,
      );
    }
    verified = 'sha256';
  } else if (meta.gitSha1) {
    const actual = gitBlobSha1(readFileSync(part));
    if (actual !== meta.gitSha1) {
      forget(dest);
      throw new DocketError(
        'model_corrupt',
        `${meta.path}: the downloaded file's git sha1 is ${actual}, the hub says ${meta.gitSha1}; the file was deleted. Pull again.`,
      );
    }
    verified = 'git-sha1';
  }
  renameSync(part, dest);
  rmSync(stateOf(dest), { force: true });
  return { path: meta.path, size, sha256, verified };
}

/** GET of the bytes from `from` on; follows the CDN's own redirects (without the token: hub-client sends it to the hub only). */
async function fetchBytes(client: HubClient, meta: HubFileMetadata, from: number, validator: string | null): Promise<Response> {
  const headers: Record<string, string> = {};
  if (from > 0) {
    headers['range'] = `bytes=${from}-`;
    if (validator) headers['if-range'] = validator;
  }
  let url = new URL(meta.downloadUrl);
  for (let hop = 0; ; hop++) {
    const response = await client.request(url, 'GET', headers);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location && hop < MAX_CDN_REDIRECTS) {
      await discard(response);
      url = new URL(location, url);
      continue;
    }
    return response;
  }
}

function contentRangeStart(response: Response): number | null {
  const match = /^bytes\s+(\d+)-\d+\/(?:\d+|\*)$/i.exec(response.headers.get('content-range')?.trim() ?? '');
  return match ? Number(match[1]) : null;
}

/** Appends the body to the .part, hashing as it goes; each chunk is on disk before the next is read. */
async function receive(
  response: Response,
  part: string,
  have: number,
  hash: Hash,
  meta: HubFileMetadata,
  progress: (bytes: number) => void,
  signal: AbortSignal,
): Promise<void> {
  const file = await open(part, response.status === 206 ? 'a' : 'w');
  let written = have;
  try {
    if (!response.body) return;
    for await (const chunk of response.body) {
      throwIfCancelled(signal);
      await file.write(chunk);
      hash.update(chunk);
      written += chunk.byteLength;
      if (meta.size !== null && written > meta.size) break;
      progress(written);
    }
  } catch (error) {
    throwIfCancelled(signal);
    if (error instanceof DocketError) throw error;
    throw new DocketError(
      'network',
      `The download of ${meta.path} was interrupted (${(error as Error).message}). Pull again to resume it: the ${written} bytes received are kept.`,
    );
  } finally {
    await file.close();
  }
}
