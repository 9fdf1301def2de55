// The built-in detectors run as models do: through the inference host process, into the run
// loop and the store, with the run's thresholds and ignored labels, and a cancel honoured in the
// middle of a long document (the host reads it slice by slice).
import { afterAll, describe, expect, it } from 'vitest';
import { InferenceClient } from '../../../../src-main/core/inference/client.ts';
import { runModel, type ModelRunRequest } from '../../../../src-main/core/inference/run-job.ts';
import * as runs from '../../../../src-main/core/store/queries/runs.ts';
import * as spans from '../../../../src-main/core/store/queries/spans.ts';
import { projectWith } from '../store/project-fixture.ts';

const client = new InferenceClient();
afterAll(() => client.close());
const names: ModelRunRequest['model'] = { id: 'builtin/names', path: 'builtin/names', dtype: 'fp32' };
const job = (signal = new AbortController().signal, report = () => {}) => ({ signal, report });

const project = projectWith;

const letter = 'Dear Ms Amara Okafor,\nThank you for meeting Wei Zhang in Lagos on behalf of Harbourview Energy Ltd.\nRegards,\nTomasz Kowalski\n';

describe('built-in detectors in the run loop', () => {
  it('stores names, places and organisations with exact offsets and scores', async () => {
    const { db, ids } = project([letter]);
    const summary = await runModel(db, client, { task: 'ner', model: names, options: {} }, job());
    expect(summary).toMatchObject({ status: 'completed', docsDone: 1 });
    const found = spans.forDocument(db, ids[0]!).map((s) => `${s.label}:${letter.slice(s.start, s.end)}`);
    expect(found).toEqual(
      expect.arrayContaining(['PERSON:Amara Okafor', 'PERSON:Wei Zhang', 'PERSON:Tomasz Kowalski', 'LOC:Lagos', 'ORG:Harbourview Energy Ltd.']),
    );
    expect(spans.forDocument(db, ids[0]!).every((s) => s.score! > 0 && s.score! <= 1 && s.source === 'model')).toBe(true);
  });

  it('applies the run threshold, per-label minimums and ignored labels', async () => {
    const { db, ids } = project([letter]);
    await runModel(db, client, { task: 'ner', model: names, options: { ignoreLabels: ['O', 'LOC'], thresholds: { ORG: 1 } } }, job());
    const labels = new Set(spans.forDocument(db, ids[0]!).map((s) => s.label));
    expect([...labels]).toEqual(['PERSON']);
  });

  it('tags parts of speech one word at a time', async () => {
    const { db, ids } = project(['The tenant paid the rent quickly.']);
    await runModel(db, client, { task: 'pos', model: { id: 'builtin/pos', path: 'builtin/pos', dtype: 'fp32' }, options: {} }, job());
    const tags = spans.forDocument(db, ids[0]!).map((s) => s.label);
    expect(tags).toEqual(['DET', 'NOUN', 'VERB', 'DET', 'NOUN', 'ADV']);
  });

  it('stops within a long document when cancelled, and leaves it not done', async () => {
    const long = Array.from({ length: 4000 }, (_, i) => `Report ${i}: Amara Okafor met Wei Zhang in Lagos about the lease.`).join('\n');
    const { db } = project([long]);
    const controller = new AbortController();
    let progressed = 0;
    const started = runModel(
      db,
      client,
      { task: 'ner', model: names, options: {} },
      job(controller.signal, () => {
        // The third progress report comes from inside the document: cancel while slices remain.
        if (++progressed === 3) controller.abort();
      }),
    );
    await expect(started).rejects.toThrow(/cancelled/);
    const [run] = runs.list(db);
    expect(run).toMatchObject({ status: 'cancelled', docsDone: 0 });
  });
});
