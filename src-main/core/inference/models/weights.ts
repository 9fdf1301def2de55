// Which ONNX weights a repo offers, per transformers.js dtype, with their sizes: asked before
// anything large is fetched, so a pull takes only the chosen graph and its external data, and the
// UI/CLI can show what each choice costs (bart-large-mnli: fp32 1.63 GB, q8 411 MB).
import type { AppPaths } from '../../app.ts';
import { DocketError } from '../../errors.ts';
import { DEFAULT_DTYPES, externalDataFiles, externalDataName, MAX_EXTERNAL_DATA_CHUNKS, ONNX_DTYPE_NAMES, ONNX_DTYPES, type OnnxDtype } from './dtypes.ts';
import { fileMetadata, type HubFileMetadata } from './file-metadata.ts';
import { HubClient, type HubClientOptions } from './hub-client.ts';
import { parseHubRef, validateRevision } from './hub-id.ts';
import { pinnedRevision, repoSnapshot, type RepoSnapshot } from './hub-repo.ts';
import { resolveHubToken } from './hub-token.ts';
import { ONNX_FILES } from './validate.ts';

export interface WeightFile {
  path: string;
  /** Bytes (X-Linked-Size); null when the hub did not say. */
  size: number | null;
}

export interface WeightChoice {
  dtype: OnnxDtype;
  /** The graph first, then its external data files (<graph>_data, <graph>_data_1, …). */
  files: WeightFile[];
  /** Sum of the files; null when one size is unknown. */
  sizeBytes: number | null;
  /** Whether Docket can run this dtype today (validate.ts ONNX_FILES). */
  loadable: boolean;
}

export interface WeightListing {
  id: string;
  revision: string;
  commit: string | null;
  weights: WeightChoice[];
  /** What a pull without a dtype takes: q8 where it exists, else fp32; null when neither. */
  defaultDtype: OnnxDtype | null;
}

/** dtype → the repo paths it needs (graph + external data), as available at the snapshot. */
export type WeightPlan = Map<OnnxDtype, string[]>;

export const isLoadable = (dtype: OnnxDtype): boolean => Object.hasOwn(ONNX_FILES, dtype);

export function defaultDtype(available: Iterable<OnnxDtype>): OnnxDtype | null {
  const have = new Set(available);
  return DEFAULT_DTYPES.find((d) => have.has(d)) ?? null;
}

/** Up to `limit` at once. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The dtypes the repo has. With a file list (the API's siblings): by name. Without (a mirror):
 * a HEAD per graph, then <graph>_data, _data_1, … until one is missing. `known` collects the
 * metadata those HEADs returned, so a pull does not ask twice.
 */
export async function availableWeights(client: HubClient, snapshot: RepoSnapshot, known = new Map<string, HubFileMetadata>()): Promise<WeightPlan> {
  const plan: WeightPlan = new Map();
  if (snapshot.files) {
    const files = new Set(snapshot.files);
    for (const dtype of ONNX_DTYPE_NAMES) {
      const graph = ONNX_DTYPES[dtype];
      if (files.has(graph)) plan.set(dtype, [graph, ...externalDataFiles(graph, files)]);
    }
    return plan;
  }
  const at = pinnedRevision(snapshot);
  const graphs = await inParallel(ONNX_DTYPE_NAMES, 4, async (dtype) => [dtype, await fileMetadata(client, snapshot.id, at, ONNX_DTYPES[dtype])] as const);
  for (const [dtype, meta] of graphs) {
    if (!meta) continue;
    known.set(meta.path, meta);
    const files = [meta.path];
    for (let chunk = 0; chunk < MAX_EXTERNAL_DATA_CHUNKS; chunk++) {
      const data = await fileMetadata(client, snapshot.id, at, externalDataName(meta.path, chunk));
      if (!data) break;
      known.set(data.path, data);
      files.push(data.path);
    }
    plan.set(dtype, files);
  }
  return plan;
}

export interface HubOptions extends Omit<HubClientOptions, 'token'> {
  revision?: string;
  /** undefined: HF_TOKEN, else the token saved in `paths.userData`; null: send none. */
  token?: string | null;
  /** For the saved token (<userData>/hub-token). */
  paths?: Pick<AppPaths, 'userData'>;
}

/** The revision of `owner/name@rev` or of the option (both given must agree); main when neither. */
export function revisionOf(ref: string, option?: string): { id: string; revision: string } {
  const parsed = parseHubRef(ref);
  const fromOption = option === undefined ? null : validateRevision(option);
  if (parsed.revision && fromOption && parsed.revision !== fromOption) {
    throw new DocketError('invalid_revision', `${ref} names revision ${parsed.revision} but the revision option says ${fromOption}: give one.`);
  }
  return { id: parsed.id, revision: parsed.revision ?? fromOption ?? 'main' };
}

/** The weights `ref` (owner/name or owner/name@revision) offers, with sizes, before choosing what to pull. */
export async function listWeights(ref: string, options: HubOptions = {}): Promise<WeightListing> {
  const { id, revision } = revisionOf(ref, options.revision);
  const token = resolveHubToken(options.paths ?? {}, options.token, options.env);
  const client = new HubClient({ ...options, token });
  try {
    const snapshot = await repoSnapshot(client, id, revision);
    const known = new Map<string, HubFileMetadata>();
    const plan = await availableWeights(client, snapshot, known);
    const at = pinnedRevision(snapshot);
    const paths = [...plan.values()].flat().filter((p) => !known.has(p));
    for (const meta of await inParallel(paths, 4, (p) => fileMetadata(client, id, at, p))) if (meta) known.set(meta.path, meta);
    const weights: WeightChoice[] = [...plan].map(([dtype, files]) => {
      const sized = files.map((path) => ({ path, size: known.get(path)?.size ?? null }));
      const sizeBytes = sized.every((f) => f.size !== null) ? sized.reduce((sum, f) => sum + (f.size ?? 0), 0) : null;
      return { dtype, files: sized, sizeBytes, loadable: isLoadable(dtype) };
    });
    return { id, revision, commit: snapshot.commit, weights, defaultDtype: defaultDtype(plan.keys()) };
  } finally {
    await client.close();
  }
}
