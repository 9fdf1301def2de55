// Heavy work runs in a job process of its own: an import there gives the same report as ever,
// cancel reaches it and stops it part-way, and a process that dies is a clear failure.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInJobProcess } from '../../../../src-main/core/jobs/job-process.ts';
import { forkLauncher } from '../../../../src-main/core/inference/host-launcher.ts';
import type { ProgressUpdate } from '../../../../src-main/core/jobs/jobs.ts';
import { openDatabase } from '../../../../src-main/core/store/database.ts';

function project(files: number): { path: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'docket-jobproc-'));
  const path = join(root, 'p.docket');
  openDatabase(path, { create: true }).close();
  const dir = join(root, 'in');
  mkdirSync(dir);
  for (let i = 0; i < files; i++) writeFileSync(join(dir, `n${i}.txt`), `Note ${i}: call 415-555-${String(1000 + i).padStart(4, '0')}.`);
  return { path, dir };
}

const count = (path: string) => {
  const db = openDatabase(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('the job process', () => {
  it('imports in its own process and relays progress and the report', async () => {
    const { path, dir } = project(40);
    const updates: ProgressUpdate[] = [];
    const report = await runInJobProcess(
      'import',
      path,
      { paths: [dir] },
      { jobId: 'j', signal: new AbortController().signal, report: (u) => updates.push(u) },
    );
    expect(report.imported).toBe(40);
    expect(updates.at(-1)).toMatchObject({ done: 40, total: 40, unit: 'files' });
    expect(count(path)).toBe(40);
  }, 60_000);

  it('is cancelled part-way when the job is', async () => {
    const { path, dir } = project(3000);
    const controller = new AbortController();
    const running = runInJobProcess(
      'import',
      path,
      { paths: [dir] },
      { jobId: 'j', signal: controller.signal, report: (u) => u.done >= 100 && controller.abort() },
    );
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    const stored = count(path);
    expect(stored).toBeGreaterThanOrEqual(100);
    expect(stored).toBeLessThan(3000);
  }, 60_000);

  it('a process that dies is a clear failure, not a hang', async () => {
    const { path, dir } = project(2000);
    let pid = 0;
    const launcher: typeof forkLauncher = (entry) => {
      const child = forkLauncher(entry);
      return {
        ...child,
        onMessage: (fn) =>
          child.onMessage((m) => {
            if (!pid && (m as { type: string }).type === 'progress') {
              pid = -1;
              child.kill();
            }
            fn(m);
          }),
      };
    };
    await expect(
      runInJobProcess('import', path, { paths: [dir] }, { jobId: 'j', signal: new AbortController().signal, report: () => {} }, launcher),
    ).rejects.toMatchObject({ code: 'job_process_crashed' });
    expect(pid).toBe(-1);
  }, 60_000);
});
