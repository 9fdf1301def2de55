// Pulling a model by hub id: the one network use of the app, and only when the analyst asks.
// Files go to <cache>/.downloads/<owner>--<name>/ as .part files (resumed with HTTP Range after
// an interruption), are checked, and the folder is moved into the cache only when complete.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { modelFolder } from './hub-id.ts';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ModelInfo } from '../../api/contract.ts';
import type { AppPaths } from '../../app.ts';
import { DocketError } from '../../errors.ts';
import { throwIfCancelled, type JobContext } from '../../jobs/jobs.ts';
import { describeModel } from './registry.ts';

const REQUIRED = ['config.json', 'tokenizer.json'];
const OPTIONAL = ['tokenizer_config.json', 'special_tokens_map.json'];
const WEIGHTS = ['onnx/model_quantized.onnx', 'onnx/model.onnx'];

export function hubUrl(): string {
  return (process.env.DOCKET_HUB_URL ?? 'https://huggingface.co').replace(/\/+$/, '');
}

type Job = Pick<JobContext, 'signal' | 'report'>;

export async function pullModel(paths: AppPaths, id: string, job: Job, host = hubUrl()): Promise<ModelInfo> {
  // Validated as the hub validates ids: nothing outside the model's own folder is ever deleted.
  const target = modelFolder(paths.modelCache, id);
  const staging = join(paths.modelCache, '.downloads', id.replace('/', '--'));
  mkdirSync(staging, { recursive: true });
  const progress = { done: 0, total: 0 };
  const report = (message: string) => job.report({ done: progress.done, total: progress.total || null, unit: 'bytes', message });
  const fetched: string[] = [];
  for (const file of [...REQUIRED, ...OPTIONAL, ...WEIGHTS]) {
    throwIfCancelled(job.signal);
    const got = await download(`${host}/${id}/resolve/main/${file}`, join(staging, file), job.signal, progress, () => report(file));
    if (got) fetched.push(file);
    else if (REQUIRED.includes(file)) throw new DocketError('model_incomplete', `${id} has no ${file} on ${host}; is it a transformers.js (ONNX) model? Try the Xenova/… or onnx-community/… version.`);
  }
  if (!WEIGHTS.some((w) => fetched.includes(w))) {
    throw new DocketError('model_incomplete', `${id} has no ONNX weights (onnx/model.onnx or onnx/model_quantized.onnx) on ${host}; use a transformers.js-compatible export.`);
  }
  // Validates before the folder becomes visible to the app.
  describeModel(id, staging);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  renameSync(staging, target);
  return describeModel(id, target);
}

/** Downloads one file (resuming a .part); false when the hub has no such file (404). */
async function download(url: string, dest: string, signal: AbortSignal, progress: { done: number; total: number }, report: () => void): Promise<boolean> {
  if (existsSync(dest)) {
    progress.done += statSync(dest).size;
    progress.total += statSync(dest).size;
    return true;
  }
  const part = `${dest}.part`;
  mkdirSync(dirname(dest), { recursive: true });
  const have = existsSync(part) ? statSync(part).size : 0;
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: have > 0 ? { Range: `bytes=${have}-` } : {} });
  } catch (error) {
    if (signal.aborted) throwIfCancelled(signal);
    throw new DocketError('network', `Cannot reach ${new URL(url).origin} (${(error as Error).message}). Check the connection, then pull again: finished files are kept.`);
  }
  if (response.status === 404) return false;
  if (response.status === 416) {
    // The .part already holds everything (interrupted just before the rename).
    renameSync(part, dest);
    return true;
  }
  if (!response.ok || !response.body) throw new DocketError('network', `${url} answered HTTP ${response.status}.`);
  const resumed = response.status === 206;
  const length = Number(response.headers.get('content-length') ?? NaN);
  const start = resumed ? have : 0;
  const total = Number.isFinite(length) ? start + length : NaN;
  progress.done += start;
  if (Number.isFinite(total)) progress.total += total;
  // Each chunk is on disk before the next is read, so an interruption keeps all that arrived.
  const file = await open(part, resumed ? 'a' : 'w');
  try {
    for await (const chunk of Readable.fromWeb(response.body as never, { signal }) as AsyncIterable<Uint8Array>) {
      await file.write(chunk);
      progress.done += chunk.byteLength;
      report();
    }
  } catch (error) {
    if (signal.aborted) throwIfCancelled(signal);
    throw new DocketError('network', `The download of ${url} was interrupted (${(error as Error).message}). Pull again to resume it.`);
  } finally {
    await file.close();
  }
  const size = statSync(part).size;
  if (Number.isFinite(total) && size !== total) throw new DocketError('model_incomplete', `${url}: got ${size} of ${total} bytes. Pull again to resume.`);
  await verifyEtag(part, response.headers.get('x-linked-etag') ?? response.headers.get('etag'), url);
  renameSync(part, dest);
  return true;
}

/** The hub's ETag for LFS files is the sha256 of the content: check it when it looks like one. */
async function verifyEtag(path: string, etag: string | null, url: string): Promise<void> {
  const expected = etag?.replace(/^W\//, '').replace(/"/g, '');
  if (!expected || !/^[0-9a-f]{64}$/.test(expected)) return;
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  const actual = hash.digest('hex');
  if (actual !== expected) {
    rmSync(path, { force: true });
    throw new DocketError('model_corrupt', `${url}: the downloaded file's sha256 ${actual.slice(0, 12)}… does not match the hub's ${expected.slice(0, 12)}…; it was deleted. Pull again.`);
  }
}
