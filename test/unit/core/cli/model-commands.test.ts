// detect / classify / zero-shot / models through the real CLI entry, with the generated models
// imported as folders into a per-test user-data folder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docket } from './in-process-cli.ts';
import { ensureTestModels, modelDir } from '../../../fixtures/models/index.ts';

const root = mkdtempSync(join(tmpdir(), 'docket-cli-models-'));
const project = join(root, 'p.docket');
beforeAll(async () => {
  await ensureTestModels();
  process.env.DOCKET_USER_DATA = join(root, 'user');
  writeFileSync(join(root, 'a.txt'), 'John Smith paid $1250 to Acme Corp in Paris. Mail john@example.com or call +1 415 555 2671.');
  writeFileSync(join(root, 'b.txt'), 'Sports news: the football team won the match. A wonderful, excellent game.');
  await docket('init', project);
  await docket('import', project, join(root, 'a.txt'), join(root, 'b.txt'));
});

describe('docket models / detect / classify / zero-shot', () => {
  it('imports model folders and lists them', async () => {
    for (const name of ['ner-wordpiece-cased', 'sentiment', 'nli'] as const) expect((await docket('models', 'import', modelDir(name))).code).toBe(0);
    const listed = JSON.parse((await docket('models', 'list', '--json')).out) as Array<{ id: string; task: string; builtin: boolean }>;
    expect(listed.filter((m) => m.builtin).map((m) => m.id)).toEqual(['builtin/names', 'builtin/pos']);
    expect(listed.filter((m) => !m.builtin).map((m) => m.task)).toEqual(['nli', 'text-classification', 'token-classification']); // latest import first
  });

  it('detects patterns and entities and reports the runs', async () => {
    const result = await docket('detect', project, '--patterns', '--ner', modelDir('ner-wordpiece-cased'), '--aggregation', 'first', '--json');
    expect(result.code).toBe(0);
    const runs = JSON.parse(result.out) as Array<{ task: string; status: string; counts: Record<string, number> }>;
    expect(runs.map((r) => [r.task, r.status])).toEqual([
      ['patterns', 'completed'],
      ['ner', 'completed'],
    ]);
    // Progress on the terminal: the model run's share of the work, then documents and tokens.
    expect(result.progress).toContainEqual(expect.stringMatching(/^ner \(.+\): 100% · 2\/2 documents — [\d,]+ tokens · [\d,]+ tokens\/s$/));
    expect(runs[0]!.counts.EMAIL).toBe(1);
    const shown = JSON.parse((await docket('show', project, '1', '--json')).out) as { spans: Array<{ text: string; label: string }> };
    expect(shown.spans.map((s) => `${s.label}:${s.text}`)).toEqual(
      expect.arrayContaining(['PERSON:John Smith', 'MONEY:$1250', 'ORG:Acme Corp', 'LOC:Paris', 'EMAIL:john@example.com', 'PHONE:+1 415 555 2671']),
    );
  });

  it('per-label thresholds and ignored labels: a re-run proposes only what passes', async () => {
    // Every entity here scores about 0.945: the global 0.95 drops them all unless a label's own
    // minimum lets it through; LOC is ignored however lenient its minimum.
    const result = await docket(
      'detect',
      project,
      '--ner',
      modelDir('ner-wordpiece-cased'),
      '--threshold',
      '0.95',
      '--thresholds',
      'ORG=0.5, MONEY=0.5,LOC=0',
      '--ignore-labels',
      'LOC',
      '--json',
    );
    expect(result.code).toBe(0);
    const shown = JSON.parse((await docket('show', project, '1', '--json')).out) as {
      spans: Array<{ text: string; label: string; score: number; source: string }>;
    };
    const model = shown.spans.filter((s) => s.source === 'model');
    expect(model.map((s) => `${s.label}:${s.text}`).sort()).toEqual(['MONEY:$1250', 'ORG:Acme Corp']);
  });

  it('refuses malformed per-label thresholds, naming the bad part', async () => {
    expect(await docket('detect', project, '--ner', modelDir('ner-wordpiece-cased'), '--thresholds', 'PER=0.9,LOC')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/"LOC" is not one/),
    });
    expect(await docket('detect', project, '--ner', modelDir('ner-wordpiece-cased'), '--thresholds', 'PER=1.5')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/"PER=1.5" is not one/),
    });
  });

  it('classifies and zero-shots whole documents', async () => {
    expect((await docket('classify', project, '--model', modelDir('sentiment'))).out).toMatch(
      /^Run \d+ text-classification .*: completed, 2\/2 documents; documents 2, labels 2/,
    );
    expect((await docket('zero-shot', project, '--model', modelDir('nli'), '--labels', 'finance, sports ,politics')).code).toBe(0);
    const shown = JSON.parse((await docket('show', project, '2', '--json')).out) as { labels: Array<{ task: string; label: string }> };
    expect(shown.labels.map((l) => `${l.task}=${l.label}`)).toEqual(expect.arrayContaining(['text-classification=POSITIVE', 'zero-shot=sports']));
  });

  it('finds names with the built-in detector: no model to pull', async () => {
    const result = await docket('detect', project, '--ner', 'builtin/names', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual([expect.objectContaining({ task: 'ner', model: 'builtin/names', status: 'completed', docsDone: 2 })]);
    const shown = JSON.parse((await docket('show', project, '1', '--json')).out) as { spans: Array<{ text: string; label: string; sourceName: string }> };
    expect(shown.spans.filter((s) => s.sourceName === 'builtin/names').map((s) => `${s.label}:${s.text}`)).toEqual(
      expect.arrayContaining(['PERSON:John Smith', 'LOC:Paris']),
    );
  });

  it('tests each document against a hypothesis (nli), one label per document under the hypothesis', async () => {
    const result = await docket('nli', project, '--model', modelDir('nli'), '--hypothesis', 'This text is about sports.', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual([
      expect.objectContaining({ task: 'nli', status: 'completed', docsDone: 2, counts: expect.objectContaining({ labels: 2 }) }),
    ]);
    for (const id of ['1', '2']) {
      const shown = JSON.parse((await docket('show', project, id, '--json')).out) as { labels: Array<{ task: string; label: string }> };
      const nli = shown.labels.filter((l) => l.task === 'nli: This text is about sports.');
      expect(nli.map((l) => ['contradiction', 'entailment', 'neutral'].includes(l.label))).toEqual([true]);
    }
    expect(await docket('nli', project, '--model', modelDir('nli'))).toMatchObject({ code: 1, err: expect.stringMatching(/--hypothesis TEXT is required/) });
  });

  it('explains bad usage and unknown models', async () => {
    expect(await docket('detect', project)).toMatchObject({ code: 1, err: expect.stringMatching(/Choose at least one of --patterns/) });
    expect(await docket('detect', project, '--ner', 'builtin/pos')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/builtin\/pos finds parts of speech, not ner; use builtin\/names/),
    });
    expect(await docket('classify', project, '--model', 'Xenova/distilbert-base-uncased-finetuned-sst-2-english')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/not on this machine\. Pull it first/),
    });
    expect(await docket('zero-shot', project, '--model', modelDir('nli'), '--labels', 'a', '--template', 'no slot')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/must contain \{\}/),
    });
  });
});
