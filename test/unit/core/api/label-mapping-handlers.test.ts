// The catalog and label mappings through the router, as the Models and Labels views use them:
// a real project file, the generated NER model run by the inference host, and the analyst's
// decisions surviving a change of mapping.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CatalogModel,
  LabelMapping,
  type DocumentDetail,
  type ImportReport,
  type Label,
  type RunSummary,
  type Span,
} from '../../../../src-main/core/api/contract.ts';
import { ensureTestModels, modelDir } from '../../../fixtures/models/index.ts';
import { routerSession } from './router-session.ts';

const { root, app, router, caller, call, runJob } = routerSession('docket-mapping-api-');
const ner = modelDir('ner-wordpiece-cased');
const TEXT = 'John Smith of Acme Corp met Okonkwo in Paris on Monday for the Olympics.';
const DEFAULT_LABELS = ['PERSON', 'ORG', 'LOC', 'DATE', 'MONEY', 'EMAIL', 'PHONE', 'CARD', 'IBAN', 'SSN', 'IP', 'URL', 'MISC'];
let doc: number;

const failure = async (channel: string, payload: unknown) => {
  const result = await router.handle(channel, payload, caller);
  if (result.ok) throw new Error(`${channel} succeeded but should have failed`);
  return result.error;
};
const mappingOf = async (model: string) => LabelMapping.parse(await call('labels:mapping.get', { model }));
const where = (m: LabelMapping) => Object.fromEntries(m.tags.map((t) => [t.tag, `${t.label} (${t.source})`]));
const labelNames = async () => (await call<{ labels: Label[] }>('labels:list.get', {})).labels.map((l) => l.name);
const spansNow = async () => (await call<DocumentDetail>('documents:item.get', { id: doc })).spans;
const text = (s: Span) => TEXT.slice(s.start, s.end);
const runNer = async () => {
  const end = await runJob('runs:job.start', { task: 'ner', model: ner });
  expect(end.status).toBe('completed');
  return end.result as RunSummary;
};

beforeAll(async () => {
  await ensureTestModels();
  await call('project:file.create', { path: join(root, 'p.docket') });
  writeFileSync(join(root, 'memo.txt'), TEXT);
  const imported = await runJob('documents:import.start', { paths: [join(root, 'memo.txt')] });
  doc = (imported.result as ImportReport).documentIds[0]!;
  await call('models:folder.import', { path: ner });
});
afterAll(() => app.close());

describe('models:catalog.get', () => {
  it('lists the recommended models, marking the built-ins and a model in the cache as on this machine', async () => {
    const before = CatalogModel.array().parse((await call<{ models: unknown }>('models:catalog.get', {})).models);
    expect(before.filter((m) => m.pulled).map((m) => m.id)).toEqual(['builtin/names', 'builtin/pos']);
    cpSync(ner, join(app.paths.modelCache, 'Xenova', 'bert-base-NER'), { recursive: true });
    const after = CatalogModel.array().parse((await call<{ models: unknown }>('models:catalog.get', {})).models);
    expect(
      after
        .filter((m) => m.pulled)
        .map((m) => m.id)
        .sort(),
    ).toEqual(['Xenova/bert-base-NER', 'builtin/names', 'builtin/pos']);
  });
});

describe('labels:mapping.get', () => {
  it('lists every tag of an imported model, folded, with where it goes', async () => {
    const m = await mappingOf(ner);
    expect(m).toMatchObject({ model: ner, kind: 'entities' });
    expect(where(m)).toEqual({
      MISC: 'MISC (unchanged)',
      PER: 'PERSON (common)',
      ORG: 'ORG (unchanged)',
      LOC: 'LOC (unchanged)',
      DATE: 'DATE (unchanged)',
      MONEY: 'MONEY (unchanged)',
    });
  });

  it("knows a catalog model before it is pulled, with the catalog's default, and the built-ins", async () => {
    const hrl = await mappingOf('Xenova/bert-base-multilingual-cased-ner-hrl');
    expect(where(hrl)).toEqual({ DATE: 'DATE (unchanged)', PER: 'PERSON (catalog)', ORG: 'ORG (unchanged)', LOC: 'LOC (unchanged)' });
    expect(where(await mappingOf('builtin/names'))).toEqual({ PERSON: 'PERSON (unchanged)', LOC: 'LOC (unchanged)', ORG: 'ORG (unchanged)' });
    expect((await mappingOf('builtin/pos')).kind).toBe('pos');
    expect((await failure('labels:mapping.get', { model: 'nobody/nothing' })).code).toBe('model_not_found');
  });
});

describe('labels:mapping.save', () => {
  it('refuses what it cannot store, with the reason', async () => {
    expect(await failure('labels:mapping.save', { model: ner, mapping: { PER: 'CLIENT' } })).toMatchObject({
      code: 'label_not_found',
      message: expect.stringContaining('"CLIENT" is not a label of this project'),
    });
    expect(await failure('labels:mapping.save', { model: ner, mapping: { GPE: 'LOC' } })).toMatchObject({ code: 'unknown_tag' });
    expect(await failure('labels:mapping.save', { model: ner, mapping: { PER: '' } })).toMatchObject({ code: 'invalid_request' });
    expect(await failure('labels:mapping.save', { model: 'builtin/pos', mapping: { NOUN: 'MISC' } })).toMatchObject({ code: 'not_mappable' });
    expect(where(await mappingOf(ner))).toMatchObject({ PER: 'PERSON (common)' });
  });
});

describe('a run stores spans under the mapped labels', () => {
  it('stores PERSON, not PER, and adds no PER label; a new mapping relabels proposals, never a decision', async () => {
    const saved = LabelMapping.parse(await call('labels:mapping.save', { model: ner, mapping: { 'B-MISC': 'ORG' } }));
    expect(where(saved)).toMatchObject({ MISC: 'ORG (analyst)', PER: 'PERSON (common)' });

    await runNer();
    const first = await spansNow();
    expect(Object.fromEntries(first.map((s) => [text(s), s.label]))).toEqual({
      'John Smith': 'PERSON',
      'Acme Corp': 'ORG',
      Okonkwo: 'PERSON',
      Paris: 'LOC',
      Monday: 'DATE',
      Olympics: 'ORG',
    });
    expect(await labelNames()).toEqual(DEFAULT_LABELS);

    const john = first.find((s) => text(s) === 'John Smith')!;
    const okonkwo = first.find((s) => text(s) === 'Okonkwo')!;
    await call('annotations:span.update', { id: john.id, status: 'accepted' });
    await call('annotations:span.update', { id: okonkwo.id, status: 'rejected' });

    // The same mapping again: the decided spans are not proposed again.
    expect((await runNer()).counts.alreadyDecided).toBe(2);
    expect((await spansNow()).filter((s) => s.label === 'PERSON').map((s) => [s.id, s.status])).toEqual([
      [john.id, 'accepted'],
      [okonkwo.id, 'rejected'],
    ]);

    // PER now goes to MISC: the proposals follow, the accepted and the rejected span stay as they were.
    await call('labels:mapping.save', { model: ner, mapping: { PER: 'MISC' } });
    await runNer();
    const after = await spansNow();
    expect(after.find((s) => s.id === john.id)).toMatchObject({ label: 'PERSON', status: 'accepted', start: john.start, end: john.end });
    expect(after.find((s) => s.id === okonkwo.id)).toMatchObject({ label: 'PERSON', status: 'rejected', start: okonkwo.start, end: okonkwo.end });
    expect(
      after
        .filter((s) => s.status === 'proposed')
        .map((s) => `${text(s)}=${s.label}`)
        .sort(),
    ).toEqual(['Acme Corp=ORG', 'John Smith=MISC', 'Monday=DATE', 'Okonkwo=MISC', 'Olympics=MISC', 'Paris=LOC']);
    expect(await labelNames()).toEqual(DEFAULT_LABELS);
  });
});
