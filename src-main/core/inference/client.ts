// Main's side of the inference host: starts it on first use, sends one request at a time per
// run, and turns a host that dies (crash, OOM, SIGKILL) into a typed error so the run can
// restart it and resume. Nothing here blocks the event loop: the host does the work.
import { join } from 'node:path';
import { DocketError } from '../errors.ts';
import { forkLauncher, type HostLauncher, type HostProcess } from './host-launcher.ts';
import type { OnnxDtype } from './models/dtypes.ts';
import { FromHost, type DocResult, type InferenceTask, type RunStats, type TaskOptions, type ToHost } from './protocol.ts';

export class HostCrashedError extends DocketError {
  constructor(code: number | null) {
    super('host_crashed', `The inference process stopped unexpectedly (exit code ${code ?? 'none'}).`);
  }
}

interface Pending {
  onDoc(docId: number, result: DocResult): void;
  /** tokens just done; share of the request's model work done so far (0–1). */
  onProgress(tokens: number, share: number): void;
  resolve(stats: RunStats): void;
  reject(error: Error): void;
}

export interface InferenceRequest {
  task: InferenceTask;
  model: { path: string; dtype: OnnxDtype };
  docs: Array<{ id: number; text: string }>;
  options: TaskOptions;
}

/** The host's entry under plain Node: the TypeScript source, run by Node's type stripping. */
export const DEFAULT_HOST_ENTRY = join(import.meta.dirname, 'host.ts');

export class InferenceClient {
  readonly #launcher: HostLauncher;
  readonly #entry: string;
  #host: HostProcess | null = null;
  #pid: number | null = null;
  readonly #pending = new Map<string, Pending>();
  #next = 0;
  /** How many times a host has been started: tests and the UI can tell a restart happened. */
  starts = 0;
  /** What every finished request cost so far (benchmarks read it around a run). */
  readonly costs = { requests: 0, sessionMs: 0, totalMs: 0, peakRssMb: 0 };

  constructor(launcher: HostLauncher = forkLauncher, entry: string = DEFAULT_HOST_ENTRY) {
    this.#launcher = launcher;
    this.#entry = entry;
  }

  get pid(): number | null {
    return this.#pid;
  }

  #ensureHost(): HostProcess {
    if (this.#host) return this.#host;
    const host = this.#launcher(this.#entry);
    this.starts++;
    this.#host = host;
    host.onMessage((raw) => this.#receive(raw));
    host.onExit((code) => {
      if (this.#host !== host) return;
      this.#host = null;
      this.#pid = null;
      const error = new HostCrashedError(code);
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    });
    return host;
  }

  #receive(raw: unknown): void {
    const parsed = FromHost.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'ready') {
      this.#pid = message.pid;
      return;
    }
    const pending = this.#pending.get(message.requestId);
    if (!pending) return;
    if (message.type === 'doc') pending.onDoc(message.docId, message.result);
    else if (message.type === 'progress') pending.onProgress(message.tokens, message.share);
    else {
      this.#pending.delete(message.requestId);
      if (message.type === 'error') return pending.reject(new DocketError(message.code, message.message));
      this.#count(message.stats);
      pending.resolve(message.stats);
    }
  }

  #count(stats: RunStats): void {
    this.costs.requests++;
    this.costs.sessionMs += stats.sessionMs;
    this.costs.totalMs += stats.totalMs;
    this.costs.peakRssMb = Math.max(this.costs.peakRssMb, stats.peakRssMb);
  }

  /** Runs one group of documents; results arrive per document through onDoc; resolves with its cost. */
  run(request: InferenceRequest, handlers: Pick<Pending, 'onDoc' | 'onProgress'>, signal?: AbortSignal): Promise<RunStats> {
    const host = this.#ensureHost();
    const requestId = `r${++this.#next}`;
    return new Promise<RunStats>((resolve, reject) => {
      const onAbort = () => host.send({ type: 'cancel', requestId } satisfies ToHost);
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.#pending.set(requestId, {
        ...handlers,
        resolve: (stats) => (done(), resolve(stats)),
        reject: (e) => (done(), reject(e)),
      });
      host.send({ type: 'run', requestId, ...request } satisfies ToHost);
      if (signal?.aborted) onAbort();
    });
  }

  /** Stops the host (app close); a later run starts a new one. */
  close(): void {
    const host = this.#host;
    this.#host = null;
    this.#pid = null;
    for (const pending of this.#pending.values()) pending.reject(new DocketError('cancelled', 'The inference process was closed.'));
    this.#pending.clear();
    host?.kill();
  }
}
