// NLI and zero-shot read whole documents: the premise is cut into windows that each keep the full
// hypothesis and the pair's special tokens where the tokenizer's own template puts them. Real
// ONNX sessions on the generated models; references computed from expectations.json.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { InferenceClient } from '../../../../src-main/core/inference/client.ts';
import { loadModel } from '../../../../src-main/core/inference/loaded-models.ts';
import { maxSequenceLength } from '../../../../src-main/core/inference/max-length.ts';
import { runModel, type ModelRunRequest } from '../../../../src-main/core/inference/run-job.ts';
import { runTextClassification } from '../../../../src-main/core/inference/sequence-task.ts';
import { planPairWindows, premiseWindows } from '../../../../src-main/core/inference/sequence-windows.ts';
import { encodeDocument } from '../../../../src-main/core/inference/token-classification/encode.ts';
import * as docLabels from '../../../../src-main/core/store/queries/doc-labels.ts';
import {
  COMMON_WORDS,
  ensureTestModels,
  modelDir,
  modelsRoot,
  readExpectations,
  type BagOfTokensExpectations,
  type NliExpectations,
  type TestModelName,
} from '../../../fixtures/models/index.ts';
import { NEGATIONS } from '../../../fixtures/models/lexicon.ts';
import { bagLogits, nliLogits, softmax } from '../fixtures/reference.ts';
import { projectWith } from '../store/project-fixture.ts';
import type { Db } from '../../../../src-main/core/store/database.ts';

const client = new InferenceClient();
const job = () => ({ signal: new AbortController().signal, report: () => {} });
const model = (name: TestModelName): ModelRunRequest['model'] => ({ id: `test/${name}`, path: modelDir(name), dtype: 'fp32' });
const hooks = { cancelled: () => false, plan: () => {}, progress: () => {} };

const project = projectWith;

type Outputs = {
  distribution: Array<{ label: string; score: number }>;
  logits: number[][];
  truncated: boolean;
  tokens: number;
  evidence?: Array<{ label: string; start: number; end: number }>;
};
const outputsOf = (db: Db, runId: number, documentId: number): Outputs =>
  JSON.parse(
    (db.prepare('SELECT outputs FROM run_documents WHERE run_id = ? AND document_id = ?').get(runId, documentId) as { outputs: string }).outputs,
  ) as Outputs;

/** Filler of everyday words: no label word, no negation, so only planted cues move the NLI logits. */
function filler(tokens: number, tokenizer: PreTrainedTokenizer, avoid: readonly string[], seed = 1): string {
  const words = COMMON_WORDS.filter((w) => !avoid.includes(w) && !NEGATIONS.includes(w));
  let text = '';
  let x = seed;
  while (tokenizer.encode(text, { add_special_tokens: false }).length < tokens) {
    for (let i = 0; i < 40; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      text += `${words[x % words.length]}${i % 12 === 11 ? '. ' : ' '}`;
    }
  }
  return text;
}

const tokenizerOf = (name: TestModelName) => AutoTokenizer.from_pretrained(name);

beforeAll(async () => {
  await ensureTestModels();
  env.allowRemoteModels = false;
  env.localModelPath = modelsRoot;
});
afterAll(() => client.close());

/** The four pair templates: BERT, RoBERTa (byte-level BPE), DeBERTa-v3, XLM-R (legacy). */
const SHAPES = [
  ['nli', 'BERT [CLS] a [SEP] b [SEP]'],
  ['nli-roberta', 'RoBERTa <s> a </s></s> b </s>'],
  ['nli-binary', 'DeBERTa-v3 [CLS] a [SEP] b [SEP]'],
  ['nli-xlmr', 'XLM-R <s> a </s></s> b </s>'],
] as const;

describe('pair windows', () => {
  it.each(SHAPES)('%s (%s): a short premise is one window, identical to tokenizer(premise, { text_pair })', async (name) => {
    const tokenizer = await tokenizerOf(name);
    for (const [premise, hypothesis] of [
      ['The sky is blue today, and Zoë visited 東京 (twice)!', 'This example is sports.'],
      ['', 'The sky is blue.'],
      ['  Paris,  Berlin ', 'No.'],
    ] as const) {
      const windows = planPairWindows(tokenizer, premise, hypothesis, 512);
      expect(windows).toHaveLength(1);
      const own = tokenizer(premise, { text_pair: hypothesis, return_token_type_ids: true });
      expect(windows[0]!.inputIds).toEqual((own.input_ids.tolist() as bigint[][])[0]!.map(Number));
      if (own.token_type_ids) expect(windows[0]!.tokenTypeIds).toEqual((own.token_type_ids.tolist() as bigint[][])[0]!.map(Number));
    }
  });

  it.each(SHAPES)('%s (%s): over a long premise every window ends with the whole hypothesis and the closing special tokens', async (name) => {
    const tokenizer = await tokenizerOf(name);
    const hypothesis = 'The sky is blue.';
    const premise = filler(2000, tokenizer, []);
    const maxLength = 128;
    // Head and tail from the library's own pair encoding of a one-word premise (no window code involved).
    const word = tokenizer.encode('cat', { add_special_tokens: false });
    const full = tokenizer.encode('cat', { text_pair: hypothesis });
    const at = full.findIndex((_, i) => word.every((id, j) => full[i + j] === id));
    const head = full.slice(0, at);
    const tail = full.slice(at + word.length);
    const hypothesisIds = tokenizer.encode(hypothesis, { add_special_tokens: false });
    expect(tail.slice(-hypothesisIds.length - 1, -1)).toEqual(hypothesisIds);
    // The families' literal tokens.
    const id = (t: string) => tokenizer.convert_tokens_to_ids(t);
    if (name === 'nli' || name === 'nli-binary') {
      expect(head).toEqual([id('[CLS]')]);
      expect(tail).toEqual([id('[SEP]'), ...hypothesisIds, id('[SEP]')]);
    } else {
      expect(head).toEqual([id('<s>')]);
      expect(tail).toEqual([id('</s>'), id('</s>'), ...hypothesisIds, id('</s>')]);
    }

    const windows = planPairWindows(tokenizer, premise, hypothesis, maxLength);
    const premiseIds = tokenizer.encode(premise, { add_special_tokens: false });
    expect(windows.length).toBeGreaterThanOrEqual(Math.ceil(premiseIds.length / maxLength));
    let covered = 0;
    for (const w of windows) {
      expect(w.inputIds.length).toBeLessThanOrEqual(maxLength);
      expect(w.inputIds.slice(0, head.length)).toEqual(head);
      expect(w.inputIds.slice(-tail.length)).toEqual(tail);
      // Between them, a contiguous run of the premise's own tokens.
      expect(w.inputIds.slice(head.length, -tail.length)).toEqual(premiseIds.slice(w.first, w.last));
      expect(w.first).toBeLessThanOrEqual(covered);
      covered = Math.max(covered, w.last);
      const types = w.tokenTypeIds;
      if (name === 'nli' || name === 'nli-binary') {
        // token_type_ids: 0 up to the first [SEP], 1 for the hypothesis and its [SEP].
        expect(types.slice(-tail.length + 1)).toEqual(new Array(tail.length - 1).fill(1));
        expect(types.slice(0, -tail.length + 1).every((t) => t === 0)).toBe(true);
      }
    }
    expect(covered).toBe(premiseIds.length);
  });

  it('windows cover every premise token, overlap by at least the stride (less a word), and never start inside a word', async () => {
    const tokenizer = await tokenizerOf('nli');
    const enc = encodeDocument(tokenizer, 'Kowalczyk met Okonkwo in Reykjavik, Vandelay Industries paid. '.repeat(40));
    const continuation = (t: number) => t > 0 && enc.wordIds[t] === enc.wordIds[t - 1];
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 300 }), fc.integer({ min: 0, max: 40 }), (budget, strideWish) => {
        const stride = Math.min(strideWish, budget - 1);
        const windows = premiseWindows(enc, budget, stride);
        expect(windows[0]!.first).toBe(0);
        expect(windows.at(-1)!.last).toBe(enc.length);
        windows.forEach((w, k) => {
          expect(w.last - w.first).toBeLessThanOrEqual(budget);
          expect(w.last).toBeGreaterThan(w.first);
          expect(w.start).toBe(enc.starts[w.first]);
          expect(w.end).toBe(enc.ends[w.last - 1]);
          if (k > 0) {
            expect(w.first).toBeLessThanOrEqual(windows[k - 1]!.last);
            // Moved to a word start when the overlap holds one (longest word here: 3 pieces).
            if (windows[k - 1]!.last - w.first >= 3) expect(continuation(w.first)).toBe(false);
          }
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('long documents through the host', () => {
  it('zero-shot over four times the model limit: a label cued only at the end wins, scored from the whole text, with the last window as evidence', async () => {
    const tokenizer = await tokenizerOf('nli');
    const exp = readExpectations<NliExpectations>('nli');
    const candidates = ['sports', 'politics', 'finance'];
    const text = `${filler(4 * 512, tokenizer, candidates, 3)}In the end it was all about politics.`;
    expect(tokenizer.encode(text).length).toBeGreaterThan(4 * 512);
    const { db, ids } = project([text]);
    const single = await runModel(db, client, { task: 'zero-shot', model: model('nli'), options: { labels: candidates } }, job());
    expect(single).toMatchObject({ status: 'completed' });

    // Reference: each hypothesis has one keyword, so its best window scores what the whole text would.
    const rows = candidates.map((l) => nliLogits(exp, tokenizer.tokenize(text), tokenizer.tokenize(`This example is ${l}.`)));
    const ent = exp.labels.indexOf('entailment');
    const ref = softmax(rows.map((r) => r[ent]!));
    const out = outputsOf(db, single.id, ids[0]!);
    expect(out.distribution[0]!.label).toBe('politics');
    for (const d of out.distribution) expect(d.score).toBeCloseTo(ref[candidates.indexOf(d.label)]!, 6);
    expect(out.truncated).toBe(false);
    const [top] = docLabels.forDocument(db, ids[0]!);
    expect(top).toMatchObject({ label: 'politics', task: 'zero-shot' });

    // Evidence: politics from the last window (it ends where the text ends); a label no window entails from the first.
    const windows = planPairWindows(tokenizer, text, 'This example is politics.', 512);
    expect(windows.length).toBeGreaterThanOrEqual(4);
    const evidence = Object.fromEntries(out.evidence!.map((e) => [e.label, e]));
    expect(evidence['politics']).toEqual({ label: 'politics', start: windows.at(-1)!.start, end: text.length });
    expect(text.slice(evidence['politics']!.start, evidence['politics']!.end)).toContain('politics');
    expect(evidence['politics']!.start).toBeGreaterThan(text.length / 2);
    expect(evidence['sports']).toMatchObject({ start: 0 });

    // Multi-label: the same windows, entailment against contradiction per label.
    const multi = await runModel(db, client, { task: 'zero-shot', model: model('nli'), options: { labels: candidates, multiLabel: true } }, job());
    const con = exp.labels.indexOf('contradiction');
    const multiOut = outputsOf(db, multi.id, ids[0]!);
    for (const d of multiOut.distribution) {
      const r = rows[candidates.indexOf(d.label)]!;
      expect(d.score).toBeCloseTo(softmax([r[con]!, r[ent]!])[1]!, 6);
    }
    expect(
      docLabels
        .forDocument(db, ids[0]!)
        .filter((l) => l.task === 'zero-shot (multi-label)')
        .map((l) => l.label),
    ).toEqual(['politics']);
  });

  it.each(['nli', 'nli-roberta', 'nli-binary'] as const)('%s: NLI over a long document finds the entailing sentence at its end', async (name) => {
    const tokenizer = await tokenizerOf(name);
    const exp = readExpectations<NliExpectations>(name);
    const hypothesis = 'The sky is blue.';
    const limit = 512;
    const text = `${filler(3 * limit, tokenizer, ['sky', 'blue'], 5)}Look up: the sky is blue.`;
    const { db, ids } = project([text]);
    const run = await runModel(db, client, { task: 'nli', model: model(name), options: { hypothesis } }, job());
    const out = outputsOf(db, run.id, ids[0]!);
    const ref = softmax(nliLogits(exp, tokenizer.tokenize(text), tokenizer.tokenize(hypothesis)));
    const entailment = exp.labels.findIndex((l) => l.toLowerCase() === 'entailment');
    expect(out.distribution[0]!.label).toBe(exp.labels[entailment]);
    for (const d of out.distribution) expect(d.score).toBeCloseTo(ref[exp.labels.indexOf(d.label)]!, 6);
    expect(out.truncated).toBe(false);
    expect(out.evidence).toEqual([{ label: exp.labels[entailment], start: expect.any(Number), end: text.length }]);
    expect(text.slice(out.evidence![0]!.start)).toContain('the sky is blue');
    expect(out.tokens).toBeGreaterThan(3 * limit);
  });
});

describe('text classification', () => {
  it('reads the first maxLength tokens with the closing special token kept, and says truncated only when tokens were left out', async () => {
    const loaded = await loadModel(modelDir('sentiment'), 'fp32', 'sequence');
    const exp = readExpectations<BagOfTokensExpectations>('sentiment');
    const limit = maxSequenceLength(loaded.tokenizer, loaded.config);
    expect(limit).toBe(512);
    const words = (n: number) => Array.from({ length: n }, (_, i) => (i % 50 === 49 ? 'wonderful' : 'cat')).join(' ');
    const docs = [words(limit - 2), words(limit - 1), words(3000)].map((text, i) => ({ id: i + 1, text }));
    const results = await runTextClassification(loaded, docs, {}, hooks);
    const sep = loaded.tokenizer.convert_tokens_to_ids('[SEP]');
    const cls = loaded.tokenizer.convert_tokens_to_ids('[CLS]');
    docs.forEach((doc, i) => {
      const r = results.get(doc.id)!;
      if (r.kind !== 'labels') throw new Error('labels expected');
      const ids = loaded.tokenizer.encode(doc.text, { add_special_tokens: false });
      const read = [cls, ...ids.slice(0, limit - 2), sep];
      expect(r.tokens).toBe(Math.min(limit, ids.length + 2));
      expect(r.truncated).toBe(i === 2 ? true : i === 1);
      const ref = softmax(bagLogits(exp, read));
      for (const d of r.distribution) expect(d.score).toBeCloseTo(ref[exp.labels.indexOf(d.label)]!, 6);
    });
  });
});
