// The one job protocol every long task uses: throttled progress with rate and ETA, cancel, one
// running job per key, failures reported with their code.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobFinished, JobProgress } from '../../../../src-main/core/api/contract.ts';
import { DocketError } from '../../../../src-main/core/errors.ts';
import { CancelledError, JobRunner, throwIfCancelled, type JobContext } from '../../../../src-main/core/jobs/jobs.ts';

function listener() {
  const progress: JobProgress[] = [];
  const finished: JobFinished[] = [];
  return { progress, finished, listener: { progress: (e: JobProgress) => progress.push(e), finished: (e: JobFinished) => finished.push(e) } };
}

/** A job that waits for the test to step it, so time can be moved between reports. */
function steppedJob() {
  let step: (() => void) | null = null;
  const next = () => new Promise<void>((resolve) => (step = resolve));
  return { next, advance: () => step?.() };
}

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

describe('JobRunner', () => {
  it('throttles progress to one event per 100 ms but always sends the final state', async () => {
    const l = listener();
    const { promise } = new JobRunner().start('count', l.listener, async (job) => {
      for (let i = 1; i <= 50; i++) job.report({ done: i, total: 50, unit: 'items' });
      return 'ok';
    });
    await expect(promise).resolves.toBe('ok');
    expect(l.progress.map((p) => p.done)).toEqual([1, 50]);
    expect(l.finished).toEqual([expect.objectContaining({ status: 'completed', result: 'ok' })]);
  });

  it('rate and ETA from the recent pace of items', async () => {
    const l = listener();
    const s = steppedJob();
    const runner = new JobRunner();
    const { promise } = runner.start('count', l.listener, async (job) => {
      job.report({ done: 0, total: 100, unit: 'items' });
      await s.next();
      job.report({ done: 20, total: 100, unit: 'items' });
    });
    vi.setSystemTime(Date.now() + 10_000 / 2); // 20 items in 5 s → 4/s, 80 left → 20 s
    s.advance();
    await promise;
    expect(l.progress.at(-1)).toMatchObject({ done: 20, ratePerSecond: 4, etaSeconds: 20 });
  });

  it('when items differ in size, the ETA and the fraction follow the work, not the count', async () => {
    const l = listener();
    const s = steppedJob();
    const { promise } = new JobRunner().start('run', l.listener, async (job) => {
      job.report({ done: 0, total: 10, unit: 'documents', effort: { done: 0, total: 100_000 } });
      await s.next();
      // Nine short documents done, but only a tenth of the characters: the long one is left.
      job.report({ done: 9, total: 10, unit: 'documents', effort: { done: 10_000, total: 100_000 } });
    });
    vi.setSystemTime(Date.now() + 10_000);
    s.advance();
    await promise;
    const last = l.progress.at(-1)!;
    expect(last.etaSeconds).toBeCloseTo(90); // 90,000 characters at 1,000/s, not 1 document at 0.9/s
    expect(last.fraction).toBeCloseTo(0.1);
    expect(last).not.toHaveProperty('effort');
  });

  it('cancel aborts the signal; the job ends "cancelled" and its promise rejects with CancelledError', async () => {
    const l = listener();
    const runner = new JobRunner();
    let context: JobContext | null = null;
    const { jobId, promise } = runner.start('slow', l.listener, async (job) => {
      context = job;
      await new Promise((resolve) => job.signal.addEventListener('abort', resolve));
      throwIfCancelled(job.signal);
    });
    expect(runner.running).toEqual([jobId]);
    expect(runner.cancel(jobId)).toBe(true);
    await expect(promise).rejects.toBeInstanceOf(CancelledError);
    expect(context!.signal.aborted).toBe(true);
    expect(l.finished).toEqual([expect.objectContaining({ status: 'cancelled', error: { code: 'cancelled', message: 'The job was cancelled.' } })]);
    expect(runner.running).toEqual([]);
    expect(runner.cancel(jobId)).toBe(false);
  });

  it('a second start with the key of a running job returns that job', async () => {
    const runner = new JobRunner();
    const s = steppedJob();
    const work = vi.fn(async () => s.next());
    const first = runner.start('export', listener().listener, work, 'export:1');
    const second = runner.start('export', listener().listener, work, 'export:1');
    expect(second.jobId).toBe(first.jobId);
    s.advance();
    await first.promise;
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('a failure is reported with its error code and message', async () => {
    const l = listener();
    const { promise } = new JobRunner().start('import', l.listener, async () => {
      throw new DocketError('file_unreadable', 'Cannot read a.pdf: permission denied.');
    });
    await expect(promise).rejects.toThrow('permission denied');
    expect(l.finished).toEqual([
      expect.objectContaining({ status: 'failed', error: { code: 'file_unreadable', message: 'Cannot read a.pdf: permission denied.' } }),
    ]);
  });
});
