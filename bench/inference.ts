// `npm run bench -- inference`: NER over a corpus of mixed-length documents on a BERT-base-shaped
// model (12 layers, 768 hidden; random weights: speed does not depend on them), three ways:
//   (a) Docket's engine: the inference host process, length-sorted windows batched across documents
//   (b) the stock transformers.js token-classification pipeline, one document at a time, in-process
//   (c) bare onnxruntime session.run over exactly the engine's windows, one at a time: the ceiling
//       (no tokenizing, no IPC, no decoding) for the same work
// Prints tokens/s for each, the ratios a/c and a/b, and the main thread's event-loop delay (p99)
// while each runs: the engine must leave the main thread free, the in-process pipeline cannot.
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { availableParallelism } from 'node:os';
import { AutoTokenizer, env, pipeline } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { InferenceClient } from '../src-main/core/inference/client.ts';
import { defaultStride, planWindows, type TokenWindow } from '../src-main/core/inference/token-classification/index.ts';
import { ensureBertBaseShaped } from './models/bert-base-shaped.ts';
import { benchVocabularyWords } from './models/bench-vocabulary.ts';

const DOCS = Number(process.env.BENCH_DOCS ?? 24);

function corpus(): string[] {
  const words = benchVocabularyWords();
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  // Lengths from a short note to a few pages: 30–900 words.
  return Array.from({ length: DOCS }, (_, d) => {
    const n = 30 + Math.floor(rand() ** 2 * 870) + (d === 0 ? 600 : 0);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(words[Math.floor(rand() * words.length)]! + (i % 14 === 13 ? '.' : ''));
    return out.join(' ');
  });
}

async function lagDuring<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; p99: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const t0 = performance.now();
  const value = await fn();
  const seconds = (performance.now() - t0) / 1000;
  h.disable();
  return { value, seconds, p99: h.percentile(99) / 1e6 };
}

async function engine(path: string, dtype: 'fp32' | 'q8', docs: string[], task: 'ner' | 'text-classification' = 'ner') {
  const client = new InferenceClient();
  // Warm-up: one full pass, so every path is timed in steady state (session loaded, every
  // sequence shape seen once by ONNX Runtime). All three paths get the same treatment.
  await client.run({ task, model: { path, dtype }, docs: docs.map((text, i) => ({ id: i + 1, text })), options: {} }, { onDoc: () => {}, onProgress: () => {} });
  let windowTokens = 0;
  const r = await lagDuring(() =>
    client.run({ task, model: { path, dtype }, docs: docs.map((text, i) => ({ id: i + 1, text })), options: task === 'ner' ? { aggregation: 'simple' } : {} }, {
      onDoc: (_id, result) => void (windowTokens += result.tokens),
      onProgress: () => {},
    }));
  client.close();
  return { windowTokens, ...r };
}

async function stock(path: string, dtype: 'fp32' | 'q8', docs: string[], tokenCounts: number[], task: 'token-classification' | 'text-classification' = 'token-classification') {
  env.allowRemoteModels = false;
  env.localModelPath = join(path, '..') + '/';
  // One call shape for both tasks: the bench only times the calls.
  const pipe = (await pipeline(task, path.split('/').pop()!, { dtype, session_options: { intraOpNumThreads: availableParallelism() } })) as unknown as
    ((text: string, options?: object) => Promise<unknown>) & { dispose(): Promise<void> };
  for (const d of docs) await pipe(d, task === 'token-classification' ? { aggregation_strategy: 'simple' } : {});
  // The stock pipeline truncates at the model's 512 tokens: count only what it actually reads.
  const tokens = tokenCounts.reduce((a, n) => a + Math.min(n, 512), 0);
  const r = await lagDuring(async () => {
    for (const d of docs) await pipe(d, task === 'token-classification' ? { aggregation_strategy: 'simple' } : {});
  });
  await pipe.dispose();
  return { tokens, ...r };
}

async function bare(path: string, dtype: 'fp32' | 'q8', windows: TokenWindow[]) {
  const file = join(path, 'onnx', dtype === 'q8' ? 'model_quantized.onnx' : 'model.onnx');
  const session = await ort.InferenceSession.create(file, { intraOpNumThreads: availableParallelism(), interOpNumThreads: 1 });
  const feeds = (w: TokenWindow) => {
    const tensor = (data: number[]) => new ort.Tensor('int64', BigInt64Array.from(data, BigInt), [1, data.length]);
    return { input_ids: tensor(w.inputIds), attention_mask: tensor(w.attentionMask), token_type_ids: tensor(w.tokenTypeIds ?? w.inputIds.map(() => 0)) };
  };
  for (const w of windows) await session.run(feeds(w));
  const t0 = performance.now();
  for (const w of windows) await session.run(feeds(w));
  const seconds = (performance.now() - t0) / 1000;
  await session.release();
  return { seconds };
}

export async function benchInference(): Promise<void> {
  const { ner, classifier } = await ensureBertBaseShaped(join(import.meta.dirname, '..', '.cache', 'models'));
  const docs = corpus();
  env.allowRemoteModels = false;
  env.localModelPath = join(ner, '..') + '/';
  const tokenizer = await AutoTokenizer.from_pretrained(ner.split('/').pop()!);
  const tokenCounts = docs.map((d) => tokenizer.encode(d).length);
  const total = tokenCounts.reduce((a, b) => a + b, 0);
  // The engine's windows: 512 tokens with a quarter overlapping, as the engine plans them.
  const windows = docs.flatMap((d) => planWindows(tokenizer, d, { maxLength: 512, stride: defaultStride(512) }));
  const windowTokens = windows.reduce((n, w) => n + w.inputIds.length, 0);
  console.log(`inference: ${docs.length} documents, ${total.toLocaleString('en')} tokens (${Math.min(...tokenCounts)}–${Math.max(...tokenCounts)} per document), ${availableParallelism()} cores`);
  console.log(`  rates are document tokens per second: each token of the text counted once, however many windows read it`);
  for (const dtype of ['fp32', 'q8'] as const) {
    const c = await bare(ner, dtype, windows);
    const a = await engine(ner, dtype, docs);
    const b = await stock(ner, dtype, docs, tokenCounts);
    const ra = total / a.seconds;
    const rb = b.tokens / b.seconds;
    const rc = total / c.seconds;
    console.log(`  ${dtype}:`);
    console.log(`    (a) engine     ${ra.toFixed(0).padStart(6)} tok/s  all ${total.toLocaleString('en')} tokens in ${a.seconds.toFixed(1)} s (${a.windowTokens.toLocaleString('en')} window tokens with overlaps); main-thread p99 lag ${a.p99.toFixed(1)} ms`);
    console.log(`    (b) pipeline   ${rb.toFixed(0).padStart(6)} tok/s  ${b.tokens.toLocaleString('en')} tokens in ${b.seconds.toFixed(1)} s (truncates at 512: ${(total - b.tokens).toLocaleString('en')} tokens never read); main-thread p99 lag ${b.p99.toFixed(1)} ms`);
    console.log(`    (c) bare run   ${rc.toFixed(0).padStart(6)} tok/s  the same ${windows.length} windows (${windowTokens.toLocaleString('en')} tokens) in ${c.seconds.toFixed(1)} s`);
    console.log(`    ratios: a/c ${(ra / rc).toFixed(2)} (share of bare compute speed the engine keeps), a/b ${(ra / rb).toFixed(2)} (engine vs stock pipeline)`);
  }
  // Classification reads each document's first 512 tokens on all three paths: equal work.
  const read = tokenCounts.reduce((n, t) => n + Math.min(t, 512), 0);
  const firstWindows = docs.map((d) => planWindows(tokenizer, d, { maxLength: 512, stride: defaultStride(512) })[0]!);
  console.log(`classification (${read.toLocaleString('en')} tokens: each document's first 512):`);
  for (const dtype of ['fp32', 'q8'] as const) {
    const c = await bare(classifier, dtype, firstWindows);
    const a = await engine(classifier, dtype, docs, 'text-classification');
    const b = await stock(classifier, dtype, docs, tokenCounts, 'text-classification');
    const [ra, rb, rc] = [read / a.seconds, read / b.seconds, read / c.seconds];
    console.log(`  ${dtype}: (a) engine ${ra.toFixed(0)} tok/s (p99 lag ${a.p99.toFixed(1)} ms) · (b) pipeline ${rb.toFixed(0)} tok/s (p99 lag ${b.p99.toFixed(1)} ms) · (c) bare ${rc.toFixed(0)} tok/s · a/c ${(ra / rc).toFixed(2)}, a/b ${(ra / rb).toFixed(2)}`);
  }
}

if (import.meta.main) await benchInference();
