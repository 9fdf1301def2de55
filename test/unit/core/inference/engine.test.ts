// The engine end to end: a real inference host process, real ONNX sessions on the generated
// models, results in a real project file; scores checked against references from raw logits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { InferenceClient } from '../../../../src-main/core/inference/client.ts';
import { runModel, type ModelRunRequest } from '../../../../src-main/core/inference/run-job.ts';
import type { ProgressUpdate } from '../../../../src-main/core/jobs/jobs.ts';
import * as docLabels from '../../../../src-main/core/store/queries/doc-labels.ts';
import * as runs from '../../../../src-main/core/store/queries/runs.ts';
import * as spans from '../../../../src-main/core/store/queries/spans.ts';
import {
  COMMON_WORDS,
  GAZETTEER,
  ensureTestModels,
  modelDir,
  modelsRoot,
  readExpectations,
  type BagOfTokensExpectations,
  type NliExpectations,
  type TestModelName,
} from '../../../fixtures/models/index.ts';
import { bagLogits, nliLogits, sigmoid, softmax } from '../fixtures/reference.ts';
import { projectWith } from '../store/project-fixture.ts';

const client = new InferenceClient();
const job = (signal = new AbortController().signal) => ({ signal, report: () => {} });
const model = (name: TestModelName): ModelRunRequest['model'] => ({ id: `test/${name}`, path: modelDir(name), dtype: 'fp32' });

const project = projectWith;

/** A long document of gazetteer phrases between filler words: entities well past token 512. */
function gazetteerDocument(count: number, seed = 1): { text: string; phrases: Array<{ start: number; end: number; type: string }> } {
  const names = Object.keys(GAZETTEER);
  let text = '';
  const phrases: Array<{ start: number; end: number; type: string }> = [];
  let x = seed;
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    text += `${COMMON_WORDS[x % COMMON_WORDS.length]} ${COMMON_WORDS[(x >> 8) % COMMON_WORDS.length]} `;
    const name = names[(x >> 4) % names.length]!;
    phrases.push({ start: text.length, end: text.length + name.length, type: GAZETTEER[name]! });
    text += name + (i % 5 === 4 ? '.\n' : ', ');
  }
  return { text, phrases };
}

beforeAll(async () => {
  await ensureTestModels();
  env.allowRemoteModels = false;
  env.localModelPath = modelsRoot;
});
afterAll(() => client.close());

describe('token classification through the host', () => {
  it.each(['ner-wordpiece-cased', 'ner-bpe', 'ner-unigram'] as const)('%s: finds every entity of long documents, with exact spans', async (name) => {
    const docs = [gazetteerDocument(150, 7), gazetteerDocument(3, 9), gazetteerDocument(60, 11)];
    const { db, ids } = project(docs.map((d) => d.text));
    const summary = await runModel(db, client, { task: 'ner', model: model(name), options: { aggregation: 'simple' } }, job());
    expect(summary).toMatchObject({ status: 'completed', docsDone: 3 });
    docs.forEach((doc, i) => {
      const found = spans.forDocument(db, ids[i]!).map((s) => ({ start: s.start, end: s.end, type: s.label }));
      // The model's PER lands on the project's PERSON (label mapping); its other tags are the project's own.
      expect(found).toEqual(doc.phrases.map((p) => ({ ...p, type: p.type === 'PER' ? 'PERSON' : p.type })));
    });
    expect(summary.counts.tokens).toBeGreaterThan(1000); // the long one crosses several windows
  });
});

describe('what a request costs', () => {
  it("reports time inside session.run, the whole request and the host's peak memory", async () => {
    const docs = [gazetteerDocument(120, 3), gazetteerDocument(5, 4)];
    let tokens = 0;
    const before = { ...client.costs };
    const stats = await client.run(
      { task: 'ner', model: { path: modelDir('ner-wordpiece-cased'), dtype: 'fp32' }, docs: docs.map((d, i) => ({ id: i + 1, text: d.text })), options: {} },
      { onDoc: (_id, result) => void (tokens += result.tokens), onProgress: () => {} },
    );
    expect(tokens).toBeGreaterThan(512);
    expect(stats.sessionMs).toBeGreaterThan(0);
    expect(stats.sessionMs).toBeLessThanOrEqual(stats.totalMs);
    // A Node process with onnxruntime loaded: tens of MB at least, not a placeholder.
    expect(stats.peakRssMb).toBeGreaterThan(30);
    // The client keeps the running totals a benchmark reads around a whole model run.
    expect(client.costs.requests).toBe(before.requests + 1);
    expect(client.costs.sessionMs - before.sessionMs).toBeCloseTo(stats.sessionMs);
  });
});

describe('sequence tasks through the host', () => {
  it('text classification: softmax of the raw logits, top label proposed, full distribution kept', async () => {
    const texts = ['A wonderful, excellent film.', 'Terrible service and awful food.', 'The cat sleeps.'];
    const { db, ids } = project(texts);
    const summary = await runModel(db, client, { task: 'text-classification', model: model('sentiment'), options: {} }, job());
    const exp = readExpectations<BagOfTokensExpectations>('sentiment');
    const tokenizer = await AutoTokenizer.from_pretrained('sentiment');
    texts.forEach((text, i) => {
      const ref = softmax(bagLogits(exp, tokenizer.encode(text)));
      const best = ref.indexOf(Math.max(...ref));
      const [label] = docLabels.forDocument(db, ids[i]!);
      expect(label).toMatchObject({ task: 'text-classification', label: exp.labels[best], source: 'model', status: 'proposed', runId: summary.id });
      expect(label!.score).toBeCloseTo(ref[best]!, 5);
    });
    const outputs = db.prepare('SELECT outputs FROM run_documents WHERE run_id = ? AND document_id = ?').get(summary.id, ids[0]) as { outputs: string };
    expect(JSON.parse(outputs.outputs).distribution).toHaveLength(exp.labels.length);
  });

  it('multi-label (toxicity, from problem_type): sigmoid per label, every label >= 0.5 proposed', async () => {
    const text = 'You stupid ugly idiot.';
    const { db, ids } = project([text]);
    await runModel(db, client, { task: 'text-classification', model: model('toxicity'), options: {} }, job());
    const exp = readExpectations<BagOfTokensExpectations>('toxicity');
    const tokenizer = await AutoTokenizer.from_pretrained('toxicity');
    const ref = bagLogits(exp, tokenizer.encode(text)).map(sigmoid);
    const expected = exp.labels.filter((_, i) => ref[i]! >= 0.5).sort();
    const got = docLabels.forDocument(db, ids[0]!);
    expect(got.map((l) => l.label).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(1);
    for (const l of got) expect(l.score).toBeCloseTo(ref[exp.labels.indexOf(l.label)]!, 5);
  });

  it('NLI: the tokenizer encodes the pair; label and score from the raw logits', async () => {
    const premises = ['The sky is blue today.', 'The sky is not blue today.', 'The cat sleeps.'];
    const hypothesis = 'The sky is blue.';
    const { db, ids } = project(premises);
    await runModel(db, client, { task: 'nli', model: model('nli'), options: { hypothesis } }, job());
    const exp = readExpectations<NliExpectations>('nli');
    const tokenizer = await AutoTokenizer.from_pretrained('nli');
    const labels = premises.map((p, i) => {
      const ref = softmax(nliLogits(exp, tokenizer.tokenize(p), tokenizer.tokenize(hypothesis)));
      const best = ref.indexOf(Math.max(...ref));
      const [label] = docLabels.forDocument(db, ids[i]!);
      expect(label!.task).toBe(`nli: ${hypothesis}`);
      expect(label!.score).toBeCloseTo(ref[best]!, 5);
      return label!.label;
    });
    expect(labels).toEqual(['entailment', 'contradiction', 'neutral']);
  });

  it('zero-shot: single-label softmax over entailment logits; multi-label entailment vs contradiction per label', async () => {
    const text = 'Sports and politics: the senator won the vote.';
    const candidates = ['finance', 'sports', 'politics'];
    const { db, ids } = project([text]);
    const exp = readExpectations<NliExpectations>('nli');
    const tokenizer = await AutoTokenizer.from_pretrained('nli');
    const rows = candidates.map((l) => nliLogits(exp, tokenizer.tokenize(text), tokenizer.tokenize(`This example is ${l}.`)));
    const ent = exp.labels.indexOf('entailment');
    const con = exp.labels.indexOf('contradiction');

    const single = await runModel(
      db,
      client,
      { task: 'zero-shot', model: model('nli'), options: { labels: candidates, template: 'This example is {}.' } },
      job(),
    );
    const singleRef = softmax(rows.map((r) => r[ent]!));
    const [top] = docLabels.forDocument(db, ids[0]!).filter((l) => l.task === 'zero-shot');
    expect(top!.score).toBeCloseTo(Math.max(...singleRef), 6);
    const out = JSON.parse((db.prepare('SELECT outputs FROM run_documents WHERE run_id = ?').get(single.id) as { outputs: string }).outputs) as {
      distribution: Array<{ label: string; score: number }>;
    };
    for (const d of out.distribution) expect(d.score).toBeCloseTo(singleRef[candidates.indexOf(d.label)]!, 6);

    await runModel(db, client, { task: 'zero-shot', model: model('nli'), options: { labels: candidates, multiLabel: true } }, job());
    const multi = docLabels.forDocument(db, ids[0]!).filter((l) => l.task === 'zero-shot (multi-label)');
    expect(multi.map((l) => l.label).sort()).toEqual(['politics', 'sports']);
    for (const l of multi) {
      const r = rows[candidates.indexOf(l.label)]!;
      expect(l.score).toBeCloseTo(softmax([r[con]!, r[ent]!])[1]!, 6);
    }
  });

  it('zero-shot with one candidate label: entailment against contradiction, not a softmax over one number', async () => {
    const text = 'The senator won the vote.';
    const { db, ids } = project([text]);
    const exp = readExpectations<NliExpectations>('nli');
    const tokenizer = await AutoTokenizer.from_pretrained('nli');
    const ent = exp.labels.indexOf('entailment');
    const con = exp.labels.indexOf('contradiction');
    for (const label of ['politics', 'sports']) {
      const run = await runModel(db, client, { task: 'zero-shot', model: model('nli'), options: { labels: [label] } }, job());
      const r = nliLogits(exp, tokenizer.tokenize(text), tokenizer.tokenize(`This example is ${label}.`));
      const out = JSON.parse((db.prepare('SELECT outputs FROM run_documents WHERE run_id = ?').get(run.id) as { outputs: string }).outputs) as {
        distribution: Array<{ score: number }>;
      };
      expect(out.distribution[0]!.score).toBeCloseTo(softmax([r[con]!, r[ent]!])[1]!, 6);
      expect(out.distribution[0]!.score).toBeLessThan(0.999);
    }
    // Without "politics" in the text its one-label score is low, not 1.0.
    const [label] = docLabels.forDocument(db, ids[0]!);
    expect(label!.label).toBe('sports');
    expect(label!.score).toBeLessThan(0.5);
  });

  it('two-class NLI models (entailment / not_entailment): single- and multi-label zero-shot, and NLI', async () => {
    // Lower case: this tokenizer is cased, and 'Sports' is not the keyword 'sports'.
    const text = 'In sports and politics: the senator won the vote.';
    const candidates = ['finance', 'sports', 'politics'];
    const { db, ids } = project([text]);
    const exp = readExpectations<NliExpectations>('nli-binary');
    expect(exp.labels).toEqual(['entailment', 'not_entailment']);
    const tokenizer = await AutoTokenizer.from_pretrained('nli-binary');
    const rows = candidates.map((l) => nliLogits(exp, tokenizer.tokenize(text), tokenizer.tokenize(`This example is ${l}.`)));
    const scoresOf = (runId: number) => {
      const out = JSON.parse((db.prepare('SELECT outputs FROM run_documents WHERE run_id = ?').get(runId) as { outputs: string }).outputs) as {
        distribution: Array<{ label: string; score: number }>;
      };
      return Object.fromEntries(out.distribution.map((d) => [d.label, d.score]));
    };
    const single = await runModel(db, client, { task: 'zero-shot', model: model('nli-binary'), options: { labels: candidates } }, job());
    expect(single.status).toBe('completed');
    const singleRef = softmax(rows.map((r) => r[0]!));
    candidates.forEach((l, i) => expect(scoresOf(single.id)[l]).toBeCloseTo(singleRef[i]!, 6));

    const multi = await runModel(db, client, { task: 'zero-shot', model: model('nli-binary'), options: { labels: candidates, multiLabel: true } }, job());
    expect(multi.status).toBe('completed');
    candidates.forEach((l, i) => expect(scoresOf(multi.id)[l]).toBeCloseTo(softmax([rows[i]![1]!, rows[i]![0]!])[1]!, 6));
    expect(
      docLabels
        .forDocument(db, ids[0]!)
        .filter((l) => l.task === 'zero-shot (multi-label)')
        .map((l) => l.label)
        .sort(),
    ).toEqual(['politics', 'sports']);

    const one = await runModel(db, client, { task: 'zero-shot', model: model('nli-binary'), options: { labels: ['finance'] } }, job());
    expect(scoresOf(one.id)['finance']).toBeCloseTo(softmax([rows[0]![1]!, rows[0]![0]!])[1]!, 6);

    const nli = await runModel(db, client, { task: 'nli', model: model('nli-binary'), options: { hypothesis: 'The senator won.' } }, job());
    const ref = softmax(nliLogits(exp, tokenizer.tokenize(text), tokenizer.tokenize('The senator won.')));
    expect(scoresOf(nli.id)).toEqual({ entailment: expect.closeTo(ref[0]!, 6), not_entailment: expect.closeTo(ref[1]!, 6) });
  });

  it('UPPERCASE NLI labels (CONTRADICTION, NEUTRAL, ENTAILMENT) are found, in any order', async () => {
    const text = 'In sports and politics: the senator won the vote.';
    const candidates = ['finance', 'sports', 'politics'];
    const { db } = project([text]);
    const exp = readExpectations<NliExpectations>('nli-roberta');
    expect(exp.labels).toEqual(['CONTRADICTION', 'NEUTRAL', 'ENTAILMENT']);
    const tokenizer = await AutoTokenizer.from_pretrained('nli-roberta');
    const rows = candidates.map((l) => nliLogits(exp, tokenizer.tokenize(text), tokenizer.tokenize(`This example is ${l}.`)));
    const single = await runModel(db, client, { task: 'zero-shot', model: model('nli-roberta'), options: { labels: candidates } }, job());
    const multi = await runModel(db, client, { task: 'zero-shot', model: model('nli-roberta'), options: { labels: candidates, multiLabel: true } }, job());
    const scoresOf = (runId: number) => {
      const out = JSON.parse((db.prepare('SELECT outputs FROM run_documents WHERE run_id = ?').get(runId) as { outputs: string }).outputs) as {
        distribution: Array<{ label: string; score: number }>;
      };
      return Object.fromEntries(out.distribution.map((d) => [d.label, d.score]));
    };
    const singleRef = softmax(rows.map((r) => r[2]!));
    candidates.forEach((l, i) => {
      expect(scoresOf(single.id)[l]).toBeCloseTo(singleRef[i]!, 6);
      expect(scoresOf(multi.id)[l]).toBeCloseTo(softmax([rows[i]![0]!, rows[i]![2]!])[1]!, 6);
    });
  });

  it('refuses zero-shot on a model without an entailment label, with a clear error', async () => {
    const { db } = project(['Anything at all.']);
    await expect(runModel(db, client, { task: 'zero-shot', model: model('sentiment'), options: { labels: ['a', 'b'] } }, job())).rejects.toThrow(
      /no "entailment" label/,
    );
    expect(runs.list(db)[0]).toMatchObject({ status: 'failed' });
  });
});

describe('runs in the store', () => {
  it('a re-run replaces its own proposals and never touches human decisions', async () => {
    const doc = gazetteerDocument(6, 3);
    const { db, ids } = project([doc.text]);
    await runModel(db, client, { task: 'ner', model: model('ner-wordpiece-cased'), options: {} }, job());
    const [first, second] = spans.forDocument(db, ids[0]!);
    spans.update(db, first!.id, { status: 'accepted' }, 'human', null);
    spans.update(db, second!.id, { status: 'rejected' }, 'human', null);
    spans.create(db, { documentId: ids[0]!, start: 0, end: 4, label: 'MISC', score: null, source: 'human', sourceName: '', runId: null }, 'human', null);
    await runModel(db, client, { task: 'ner', model: model('ner-wordpiece-cased'), options: {} }, job());
    const after = spans.forDocument(db, ids[0]!);
    expect(after.filter((s) => s.status === 'accepted').map((s) => s.id)).toContain(first!.id);
    expect(after.filter((s) => s.status === 'rejected').map((s) => s.id)).toEqual([second!.id]);
    expect(after.filter((s) => s.source === 'human')).toHaveLength(1);
    // Proposals: one per phrase again, not doubled, and none for the two phrases already decided.
    expect(after.filter((s) => s.status === 'proposed' && s.source === 'model')).toHaveLength(doc.phrases.length - 2);
  });

  it('progress measures the work in characters, so the ETA does not follow the short documents done first', async () => {
    const docs = [gazetteerDocument(200, 21), gazetteerDocument(2, 22), gazetteerDocument(3, 23)];
    const { db } = project(docs.map((d) => d.text));
    const reports: ProgressUpdate[] = [];
    await runModel(
      db,
      client,
      { task: 'ner', model: model('ner-wordpiece-cased'), options: {} },
      { signal: new AbortController().signal, report: (p) => reports.push(p) },
    );
    const chars = docs.reduce((n, d) => n + d.text.length, 0);
    const efforts = reports.map((r) => r.effort!);
    expect(efforts.every((e) => e.total === chars)).toBe(true);
    efforts.slice(1).forEach((e, i) => expect(e.done).toBeGreaterThanOrEqual(efforts[i]!.done));
    expect(efforts.at(-1)!.done).toBeCloseTo(chars);
    // The long document spans several windows: work is reported moving before any document is done.
    expect(reports.some((r) => r.done === 0 && r.effort!.done > 0 && r.effort!.done < chars)).toBe(true);
    expect(reports.at(-1)!.message).toMatch(/tokens · [\d,]+ tokens\/s$/);
  });

  it('cancelling mid-run leaves every finished document complete and the rest untouched', async () => {
    const docs = Array.from({ length: 40 }, (_, i) => gazetteerDocument(40, i + 1));
    const { db, ids } = project(docs.map((d) => d.text));
    const controller = new AbortController();
    let seen = 0;
    const run = runModel(
      db,
      client,
      { task: 'ner', model: model('ner-bpe'), options: { batchSize: 2 } },
      {
        signal: controller.signal,
        report: (p) => {
          if (p.done > 0 && seen++ === 0) controller.abort();
        },
      },
    );
    await expect(run).rejects.toThrow(/cancelled/);
    const [summary] = runs.list(db);
    expect(summary!.status).toBe('cancelled');
    const done = runs.doneDocumentIds(db, summary!.id);
    expect(done.size).toBeGreaterThan(0);
    expect(done.size).toBeLessThan(40);
    ids.forEach((id, i) => {
      const stored = spans.forDocument(db, id);
      expect(stored.length).toBe(done.has(id) ? docs[i]!.phrases.length : 0);
    });
  });

  it('resumes after the host is killed (SIGKILL) mid-batch: nothing redone, nothing lost', async () => {
    const docs = Array.from({ length: 60 }, (_, i) => gazetteerDocument(50, 100 + i));
    const { db, ids } = project(docs.map((d) => d.text));
    const killer = new InferenceClient();
    let killed = false;
    const summary = await runModel(
      db,
      killer,
      { task: 'ner', model: model('ner-wordpiece-uncased'), options: { batchSize: 2 } },
      {
        signal: new AbortController().signal,
        report: (p) => {
          if (!killed && p.done >= 10 && killer.pid) {
            killed = true;
            process.kill(killer.pid, 'SIGKILL');
          }
        },
      },
    );
    killer.close();
    expect(killed).toBe(true);
    expect(killer.starts).toBe(2);
    expect(summary).toMatchObject({ status: 'completed', docsDone: 60 });
    expect(summary.counts.restarts).toBe(1);
    const doneRows = db.prepare('SELECT count(*) AS n FROM run_documents WHERE run_id = ?').get(summary.id) as { n: number };
    expect(doneRows.n).toBe(60);
    ids.forEach((id, i) => expect(spans.forDocument(db, id).length).toBe(docs[i]!.phrases.length));
  });
});
