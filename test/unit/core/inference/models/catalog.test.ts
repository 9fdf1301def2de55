// The recommended models: every use covered, ids the hub accepts, toxicity multi-label, and
// `docket models catalog` showing them with whether each is on this machine (a real cache folder).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogModel } from '../../../../../src-main/core/api/contract.ts';
import type { CliIO } from '../../../../../src-main/core/cli/command.ts';
import { main } from '../../../../../src-main/core/cli/docket.ts';
import { foldTag } from '../../../../../src-main/core/inference/label-mapping.ts';
import { CATALOG, CATALOG_USES, catalogEntry, pullCommand } from '../../../../../src-main/core/inference/models/catalog.ts';
import { validateHubId } from '../../../../../src-main/core/inference/models/hub-id.ts';
import { InferenceTask } from '../../../../../src-main/core/inference/protocol.ts';
import { ensureTestModels, modelDir } from '../../../../fixtures/models/index.ts';

const DEFAULT_LABELS = ['PERSON', 'ORG', 'LOC', 'DATE', 'MONEY', 'EMAIL', 'PHONE', 'CARD', 'IBAN', 'SSN', 'IP', 'URL', 'MISC'];
const entries = [...CATALOG];
const hub = entries.filter((e) => !('builtin' in e && e.builtin));

async function docket(...argv: string[]) {
  const out: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => out.push(l), progress: () => {}, signal: new AbortController().signal };
  const code = await main(argv, io);
  return { code, out: out.join('\n') };
}

describe('the catalog', () => {
  it('has at least one model for every use, and the contract knows exactly those uses and tasks', () => {
    for (const use of CATALOG_USES) expect(entries.filter((e) => e.use === use).length, use).toBeGreaterThan(0);
    expect([...CATALOG_USES].sort()).toEqual([...CatalogModel.shape.use.options].sort());
    expect([...CatalogModel.shape.task.options].sort()).toEqual([...InferenceTask.options].sort());
    for (const e of entries) expect(InferenceTask.options, e.id).toContain(e.task);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('names hub models by ids the hub accepts, transformers.js-ready ones, with a size to download', () => {
    expect(hub.length).toBeGreaterThanOrEqual(10);
    for (const e of hub) {
      expect(validateHubId(e.id)).toBe(e.id);
      expect(e.id, 'a transformers.js (ONNX) export').toMatch(/^(Xenova|onnx-community)\//);
      expect(e.sizeMb.fp32).toBeGreaterThan(0);
      expect(e.sizeMb.q8).toBeGreaterThan(0);
      expect(e.sizeMb.q8!).toBeLessThan(e.sizeMb.fp32);
      expect(e.labels.length, e.id).toBeGreaterThan(0);
      expect(e.languages.length, e.id).toBeGreaterThan(0);
      expect(e.licence, e.id).not.toBe('');
      expect(e.note.length, e.id).toBeGreaterThan(20);
      expect(pullCommand(e)).toBe(`docket models pull ${e.id}`);
    }
  });

  it('lists the two built-in detectors, with nothing to download', () => {
    expect(catalogEntry('builtin/names')).toMatchObject({ task: 'ner', builtin: true, sizeMb: { fp32: 0, q8: null }, labels: ['PERSON', 'LOC', 'ORG'] });
    expect(catalogEntry('builtin/pos')).toMatchObject({ task: 'pos', builtin: true, sizeMb: { fp32: 0, q8: null } });
    expect(catalogEntry('builtin/pos')!.labels).toEqual(expect.arrayContaining(['NOUN', 'VERB', 'PROPN', 'ADJ']));
    expect(pullCommand(catalogEntry('builtin/names')!)).toBeNull();
  });

  it('runs toxicity as multi-label text classification', () => {
    const toxicity = entries.filter((e) => e.use === 'toxicity');
    for (const e of toxicity) expect(e).toMatchObject({ task: 'text-classification', multiLabel: true });
    expect(catalogEntry('Xenova/toxic-bert')!.labels).toEqual(['toxic', 'severe_toxic', 'obscene', 'threat', 'insult', 'identity_hate']);
  });

  it('maps default tags only from tags the model has, onto labels every project starts with', () => {
    for (const e of entries) {
      const mapping = 'defaultMapping' in e ? (e.defaultMapping as Record<string, string>) : {};
      const tags = new Set(e.labels.map(foldTag));
      for (const [tag, label] of Object.entries(mapping)) {
        expect(tags, `${e.id}: ${tag}`).toContain(tag);
        expect(DEFAULT_LABELS, `${e.id}: ${label}`).toContain(label);
      }
    }
    expect(catalogEntry('Xenova/bert-base-NER')!.defaultMapping).toMatchObject({ PER: 'PERSON' });
  });
});

describe('docket models catalog', () => {
  const user = join(mkdtempSync(join(tmpdir(), 'docket-catalog-')), 'user');
  beforeAll(async () => {
    await ensureTestModels();
    process.env.DOCKET_USER_DATA = user;
  });

  it('--json prints every entry in use order, none pulled on a fresh machine but the built-ins', async () => {
    const { code, out } = await docket('models', 'catalog', '--json');
    expect(code).toBe(0);
    const models = CatalogModel.array().parse(JSON.parse(out));
    expect(models.map((m) => m.id).sort()).toEqual(entries.map((e) => e.id).sort());
    expect(models.map((m) => m.use)).toEqual([...models.map((m) => m.use)].sort((a, b) => CATALOG_USES.indexOf(a) - CATALOG_USES.indexOf(b)));
    expect(models.filter((m) => m.pulled).map((m) => m.id)).toEqual(['builtin/names', 'builtin/pos']);
    expect(models.find((m) => m.id === 'Xenova/toxic-bert')).toMatchObject({ multiLabel: true, sizeMb: { fp32: 438, q8: 111 } });
  });

  it('marks a model pulled once its folder is in the cache, and tells how to pull the others', async () => {
    cpSync(modelDir('ner-wordpiece-cased'), join(user, 'models', 'Xenova', 'bert-base-NER'), { recursive: true });
    const models = CatalogModel.array().parse(JSON.parse((await docket('models', 'catalog', '--json')).out));
    expect(
      models
        .filter((m) => m.pulled)
        .map((m) => m.id)
        .sort(),
    ).toEqual(['Xenova/bert-base-NER', 'builtin/names', 'builtin/pos']);

    const { code, out } = await docket('models', 'catalog');
    expect(code).toBe(0);
    for (const title of [
      'Sentiment',
      'Topic',
      'Toxicity',
      'Natural language inference (NLI)',
      'Zero-shot classification',
      'Named entities (NER)',
      'Parts of speech (PoS)',
    ])
      expect(out).toContain(title);
    expect(out).toContain('runs as text-classification, multi-label');
    expect(out).toMatch(/Xenova\/bert-base-NER\s+109 MB q8, 431 fp32 .*✓/);
    expect(out).not.toContain('docket models pull Xenova/bert-base-NER');
    expect(out).toContain('docket models pull Xenova/toxic-bert');
    expect(out).toMatch(/builtin\/names\s+built in/);
  });
});
