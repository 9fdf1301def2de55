// Which commit a revision is and which files it has, asked once before any weights are fetched:
// GET /api/models/{id}/revision/{revision} (JSON with `sha` and `siblings: [{rfilename}]`, as
// huggingface_hub's model_info). A mirror without that API (404 with no X-Error-Code, or not
// JSON) is asked file by file instead (HEAD of resolve/…, see weights.ts), and the commit is the
// X-Repo-Commit of config.json.
import { DocketError } from '../../errors.ts';
import { fileMetadata } from './file-metadata.ts';
import { discard, type HubClient } from './hub-client.ts';
import { errorCodeOf } from './hub-errors.ts';
import { isCommit } from './hub-id.ts';

export interface RepoSnapshot {
  id: string;
  /** As asked (main, a tag, a commit). */
  revision: string;
  /** The 40-hex commit the revision is now; null from a mirror that does not say. Every file is fetched at this commit. */
  commit: string | null;
  /** The repo's files at that commit; null when the hub has no listing API (files are probed). */
  files: string[] | null;
}

/** The revision every file request uses: the commit when known, so a branch moving mid-pull cannot mix two versions. */
export const pinnedRevision = (snapshot: RepoSnapshot): string => snapshot.commit ?? snapshot.revision;

export function noConfigError(id: string, host: string): DocketError {
  return new DocketError(
    'model_incomplete',
    `${id} has no config.json on ${host}; is it a transformers.js (ONNX) model? Try the Xenova/… or onnx-community/… version.`,
  );
}

export async function repoSnapshot(client: HubClient, id: string, revision: string): Promise<RepoSnapshot> {
  const response = await client.hub(`/api/models/${id}/revision/${encodeURIComponent(revision)}`, 'GET');
  if (response.status === 200) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // Not JSON: a mirror that serves something else there; probe instead.
    }
    const info = body as { sha?: unknown; siblings?: unknown } | null;
    if (info && typeof info === 'object' && Array.isArray(info.siblings)) {
      const files = info.siblings.map((s) => (s as { rfilename?: unknown }).rfilename).filter((f): f is string => typeof f === 'string');
      const sha = typeof info.sha === 'string' && isCommit(info.sha.toLowerCase()) ? info.sha.toLowerCase() : null;
      return { id, revision, commit: sha, files };
    }
  } else {
    await discard(response);
    if (response.status !== 404 || errorCodeOf(response) !== null) throw client.error(response, { id, revision });
  }
  // No listing API: the commit is what the hub says config.json is at.
  const config = await fileMetadata(client, id, revision, 'config.json');
  if (!config) throw noConfigError(id, client.host);
  const commit = config.commit && isCommit(config.commit) ? config.commit : null;
  return { id, revision, commit, files: null };
}
