// Runs through the router, as the UI starts them: weights chosen by dtype, a wrong choice
// refused with a reason, and the model's own tags joining the label set.
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Label, RunSummary } from '../../../../src-main/core/api/contract.ts';
import { modelDir } from '../../../fixtures/models/index.ts';
import * as runs from '../../../../src-main/core/store/queries/runs.ts';
import { routerSession } from './router-session.ts';

const { root, app, router, caller, call, runJob } = routerSession('docket-runs-api-');
const run = (payload: unknown) => runJob('runs:job.start', payload);
const model = modelDir('ner-wordpiece-cased');

beforeAll(async () => {
  await call('project:file.create', { path: join(root, 'p.docket') });
  writeFileSync(join(root, 'memo.txt'), 'Okonkwo of Acme Corp flew to Paris on Monday.\n');
  await runJob('documents:import.start', { paths: [join(root, 'memo.txt')] });
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
    expect(labels.map((l) => l.name)).toEqual(expect.arrayContaining(['PERSON', 'ORG', 'LOC', 'DATE']));
    expect(labels.map((l) => l.name)).not.toContain('PER'); // mapped onto PERSON, not a second label
  });

  it('shows a run whose process is gone as interrupted, resumes it with the same settings, and starts over when asked', async () => {
    const db = app.db();
    // A pattern run left "running" by a process that no longer exists, one document done.
    const { patternRunSettings } = await import('../../../../src-main/core/detect/run-patterns.ts');
    const settings = patternRunSettings(db);
    const stale = runs.create(db, { ...settings, docsTotal: 1 });
    db.prepare('UPDATE runs SET owner = ? WHERE id = ?').run(`${hostname()}:2147483646`, stale);
    const listed = await call<{ runs: RunSummary[] }>('runs:list.get', {});
    expect(listed.runs.find((r) => r.id === stale)!.status).toBe('interrupted');
    const resumed = await run({ task: 'patterns' });
    expect(resumed.status).toBe('completed');
    const after = await call<{ runs: RunSummary[] }>('runs:list.get', {});
    expect(after.runs.filter((r) => r.task === 'patterns').map((r) => [r.id, r.status])).toEqual([[stale, 'completed']]);
    expect((await run({ task: 'patterns', restart: true })).status).toBe('completed');
    expect((await call<{ runs: RunSummary[] }>('runs:list.get', {})).runs.filter((r) => r.task === 'patterns')).toHaveLength(2);
  });

  it('reads a scanned image with OCR in the job process, and refuses a language that is not installed', async () => {
    const { scanPage } = await import('../../../fixtures/ocr/scans.ts');
    writeFileSync(join(root, 'scan.png'), scanPage({ seed: 5, dpi: 200, lines: ['Scanned note for the file', 'Call 212-555-0100 before Friday'] }).image);
    await runJob('documents:import.start', { paths: [join(root, 'scan.png')] });
    const missing = await run({ task: 'ocr', languages: ['zzz'] });
    expect(missing.status).toBe('failed');
    expect(missing.error?.message).toContain('@tesseract.js-data/zzz');
    const end = await run({ task: 'ocr' });
    expect(end.status).toBe('completed');
    const { rows } = await call<{ rows: Array<{ name: string; status: string; ocrConfidence: number | null }> }>('documents:list.query', { search: 'Scanned' });
    expect(rows).toEqual([expect.objectContaining({ name: 'scan.png', status: 'imported' })]);
    expect(rows[0]!.ocrConfidence).toBeGreaterThan(70);
  }, 120_000);

  it('rejects an unknown dtype at the boundary, and a known one the folder lacks in the run', async () => {
    const result = await router.handle('runs:job.start', { task: 'ner', model, dtype: 'float16' }, caller);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid_request');
    const end = await run({ task: 'ner', model, dtype: 'fp16' });
    expect(end.error?.message).toContain('has no fp16 weights (it has fp32, q8)');
  });
});
