// Pulling a model by hub id: the one network use of the app, and only when the analyst asks.
// The plan, as huggingface_hub's snapshot_download: resolve the revision to a commit and list its
// files (hub-repo.ts), choose one dtype's weights (weights.ts), ask each file's metadata
// (file-metadata.ts), fetch each at that commit into <cache>/.downloads/<owner>--<name>/
// (download.ts: resumable, verified), record the commit (pull-record.ts), check the folder and
// only then move it into the cache.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ModelInfo } from '../../model/model-info.ts';
import type { AppPaths } from '../../app.ts';
import { DocketError } from '../../errors.ts';
import { throwIfCancelled, type JobContext } from '../../jobs/jobs.ts';
import { isOnnxDtype, ONNX_DTYPE_NAMES, ONNX_DTYPES, type OnnxDtype } from './dtypes.ts';
import { downloadFile, type DownloadedFile } from './download.ts';
import { fileMetadata, type HubFileMetadata } from './file-metadata.ts';
import { HubClient, hubUrl } from './hub-client.ts';
import { modelFolder } from './hub-id.ts';
import type { ProxySetting } from './hub-proxy.ts';
import { noConfigError, pinnedRevision, repoSnapshot, type RepoSnapshot } from './hub-repo.ts';
import { resolveHubToken } from './hub-token.ts';
import { PULL_RECORD_FILE, writePullRecord, type PullRecord } from './pull-record.ts';
import { describeModel } from './registry.ts';
import { checkOnnxFile } from './validate.ts';
import { availableWeights, defaultDtype, isLoadable, revisionOf } from './weights.ts';

export { hubUrl };

const REQUIRED = ['config.json', 'tokenizer.json'];
const OPTIONAL = ['tokenizer_config.json', 'special_tokens_map.json'];
const STAGING_FILE = '.docket-staging.json';

type Job = Pick<JobContext, 'signal' | 'report'>;

export interface PullOptions {
  /** The hub's base URL; default DOCKET_HUB_URL, HF_ENDPOINT, https://huggingface.co. */
  host?: string;
  /** Branch, tag or commit; also accepted as owner/name@revision. Default main. */
  revision?: string;
  /** transformers.js dtype (dtypes.ts); default q8 where the repo has it, else fp32. */
  dtype?: OnnxDtype;
  /** undefined: HF_TOKEN, else <userData>/hub-token; null: none. Sent to the hub host only. */
  token?: string | null;
  /** undefined: HTTPS_PROXY/HTTP_PROXY/NO_PROXY; null: direct; else a proxy URL, a PAC answer, or a resolver (hub-proxy.ts). */
  proxy?: ProxySetting;
  /** The environment read for HF_TOKEN, the hub URL and proxies (tests). */
  env?: NodeJS.ProcessEnv;
}

/** What the staging folder holds, so a later run resumes only the same commit and dtype. */
interface Staging {
  key: string;
  files: Record<string, DownloadedFile>;
}

function readStaging(dir: string): Staging | null {
  try {
    return JSON.parse(readFileSync(join(dir, STAGING_FILE), 'utf8')) as Staging;
  } catch {
    return null;
  }
}

function chooseDtype(id: string, at: string, available: Map<OnnxDtype, string[]>, requested: OnnxDtype | undefined): OnnxDtype {
  const offered = [...available.keys()].map((d) => `${d} (${ONNX_DTYPES[d]})`).join(', ');
  if (requested) {
    if (!available.has(requested))
      throw new DocketError('wrong_dtype', `${id}@${at} has no ${requested} weights (${ONNX_DTYPES[requested]}); it has ${offered || 'no ONNX weights'}.`);
    return requested;
  }
  if (available.size === 0) {
    throw new DocketError(
      'model_incomplete',
      `${id} has no ONNX weights (onnx/model.onnx, onnx/model_quantized.onnx, …) at ${at}; use a transformers.js-compatible export (Xenova/… or onnx-community/…).`,
    );
  }
  const chosen = defaultDtype(available.keys());
  if (!chosen)
    throw new DocketError(
      'wrong_dtype',
      `${id}@${at} has neither q8 nor fp32 weights; it has ${offered}: choose one of those (--dtype, or the weights list in the Models view).`,
    );
  return chosen;
}

/**
 * Pulls `ref` (owner/name or owner/name@revision) into the model cache. The fourth argument is the
 * options, or (as before) just the hub's base URL.
 */
export async function pullModel(paths: AppPaths, ref: string, job: Job, options: string | PullOptions = {}): Promise<ModelInfo> {
  const opts: PullOptions = typeof options === 'string' ? { host: options } : options;
  // Validated as the hub validates ids: nothing outside the model's own folder is ever deleted.
  const { id, revision } = revisionOf(ref, opts.revision);
  const target = modelFolder(paths.modelCache, id);
  if (opts.dtype !== undefined && !isOnnxDtype(opts.dtype)) {
    throw new DocketError('wrong_dtype', `"${String(opts.dtype).slice(0, 40)}" is not a dtype: use one of ${ONNX_DTYPE_NAMES.join(', ')}.`);
  }
  const host = (opts.host ?? hubUrl(opts.env)).replace(/\/+$/, '');
  const token = resolveHubToken(paths, opts.token, opts.env);
  const client = new HubClient({ host, token, proxy: opts.proxy, signal: job.signal, env: opts.env });
  try {
    return await pullWith(client, paths, id, revision, target, opts.dtype, job);
  } finally {
    await client.close();
  }
}

async function pullWith(
  client: HubClient,
  paths: AppPaths,
  id: string,
  revision: string,
  target: string,
  requested: OnnxDtype | undefined,
  job: Job,
): Promise<ModelInfo> {
  const progress = { done: 0, total: 0 };
  const report = (message: string) => job.report({ done: progress.done, total: progress.total || null, unit: 'bytes', message });
  report(`asking ${client.host} for ${id}@${revision}`);

  const snapshot = await repoSnapshot(client, id, revision);
  const at = pinnedRevision(snapshot);
  const known = new Map<string, HubFileMetadata>();
  const available = await availableWeights(client, snapshot, known);
  const dtype = chooseDtype(id, revision, available, requested);
  const weights = available.get(dtype)!;

  // The files to fetch, and what the hub says about each (size, hash), before any byte of them.
  const wanted = [...REQUIRED, ...OPTIONAL.filter((f) => !snapshot.files || snapshot.files.includes(f)), ...weights];
  if (snapshot.files && !snapshot.files.includes('config.json')) throw noConfigError(id, client.host);
  const metas: HubFileMetadata[] = [];
  for (const file of wanted) {
    throwIfCancelled(job.signal);
    const meta = known.get(file) ?? (await fileMetadata(client, id, at, file));
    if (!meta) {
      if (file === 'config.json') throw noConfigError(id, client.host);
      if (REQUIRED.includes(file))
        throw new DocketError(
          'model_incomplete',
          `${id} has no ${file} on ${client.host}; is it a transformers.js (ONNX) model? Try the Xenova/… or onnx-community/… version.`,
        );
      if (weights.includes(file))
        throw new DocketError('model_incomplete', `${id}: ${file} is listed but the hub has no such file at ${at}. Pull again later.`);
      continue;
    }
    if (snapshot.commit && meta.commit && meta.commit !== snapshot.commit) {
      throw new DocketError('model_incomplete', `${id}: the hub answered for commit ${meta.commit} while the pull is at ${snapshot.commit}. Pull again.`);
    }
    metas.push(meta);
    if (meta.size !== null) progress.total += meta.size;
  }

  const staging = join(paths.modelCache, '.downloads', id.replace('/', '--'));
  const state = prepareStaging(staging, snapshot, dtype);
  const sizes = new Map<string, number>();
  const fetched: DownloadedFile[] = [];
  for (const meta of metas) {
    throwIfCancelled(job.signal);
    const dest = join(staging, meta.path);
    const done = state.files[meta.path];
    if (done && existsSync(dest) && statSync(dest).size === done.size && (meta.size === null || meta.size === done.size)) {
      // Finished and checked in an earlier run, at this same commit.
      fetched.push(done);
      sizes.set(meta.path, done.size);
      progress.done += done.size;
      continue;
    }
    const before = progress.done;
    const file = await downloadFile(client, meta, dest, (bytes) => {
      progress.done = before + bytes;
      report(meta.path);
    });
    progress.done = before + file.size;
    fetched.push(file);
    state.files[meta.path] = file;
    writeFileSync(join(staging, STAGING_FILE), JSON.stringify(state));
    report(meta.path);
  }

  const record: PullRecord = {
    id,
    revision,
    commit: snapshot.commit,
    dtype,
    host: client.host,
    pulledAt: new Date().toISOString(),
    files: fetched.map(({ path, size, sha256, verified }) => ({ path, size, sha256, verified })),
  };
  writePullRecord(staging, record);
  // Checked before the folder becomes visible to the app.
  checkFolder(id, staging, dtype, weights[0]!);
  rmSync(join(staging, STAGING_FILE), { force: true });
  rmSync(target, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  renameSync(staging, target);
  return describePulled(id, target, dtype, record);
}

/** The staging folder for this commit and dtype: kept from an earlier run of the same, else emptied (never two versions spliced). */
function prepareStaging(staging: string, snapshot: RepoSnapshot, dtype: OnnxDtype): Staging {
  const key = `${snapshot.commit ?? `revision:${snapshot.revision}`}/${dtype}`;
  const previous = readStaging(staging);
  if (previous?.key === key) return previous;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const fresh: Staging = { key, files: {} };
  writeFileSync(join(staging, STAGING_FILE), JSON.stringify(fresh));
  return fresh;
}

function readJson(dir: string, file: string): Record<string, unknown> {
  try {
    const value = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
    if (typeof value !== 'object' || value === null) throw new Error('not a JSON object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new DocketError('model_invalid', `${join(dir, file)} is not valid JSON (${(error as Error).message}).`);
  }
}

/** The full check (registry) for dtypes Docket loads; for the others, what can be checked without loading them. */
function checkFolder(id: string, dir: string, dtype: OnnxDtype, graph: string): void {
  if (isLoadable(dtype)) {
    describeModel(id, dir);
    return;
  }
  readJson(dir, 'config.json');
  readJson(dir, 'tokenizer.json');
  checkOnnxFile(join(dir, graph));
}

function describePulled(id: string, dir: string, dtype: OnnxDtype, record: PullRecord): ModelInfo {
  if (isLoadable(dtype)) return describeModel(id, dir);
  // Installed, but Docket cannot run this dtype yet (validate.ts lists fp32 and q8 only).
  const config = readJson(dir, 'config.json');
  const id2label = (config['id2label'] ?? {}) as Record<string, string>;
  return {
    id,
    path: dir,
    task: null,
    modelType: typeof config['model_type'] === 'string' ? (config['model_type'] as string) : null,
    labels: Object.entries(id2label)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, l]) => String(l)),
    dtypes: [dtype],
    sizeBytes: record.files.reduce((sum, f) => sum + f.size, 0),
    builtin: false,
  };
}

// The rest of the pull API, for callers that load this module lazily (API handler, CLI).
export { PULL_RECORD_FILE };
export type { PullRecord };
export { pullRecord } from './pull-record.ts';
export { listWeights, type WeightListing, type WeightChoice } from './weights.ts';
export { clearHubToken, hubTokenStatus, saveHubToken, type HubTokenStatus } from './hub-token.ts';
export { ONNX_DTYPES, ONNX_DTYPE_NAMES, isOnnxDtype, type OnnxDtype } from './dtypes.ts';
