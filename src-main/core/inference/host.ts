// The inference host: one process (an Electron utilityProcess in the app, a forked child under
// plain Node) that owns every ONNX session. Main never runs a model on the thread that serves
// the UI; a crash here costs a restart, not the app. Requests run one at a time, in order.
import { parentPort } from '../parent-port.ts';
import { BUILTIN_DETECTORS, isBuiltinId } from './builtin/index.ts';
import { runBuiltinTask } from './builtin-task.ts';
import { HostTaskError } from './host-task-error.ts';
import { loadModel } from './loaded-models.ts';
import { type FromHost, ToHost, type DocResult, type RunStats } from './protocol.ts';
import { runNli, runTextClassification, runZeroShot } from './sequence-task.ts';
import { runTokenTask, type TaskHooks } from './token-task.ts';

type RunMessage = Extract<ToHost, { type: 'run' }>;

const cancelled = new Set<string>();
let queue: Promise<void> = Promise.resolve();

async function run(message: RunMessage, send: (m: FromHost) => void): Promise<RunStats> {
  const { requestId } = message;
  if (cancelled.has(requestId)) throw new HostTaskError('cancelled', 'The run was cancelled.');
  const progress = { docs: 0, planned: 0, done: 0 };
  const hooks: TaskHooks = {
    cancelled: () => cancelled.has(requestId),
    plan: (tokens) => (progress.planned = tokens),
    progress: (tokens) => {
      progress.done += tokens;
      send({ type: 'progress', requestId, docs: progress.docs, tokens, share: progress.planned > 0 ? Math.min(1, progress.done / progress.planned) : 0 });
    },
  };
  const sendAll = (results: Map<number, DocResult>) => {
    for (const [docId, result] of results) {
      progress.docs++;
      send({ type: 'doc', requestId, docId, result });
    }
  };
  const t0 = performance.now();
  const path = message.model.path;
  if (isBuiltinId(path)) {
    sendAll(await runBuiltinTask(BUILTIN_DETECTORS[path], message.docs, message.options, hooks));
    return { sessionMs: 0, totalMs: performance.now() - t0, peakRssMb: peakRssMb() };
  }
  const head = message.task === 'ner' || message.task === 'pos' ? 'token' : 'sequence';
  const loaded = await loadModel(path, message.model.dtype, head).catch((error: Error) => {
    throw new HostTaskError('model_load_failed', `Cannot load the model in ${path}: ${error.message}`);
  });
  // Model loading is left out: it happens once per host, not per request.
  const [t1, session0] = [performance.now(), loaded.sessionMs()];
  const runner = { ner: runTokenTask, pos: runTokenTask, 'text-classification': runTextClassification, nli: runNli, 'zero-shot': runZeroShot }[message.task];
  sendAll(await runner(loaded, message.docs, message.options, hooks));
  return { sessionMs: loaded.sessionMs() - session0, totalMs: performance.now() - t1, peakRssMb: peakRssMb() };
}

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

function main(): void {
  const p = parentPort<FromHost>();
  p.onMessage((raw) => {
    const parsed = ToHost.safeParse(raw);
    if (!parsed.success) return; // main validates its own messages; anything else is ignored
    const message = parsed.data;
    if (message.type === 'cancel') {
      cancelled.add(message.requestId);
      return;
    }
    queue = queue.then(async () => {
      try {
        const stats = await run(message, p.send);
        p.send({ type: 'done', requestId: message.requestId, stats });
      } catch (error) {
        const code = error instanceof HostTaskError ? error.code : 'inference_failed';
        p.send({ type: 'error', requestId: message.requestId, code, message: (error as Error).message });
      } finally {
        cancelled.delete(message.requestId);
      }
    });
  });
  p.send({ type: 'ready', pid: process.pid });
}

main();
