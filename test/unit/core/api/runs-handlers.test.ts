// Runs through the router, as the UI starts them: weights chosen by dtype, a wrong choice
// refused with a reason, and the model's own tags joining the label set.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, JobFinished, Label, RunSummary } from '../../../../src-main/core/api/contract.ts';
import { createCore } from '../../../../src-main/core/api/create-core.ts';
import type { Caller } from '../../../../src-main/core/api/router.ts';
import { modelDir } from '../../../fixtures/models/index.ts';

const root = mkdtempSync(join(tmpdir(), 'docket-runs-api-'));
const { app, router } = createCore(join(root, 'user'));
const events: Array<{ event: EventName; payload: unknown }> = [];
const caller: Caller = { id: 'test', emit: (event, payload) => events.push({ event, payload }) };
const call = async <T = unknown>(channel: string, payload: unknown): Promise<T> => {
  const result = await router.handle(channel, payload, caller);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};
const finished = (jobId: string) =>
  new Promise<JobFinished>((resolve) => {
    const check = () => {
      const hit = events.find((e) => e.event === 'jobs:finished' && (e.payload as JobFinished).jobId === jobId);
      if (hit) resolve(hit.payload as JobFinished);
      else setTimeout(check, 20);
    };
    check();
  });
const run = async (payload: unknown) => finished((await call<{ jobId: string }>('runs:job.start', payload)).jobId);
const model = modelDir('ner-wordpiece-cased');

beforeAll(async () => {
  await call('project:file.create', { path: join(root, 'p.docket') });
  writeFileSync(join(root, 'memo.txt'), 'Okonkwo of Acme Corp flew to Paris on Monday.\n');
  await finished((await call<{ jobId: string }>('documents:import.start', { paths: [join(root, 'memo.txt')] })).jobId);
  await call('models:folder.import', { path: model });
  await call('models:folder.import', { path: modelDir('nli') });
});
afterAll(() => app.close());

describe('runs handlers through the router', () => {
  it('refuses weights the model folder does not have, naming the ones it has', async () => {
    // The generated NLI model ships fp32 only.
    const end = await run({ task: 'zero-shot', model: modelDir('nli'), dtype: 'q8', labels: ['travel'] });
    expect(end.status).toBe('failed');
    expect(end.error?.code).toBe('wrong_dtype');
    expect(end.error?.message).toContain('has no q8 weights (it has fp32)');
  });

  it('runs with the chosen weights, records them, and adds the model tags to the label set', async () => {
    const end = await run({ task: 'ner', model, dtype: 'q8' });
    expect(end.status).toBe('completed');
    const { runs } = await call<{ runs: RunSummary[] }>('runs:list.get', {});
    expect(runs[0]!.status).toBe('completed');
    expect(runs[0]!.counts.spans).toBe(4);
    const { labels } = await call<{ labels: Label[] }>('labels:list.get', {});
    expect(labels.map((l) => l.name)).toEqual(expect.arrayContaining(['PER', 'ORG', 'LOC', 'DATE']));
  });

  it('rejects an unknown dtype at the boundary', async () => {
    const result = await router.handle('runs:job.start', { task: 'ner', model, dtype: 'fp16' }, caller);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid_request');
  });
});
