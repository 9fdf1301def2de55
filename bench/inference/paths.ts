// One path of the inference benchmark, run in a process of its own so that its peak memory and
// event-loop lag are its own: `node bench/inference/paths.ts '<PathRequest JSON>'` prints one
// PathResult JSON line. Each path first makes one pass over the warm-up documents (sessions
// loaded, ONNX Runtime's memory arena grown), then is timed over the corpus BENCH_PASSES times
// (default 1), reporting the fastest pass.
//   engine: a model run as the app makes it: documents from a project file, the inference host
//           (a child of this process), results stored per document
//   stock:  the transformers.js pipeline, one document per call, in this process
//   bare:   onnxruntime-node session.run on pre-tokenized, length-sorted batches: the ceiling
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { availableParallelism, tmpdir } from 'node:os';
import { AutoTokenizer, env, pipeline, type PreTrainedModel, type PreTrainedTokenizer } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { batchesByTokens } from '../../src-main/core/inference/batches.ts';
import { InferenceClient } from '../../src-main/core/inference/client.ts';
import { runModel, type ModelRunRequest } from '../../src-main/core/inference/run-job.ts';
import { openDatabase } from '../../src-main/core/store/database.ts';
import * as documents from '../../src-main/core/store/queries/documents.ts';
import { timeSessions } from '../../src-main/core/inference/loaded-models.ts';
import { defaultStride, planWindows } from '../../src-main/core/inference/token-classification/index.ts';
import { benchCorpus } from './corpus.ts';

export interface PathRequest {
  path: 'engine' | 'stock' | 'bare';
  task: 'ner' | 'text-classification';
  model: string;
  dtype: 'fp32' | 'q8';
  docs: number;
  warm: number;
}

export interface PathResult {
  seconds: number;
  /** Time inside ONNX Runtime's session.run. */
  sessionSeconds: number;
  /** Tokens that went through the model (windows with their overlaps; no padding). */
  modelTokens: number;
  p99LagMs: number;
  peakRssMb: number;
  /** The engine's inference host process. */
  hostPeakRssMb?: number;
}

type Timed = Omit<PathResult, 'p99LagMs' | 'peakRssMb'>;
const MAX_LENGTH = 512;

/** Timed passes over the corpus in this process (bench/inference.ts also repeats whole processes). */
const PASSES = Number(process.env.BENCH_PASSES ?? 1);

async function measured(pass: () => Promise<Timed>): Promise<PathResult> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  let best: Timed | null = null;
  for (let i = 0; i < PASSES; i++) {
    const timed = await pass();
    if (!best || timed.seconds < best.seconds) best = timed;
  }
  lag.disable();
  return { ...best!, p99LagMs: lag.percentile(99) / 1e6, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

/** Engine = what the app does: runModel over a project file, results stored per document. */
async function engine(r: PathRequest, docs: string[], warm: string[]): Promise<PathResult> {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'docket-bench-')), 'bench.docket'), { create: true });
  const ids = docs.map((text, i) =>
    documents.insert(db, {
      name: `d${i}.txt`,
      sourcePath: null,
      sha256: `bench-${i}`,
      mediaType: 'text/plain',
      sizeBytes: text.length,
      pageCount: null,
      text,
      blobId: null,
    }),
  );
  const client = new InferenceClient();
  const job = { signal: new AbortController().signal, report: () => {} };
  const request = (documentIds: number[]): ModelRunRequest => ({
    task: r.task,
    model: { id: 'bench', path: r.model, dtype: r.dtype },
    options: r.task === 'ner' ? { aggregation: 'simple' } : {},
    documentIds,
  });
  await runModel(db, client, request(ids.slice(0, warm.length)), job);
  try {
    return await measured(async () => {
      const before = { ...client.costs };
      const t0 = performance.now();
      const summary = await runModel(db, client, request(ids), job);
      return {
        seconds: (performance.now() - t0) / 1000,
        sessionSeconds: (client.costs.sessionMs - before.sessionMs) / 1000,
        modelTokens: summary.counts['tokens'] ?? 0,
        hostPeakRssMb: client.costs.peakRssMb,
      };
    });
  } finally {
    client.close();
    db.close();
  }
}

async function stock(r: PathRequest, docs: string[], warm: string[], tokenizer: PreTrainedTokenizer): Promise<PathResult> {
  const task = r.task === 'ner' ? 'token-classification' : 'text-classification';
  // One call shape for both tasks: the bench only times the calls.
  const pipe = (await pipeline(task, r.model.split('/').pop()!, {
    dtype: r.dtype,
    session_options: { intraOpNumThreads: availableParallelism() },
  })) as unknown as ((text: string, options?: object) => Promise<unknown>) & { model: PreTrainedModel; dispose(): Promise<void> };
  const options = r.task === 'ner' ? { aggregation_strategy: 'simple' } : {};
  for (const d of warm) await pipe(d, options);
  const sessionMs = timeSessions(pipe.model);
  // The stock pipelines truncate at the model's 512 tokens: count only what they read.
  const modelTokens = docs.reduce((n, d) => n + Math.min(tokenizer.encode(d).length, MAX_LENGTH), 0);
  const result = await measured(async () => {
    const [t0, session0] = [performance.now(), sessionMs()];
    for (const d of docs) await pipe(d, options);
    return { seconds: (performance.now() - t0) / 1000, sessionSeconds: (sessionMs() - session0) / 1000, modelTokens };
  });
  await pipe.dispose();
  return result;
}

/** The exact sequences the engine feeds the model: NER windows, or classification's truncated input. */
function sequences(r: PathRequest, texts: string[], tokenizer: PreTrainedTokenizer): number[][] {
  if (r.task === 'ner')
    return texts.flatMap((t) => planWindows(tokenizer, t, { maxLength: MAX_LENGTH, stride: defaultStride(MAX_LENGTH) }).map((w) => w.inputIds));
  return texts.map((t) => Array.from((tokenizer(t, { truncation: true, max_length: MAX_LENGTH }).input_ids as { data: BigInt64Array }).data, Number));
}

function feeds(batch: number[][]): Record<string, ort.Tensor> {
  const seq = batch[0]!.length; // longest first
  const [ids, mask] = [new BigInt64Array(batch.length * seq), new BigInt64Array(batch.length * seq)];
  batch.forEach((s, b) => s.forEach((id, t) => ((ids[b * seq + t] = BigInt(id)), (mask[b * seq + t] = 1n))));
  const dims = [batch.length, seq];
  return {
    input_ids: new ort.Tensor('int64', ids, dims),
    attention_mask: new ort.Tensor('int64', mask, dims),
    token_type_ids: new ort.Tensor('int64', new BigInt64Array(ids.length), dims),
  };
}

async function bare(r: PathRequest, docs: string[], warm: string[], tokenizer: PreTrainedTokenizer): Promise<PathResult> {
  const file = join(r.model, 'onnx', r.dtype === 'q8' ? 'model_quantized.onnx' : 'model.onnx');
  const session = await ort.InferenceSession.create(file, { intraOpNumThreads: availableParallelism(), interOpNumThreads: 1 });
  // Length-sorted and cut into batches exactly as the engine cuts them; inputs built up front.
  const prepare = (texts: string[]) => {
    const seqs = sequences(r, texts, tokenizer).sort((a, b) => b.length - a.length);
    return { tokens: seqs.reduce((n, s) => n + s.length, 0), batches: batchesByTokens(seqs, (s) => s.length, 32).map(feeds) };
  };
  for (const f of prepare(warm).batches) await session.run(f);
  const { tokens, batches } = prepare(docs);
  const result = await measured(async () => {
    const t0 = performance.now();
    for (const f of batches) await session.run(f);
    const seconds = (performance.now() - t0) / 1000;
    return { seconds, sessionSeconds: seconds, modelTokens: tokens };
  });
  await session.release();
  return result;
}

async function main(r: PathRequest): Promise<PathResult> {
  env.allowRemoteModels = false;
  env.localModelPath = join(r.model, '..') + '/';
  const tokenizer = await AutoTokenizer.from_pretrained(r.model.split('/').pop()!);
  const docs = benchCorpus(r.docs);
  const warm = docs.slice(0, r.warm);
  if (r.path === 'engine') return engine(r, docs, warm);
  return r.path === 'stock' ? stock(r, docs, warm, tokenizer) : bare(r, docs, warm, tokenizer);
}

if (import.meta.main) console.log(JSON.stringify(await main(JSON.parse(process.argv[2]!) as PathRequest)));
