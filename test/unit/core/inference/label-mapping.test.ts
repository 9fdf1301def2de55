// A model's tags onto the project's labels: folding, the order analyst → catalog → common names
// → unchanged, and what a real run (generated ONNX models through the inference host, a real
// project file) stores.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InferenceClient } from '../../../../src-main/core/inference/client.ts';
import {
  COMMON_TAGS,
  foldTag,
  labelResolver,
  looksLikePosTags,
  mappingKey,
  mappingKeys,
  modelTags,
  resolveTag,
} from '../../../../src-main/core/inference/label-mapping.ts';
import { runModel, type ModelRunRequest } from '../../../../src-main/core/inference/run-job.ts';
import { openDatabase, type Db } from '../../../../src-main/core/store/database.ts';
import * as documents from '../../../../src-main/core/store/queries/documents.ts';
import * as labelMappings from '../../../../src-main/core/store/queries/label-mappings.ts';
import * as labels from '../../../../src-main/core/store/queries/labels.ts';
import * as spans from '../../../../src-main/core/store/queries/spans.ts';
import { COMMON_WORDS, ensureTestModels, modelDir } from '../../../fixtures/models/index.ts';

const PROJECT = ['PERSON', 'ORG', 'LOC', 'DATE', 'MONEY', 'EMAIL', 'PHONE', 'CARD', 'IBAN', 'SSN', 'IP', 'URL', 'MISC'];

describe('folding', () => {
  it('drops B-, I-, E-, S-, L-, U- prefixes (with - or _) and nothing else', () => {
    expect(['B-PER', 'I-PER', 'E-LOC', 'S-ORG', 'L-MISC', 'U-DATE', 'B_PER', 'PER', 'O', 'IBAN', 'B-', 'BANK', 'X-PER'].map(foldTag)).toEqual([
      'PER',
      'PER',
      'LOC',
      'ORG',
      'MISC',
      'DATE',
      'PER',
      'PER',
      'O',
      'IBAN',
      'B-',
      'BANK',
      'X-PER',
    ]);
    expect(modelTags(['O', 'B-MISC', 'I-MISC', 'B-PER', 'I-PER'])).toEqual(['MISC', 'PER']);
  });
});

describe('resolution order', () => {
  const none = { analyst: {}, projectLabels: PROJECT };

  it('common names map onto the default labels; unknown tags stay as they are', () => {
    expect(
      ['B-PER', 'PERSON', 'LOC', 'LOCATION', 'GPE', 'ORGANIZATION', 'ORGANISATION', 'MISC', 'TIME', 'DATE', 'MONEY', 'I-GPE', 'WORK_OF_ART'].map(
        (t) => resolveTag(t, none).label,
      ),
    ).toEqual(['PERSON', 'PERSON', 'LOC', 'LOC', 'LOC', 'ORG', 'ORG', 'MISC', 'DATE', 'DATE', 'MONEY', 'LOC', 'WORK_OF_ART']);
    expect(resolveTag('B-PER', none)).toEqual({ tag: 'PER', label: 'PERSON', source: 'common', automatic: 'PERSON' });
    expect(resolveTag('ORG', none)).toEqual({ tag: 'ORG', label: 'ORG', source: 'unchanged', automatic: 'ORG' });
    expect(resolveTag('B-WORK_OF_ART', none)).toEqual({ tag: 'WORK_OF_ART', label: 'WORK_OF_ART', source: 'unchanged', automatic: 'WORK_OF_ART' });
    for (const target of new Set(Object.values(COMMON_TAGS))) expect(PROJECT).toContain(target);
  });

  it('analyst before catalog before common names', () => {
    const inputs = { analyst: { PER: 'MISC' }, catalog: { PER: 'ORG', LOC: 'ORG' }, projectLabels: PROJECT };
    expect(resolveTag('B-PER', inputs)).toEqual({ tag: 'PER', label: 'MISC', source: 'analyst', automatic: 'ORG' });
    expect(resolveTag('I-LOC', inputs)).toEqual({ tag: 'LOC', label: 'ORG', source: 'catalog', automatic: 'ORG' });
    expect(resolveTag('GPE', inputs)).toEqual({ tag: 'GPE', label: 'LOC', source: 'common', automatic: 'LOC' });
  });

  it('catalog and common targets count only when the project has the label (its own spelling, any case)', () => {
    const project = ['Person', 'ORG'];
    expect(resolveTag('PER', { analyst: {}, projectLabels: project }).label).toBe('Person');
    expect(resolveTag('LOC', { analyst: {}, catalog: { LOC: 'PLACE' }, projectLabels: project })).toMatchObject({ label: 'LOC', source: 'unchanged' });
    expect(resolveTag('MISC', { analyst: {}, catalog: { MISC: 'ORG' }, projectLabels: project })).toMatchObject({ label: 'ORG', source: 'catalog' });
  });

  it('tells taggers from entity models by their tags', () => {
    expect(looksLikePosTags(['ADJ', 'NOUN', 'VERB', 'X'])).toBe(true);
    expect(looksLikePosTags(['NN', 'NNP', 'VBZ', 'PRP$', '.'])).toBe(true);
    expect(looksLikePosTags(['O', 'B-PER', 'I-PER'])).toBe(false);
    expect(looksLikePosTags(['PER', 'NOUN'])).toBe(false);
  });

  it('keys a pulled model by its hub id and any other folder by its absolute path', () => {
    expect(mappingKey({ id: 'Xenova/bert-base-NER', path: join('/cache', 'Xenova', 'bert-base-NER') }, '/cache')).toBe('Xenova/bert-base-NER');
    expect(mappingKey({ id: 'builtin/names', path: 'builtin/names' }, '/cache')).toBe('builtin/names');
    expect(mappingKey({ id: './ner', path: '/work/ner' }, '/cache')).toBe('/work/ner');
    expect(mappingKeys({ id: './ner', path: '/work/ner' })).toEqual(['./ner', '/work/ner']);
  });
});

describe('runs store spans under the mapped label', () => {
  const client = new InferenceClient();
  const job = { signal: new AbortController().signal, report: () => {} };
  const phrases = ['John Smith', 'Acme Corp', 'Paris', 'Okonkwo', 'Olympics', 'Monday'];
  const text = phrases.map((p, i) => `${COMMON_WORDS[i]} ${COMMON_WORDS[i + 40]} ${p}`).join(', ') + '.';
  const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });

  function project(): { db: Db; doc: number } {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'docket-mapping-')), 'p.docket'), { create: true });
    const doc = documents.insert(db, {
      name: 'memo.txt',
      sourcePath: null,
      sha256: 'sha-memo',
      mediaType: 'text/plain',
      sizeBytes: text.length,
      pageCount: null,
      text,
      blobId: null,
    });
    return { db, doc };
  }
  const ner: ModelRunRequest['model'] = { id: './ner-wordpiece-cased', path: modelDir('ner-wordpiece-cased'), dtype: 'fp32' };
  const byPhrase = (db: Db, doc: number) =>
    Object.fromEntries(
      spans
        .forDocument(db, doc)
        .filter((s) => s.status === 'proposed')
        .map((s) => [text.slice(s.start, s.end), s.label]),
    );

  beforeAll(async () => {
    await ensureTestModels();
  });
  afterAll(() => client.close());

  it('uses the mapping saved under the folder for a run that names the folder otherwise; no PER label appears', async () => {
    const { db, doc } = project();
    labelMappings.save(db, modelDir('ner-wordpiece-cased'), { MISC: 'ORG' });
    await runModel(db, client, { task: 'ner', model: ner, options: {} }, job);
    expect(byPhrase(db, doc)).toEqual({ 'John Smith': 'PERSON', 'Acme Corp': 'ORG', Paris: 'LOC', Okonkwo: 'PERSON', Olympics: 'ORG', Monday: 'DATE' });
    expect(labels.findByName(db, 'PER')).toBeUndefined();
    expect(labels.list(db).map((l) => l.name)).toEqual(PROJECT);
    db.close();
  });

  it('a re-run with a mapping proposes no accepted or rejected span again', async () => {
    const { db, doc } = project();
    labelMappings.save(db, modelDir('ner-wordpiece-cased'), { PER: 'PERSON' });
    await runModel(db, client, { task: 'ner', model: ner, options: {} }, job);
    const found = spans.forDocument(db, doc);
    const john = found.find((s) => s.start === at('John Smith').start)!;
    const okonkwo = found.find((s) => s.start === at('Okonkwo').start)!;
    spans.update(db, john.id, { status: 'accepted' }, 'human', null);
    spans.update(db, okonkwo.id, { status: 'rejected' }, 'human', null);
    const summary = await runModel(db, client, { task: 'ner', model: ner, options: {} }, job);
    expect(summary.counts.alreadyDecided).toBe(2);
    const after = spans.forDocument(db, doc);
    expect(after.filter((s) => s.label === 'PERSON').map((s) => [s.id, s.status])).toEqual([
      [john.id, 'accepted'],
      [okonkwo.id, 'rejected'],
    ]);
    expect(after.filter((s) => s.status === 'proposed')).toHaveLength(phrases.length - 2);
    db.close();
  });

  it('part-of-speech runs keep their tags, whatever is mapped', async () => {
    const { db, doc } = project();
    const pos: ModelRunRequest['model'] = { id: modelDir('pos-wordpiece'), path: modelDir('pos-wordpiece'), dtype: 'fp32' };
    labelMappings.save(db, pos.id, { PROPN: 'PERSON' });
    expect(labelResolver(db, pos, 'pos')('PROPN')).toBe('PROPN');
    expect(labelResolver(db, pos, 'ner')('PROPN')).toBe('PERSON');
    await runModel(db, client, { task: 'pos', model: pos, options: {} }, job);
    const tags = new Set(spans.forDocument(db, doc).map((s) => s.label));
    expect(tags.has('PROPN')).toBe(true);
    expect(tags.has('PERSON')).toBe(false);
    db.close();
  });
});
