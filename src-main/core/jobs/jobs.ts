import { randomUUID } from 'node:crypto';
import type { JobFinished, JobProgress } from '../model/job.ts';
import { DocketError, errorMessage } from '../errors.ts';

export interface ProgressUpdate {
  done: number;
  total: number | null;
  unit: string;
  message?: string;
  /**
   * The work behind `done`, when items differ in size (characters of documents of 50 to 3,000
   * words): the ETA follows this, not the item count, which would promise the long tail at the
   * speed of the short items done first.
   */
  effort?: { done: number; total: number };
}

/** What a piece of long work gets: a signal to check between batches, and a way to report. */
export interface JobContext {
  readonly jobId: string;
  readonly signal: AbortSignal;
  report(update: ProgressUpdate): void;
}

export type JobWork<R> = (context: JobContext) => Promise<R>;

export interface JobListener {
  progress(event: JobProgress): void;
  finished(event: JobFinished): void;
}

interface RunningJob {
  kind: string;
  controller: AbortController;
  promise: Promise<unknown>;
  key: string | undefined;
}

/** Progress reaches listeners at most this often; the final state is always sent. */
const PROGRESS_INTERVAL_MS = 100;

export class CancelledError extends DocketError {
  constructor() {
    super('cancelled', 'The job was cancelled.');
  }
}

/** Throws when the job was cancelled; call it between batches. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CancelledError();
}

/**
 * Jobs have an id, a throttled progress stream to the listener that asked, and cancel.
 * Starting a job with the key of one still running returns the running one (shared promise).
 */
export class JobRunner {
  readonly #jobs = new Map<string, RunningJob>();

  start<R>(kind: string, listener: JobListener, work: JobWork<R>, key?: string): { jobId: string; promise: Promise<R> } {
    if (key !== undefined) {
      for (const [jobId, job] of this.#jobs) {
        if (job.key === key) return { jobId, promise: job.promise as Promise<R> };
      }
    }
    const jobId = randomUUID();
    const controller = new AbortController();
    const meter = new RateMeter();
    let lastSent = 0;
    const context: JobContext = {
      jobId,
      signal: controller.signal,
      report(update) {
        meter.record(update.done, update.effort?.done);
        const now = Date.now();
        const final = update.total !== null && update.done >= update.total;
        if (!final && now - lastSent < PROGRESS_INTERVAL_MS) return;
        lastSent = now;
        const { effort, ...shown } = update;
        const fraction = effort && effort.total > 0 ? { fraction: Math.min(1, effort.done / effort.total) } : {};
        listener.progress({ jobId, kind, ...shown, ...fraction, ...meter.estimate(update, effort) });
      },
    };
    const promise = (async () => {
      try {
        const result = await work(context);
        listener.finished({ jobId, kind, status: 'completed', result });
        return result;
      } catch (error) {
        const cancelled = controller.signal.aborted || error instanceof CancelledError;
        const code = error instanceof DocketError ? error.code : 'internal';
        listener.finished({
          jobId,
          kind,
          status: cancelled ? 'cancelled' : 'failed',
          error: { code: cancelled ? 'cancelled' : code, message: errorMessage(error) },
        });
        throw error;
      } finally {
        this.#jobs.delete(jobId);
      }
    })();
    // Callers that only listen to events must not trigger unhandled-rejection crashes.
    promise.catch(() => {});
    this.#jobs.set(jobId, { kind, controller, promise, key });
    return { jobId, promise };
  }

  cancel(jobId: string): boolean {
    const job = this.#jobs.get(jobId);
    if (!job) return false;
    job.controller.abort(new CancelledError());
    return true;
  }

  cancelAll(): void {
    for (const job of this.#jobs.values()) job.controller.abort(new CancelledError());
  }

  get running(): string[] {
    return [...this.#jobs.keys()];
  }
}

/** Rates over a sliding window of recent samples, so the ETA follows the current speed. */
class RateMeter {
  readonly #samples: Array<{ t: number; done: number; effort: number }> = [];

  record(done: number, effort = done): void {
    const t = Date.now();
    this.#samples.push({ t, done, effort });
    while (this.#samples.length > 2 && t - this.#samples[0]!.t > 10_000) this.#samples.shift();
  }

  estimate(
    items: { done: number; total: number | null },
    effort?: { done: number; total: number },
  ): { ratePerSecond: number | null; etaSeconds: number | null } {
    const first = this.#samples[0];
    const last = this.#samples[this.#samples.length - 1];
    if (!first || !last || last.t === first.t) return { ratePerSecond: null, etaSeconds: null };
    const seconds = (last.t - first.t) / 1000;
    const rate = (last.done - first.done) / seconds;
    const [left, speed] = effort
      ? [effort.total - effort.done, (last.effort - first.effort) / seconds]
      : [items.total === null ? null : items.total - items.done, rate];
    const eta = left !== null && speed > 0 ? Math.max(0, left / speed) : null;
    return { ratePerSecond: rate, etaSeconds: eta };
  }
}
