// "Try the sample" as the window asks for it: one request creates and opens a project, remembers
// it, and starts the ordinary import job, whose events the caller receives as for any import.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_DOCUMENTS } from '../../../../src-main/core/sample/sample-batch.ts';
import { routerSession } from '../api/router-session.ts';

const { root, app, events, call, finished } = routerSession('docket-sample-api-');
afterAll(() => app.close());

describe('project:sample.create', () => {
  it('creates "Sample project.docket" under userData, opens it and imports the batch as an import job', async () => {
    const { path, jobId } = await call<{ path: string; jobId: string }>('project:sample.create', {});
    expect(path).toBe(join(root, 'user', 'projects', 'Sample project.docket'));
    expect(await call('project:file.current', {})).toEqual({ path });
    expect(await call('project:recent.list', {})).toEqual({ paths: [path] });
    const done = await finished(jobId);
    expect(done).toMatchObject({ kind: 'import', status: 'completed', result: { imported: SAMPLE_DOCUMENTS.length, failed: [] } });
    expect(events.some((e) => e.event === 'jobs:progress' && (e.payload as { jobId: string }).jobId === jobId)).toBe(true);
    expect(events.some((e) => e.event === 'project:documents.changed')).toBe(true);
    const list = await call<{ total: number; rows: Array<{ name: string }> }>('documents:list.query', { sort: 'name', limit: 100 });
    expect(list.rows.map((r) => r.name).sort()).toEqual(SAMPLE_DOCUMENTS.map((d) => d.name).sort());
  });

  it('takes the next free name on a second try, and the batch already on disk', async () => {
    const pdf = join(root, 'user', 'sample-batch', 'tenant-review.pdf');
    const madeAt = statSync(pdf).mtimeMs;
    const { path, jobId } = await call<{ path: string; jobId: string }>('project:sample.create', {});
    expect(path).toBe(join(root, 'user', 'projects', 'Sample project 2.docket'));
    expect(statSync(pdf).mtimeMs).toBe(madeAt);
    expect(await finished(jobId)).toMatchObject({ status: 'completed', result: { imported: SAMPLE_DOCUMENTS.length } });
    expect((await call<{ paths: string[] }>('project:recent.list', {})).paths.slice(0, 2)).toEqual([
      path,
      join(root, 'user', 'projects', 'Sample project.docket'),
    ]);
  });

  it('creates it at the path given, and refuses a path that exists without touching it', async () => {
    const given = join(root, 'mine.docket');
    const { path, jobId } = await call<{ path: string; jobId: string }>('project:sample.create', { path: given });
    expect(path).toBe(given);
    expect(await finished(jobId)).toMatchObject({ status: 'completed' });
    const taken = join(root, 'taken.docket');
    writeFileSync(taken, 'my notes');
    await expect(call('project:sample.create', { path: taken })).rejects.toThrow(/^exists: .*taken\.docket already exists/);
    await expect(call('project:sample.create', { path: join(root, 'no-such-folder', 'p.docket') })).rejects.toThrow(/^no_folder: /);
    expect(existsSync(join(root, 'no-such-folder'))).toBe(false);
    expect(await call('project:file.current', {})).toEqual({ path: given });
  });
});
