// Long work (import, runs, pulls, exports) as the UI sees it: progress per job from the core's
// events, and a promise for the end. Finished events for jobs not yet registered are kept, so a
// very fast job cannot finish "before" it started.
import type { JobFinished, JobProgress } from '../../../src-main/core/api/contract.ts';
import type { Api } from '../api.ts';

export interface TrackedJob {
  jobId: string;
  label: string;
  progress: JobProgress | null;
  finished: JobFinished | null;
}

export class JobTracker {
  jobs = $state<TrackedJob[]>([]);
  readonly #waiters = new Map<string, (f: JobFinished) => void>();
  readonly #early = new Map<string, JobFinished>();
  readonly #api: Api;

  constructor(api: Api) {
    this.#api = api;
    api.on('jobs:progress', (p) => {
      const job = this.jobs.find((j) => j.jobId === p.jobId);
      if (job) job.progress = p;
    });
    api.on('jobs:finished', (f) => {
      const job = this.jobs.find((j) => j.jobId === f.jobId);
      if (!job) {
        this.#early.set(f.jobId, f);
        return;
      }
      job.finished = f;
      this.#waiters.get(f.jobId)?.(f);
      this.#waiters.delete(f.jobId);
    });
  }

  /**
   * Starts a job through `begin` and resolves with its end (completed, cancelled or failed), or
   * null when it could not start. A refusal to start and a failure both go to `onError`, once,
   * here: every panel that runs a job reports them the same way.
   */
  async run(label: string, begin: () => Promise<{ jobId: string }>, onError: (message: string) => void): Promise<JobFinished | null> {
    let jobId: string;
    try {
      ({ jobId } = await begin());
    } catch (e) {
      onError((e as Error).message);
      return null;
    }
    this.jobs.push({ jobId, label, progress: null, finished: null });
    const early = this.#early.get(jobId);
    let finished: JobFinished;
    if (early) {
      this.#early.delete(jobId);
      this.jobs.find((j) => j.jobId === jobId)!.finished = early;
      finished = early;
    } else {
      finished = await new Promise<JobFinished>((resolve) => this.#waiters.set(jobId, resolve));
    }
    if (finished.status === 'failed') onError(finished.error?.message ?? `${label}: failed.`);
    return finished;
  }

  cancel(jobId: string): Promise<unknown> {
    return this.#api.request('jobs:job.cancel', { jobId }).catch(() => undefined);
  }

  dismiss(jobId: string): void {
    this.jobs = this.jobs.filter((j) => j.jobId !== jobId);
  }
}
