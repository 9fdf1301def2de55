// What the hub says about one file before any byte of it is fetched (huggingface_hub's
// get_hf_file_metadata): a HEAD of resolve/{revision}/{file}, redirects not followed.
//   LFS/Xet file → 302 to the CDN, X-Linked-Etag: "<sha256>", X-Linked-Size, X-Repo-Commit.
//   small file   → 200, ETag: "<git blob sha1>", Content-Length, X-Repo-Commit.
// The CDN's own ETag (md5, a Xet hash, …) is never taken for the file's hash.
import { createHash } from 'node:crypto';
import { discard, resolvePath, type HubClient, type Response } from './hub-client.ts';
import { errorCodeOf } from './hub-errors.ts';

export interface HubFileMetadata {
  /** Path in the repo (onnx/model.onnx). */
  path: string;
  /** X-Repo-Commit: the commit the hub resolved the revision to; null from a mirror that does not say. */
  commit: string | null;
  /** Bytes as stored (X-Linked-Size, else Content-Length of an uncompressed answer). */
  size: number | null;
  /** Content sha256 of an LFS/Xet file (X-Linked-Etag). */
  sha256: string | null;
  /** Git blob sha1 of a small file (its ETag on the hub). */
  gitSha1: string | null;
  /** Where the bytes are: the CDN URL of the redirect, or the resolve URL itself. */
  downloadUrl: string;
}

const SHA256 = /^[0-9a-f]{64}$/;
const SHA1 = /^[0-9a-f]{40}$/;

/** "abc", W/"abc" → abc */
export function etagValue(etag: string | null): string | null {
  if (!etag) return null;
  const value = etag
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1')
    .trim();
  return value === '' ? null : value;
}

function size(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** The metadata in a first answer (200 or 3xx). */
export function metadataOf(path: string, response: Response, requestUrl: string): HubFileMetadata {
  const headers = response.headers;
  const linkedEtag = etagValue(headers.get('x-linked-etag'));
  const etag = etagValue(headers.get('etag'));
  const location = headers.get('location');
  const redirected = response.status >= 300 && response.status < 400 && location !== null;
  const compressed = (headers.get('content-encoding') ?? 'identity').toLowerCase() !== 'identity';
  const directSize = !redirected && !compressed ? size(headers.get('content-length')) : null;
  const sha256 = linkedEtag && SHA256.test(linkedEtag) ? linkedEtag : null;
  return {
    path,
    commit: headers.get('x-repo-commit')?.trim().toLowerCase() || null,
    size: size(headers.get('x-linked-size')) ?? directSize,
    sha256,
    // A small file's ETag is its git blob sha1; an LFS file's ETag is its sha256 (ignored here).
    gitSha1: !linkedEtag && !redirected && etag && SHA1.test(etag) ? etag : null,
    downloadUrl: redirected ? new URL(location, requestUrl).href : requestUrl,
  };
}

/**
 * The file's metadata at `revision` (a commit once the pull has pinned one); null when the repo
 * has no such file (404, EntryNotFound). Other refusals are errors (hub-errors.ts).
 */
export async function fileMetadata(client: HubClient, id: string, revision: string, path: string): Promise<HubFileMetadata | null> {
  const route = resolvePath(id, revision, path);
  let response = await client.hub(route, 'HEAD');
  if (response.status === 405 || response.status === 501) {
    // A mirror without HEAD: the same question as a GET whose body is left unread.
    response = await client.hub(route, 'GET');
  }
  await discard(response);
  const ok = response.status === 200 || (response.status >= 300 && response.status < 400 && response.headers.has('location'));
  if (ok) return metadataOf(path, response, client.url(route));
  const code = errorCodeOf(response);
  if (response.status === 404 && (code === null || code === 'EntryNotFound')) return null;
  throw client.error(response, { id, revision, file: path });
}

/** sha1("blob <size>\0" + content): the id git (and the hub's ETag) gives a small file. */
export function gitBlobSha1(content: Uint8Array): string {
  return createHash('sha1').update(`blob ${content.byteLength}\0`).update(content).digest('hex');
}
