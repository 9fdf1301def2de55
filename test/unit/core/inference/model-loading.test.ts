// Model folders as analysts import them: any folder name, tokenizer configs that leave out the
// padding token or the length limit. Generated models copied into temp folders, loaded by the
// host's own loader, run on real ONNX sessions; scores against references from expectations.json.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { loadModel } from '../../../../src-main/core/inference/loaded-models.ts';
import { maxSequenceLength } from '../../../../src-main/core/inference/max-length.ts';
import { nliIndices, runNli, runTextClassification, runZeroShot } from '../../../../src-main/core/inference/sequence-task.ts';
import { completeSpecialTokens } from '../../../../src-main/core/inference/special-tokens.ts';
import { planPairWindows } from '../../../../src-main/core/inference/sequence-windows.ts';
import { resolveMaxLength } from '../../../../src-main/core/inference/token-classification/index.ts';
import { runTokenTask } from '../../../../src-main/core/inference/token-task.ts';
import type { DocResult } from '../../../../src-main/core/inference/protocol.ts';
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
import { bagLogits, nliLogits, softmax } from '../fixtures/reference.ts';

const hooks = { cancelled: () => false, plan: () => {}, progress: () => {} };
const root = mkdtempSync(join(tmpdir(), 'docket-model-loading-'));
let copies = 0;

/** A generated model copied to `<tmp>/<unique>/<folderName>`, its JSON files edited by `edit`. */
function copyModel(name: TestModelName, folderName: string, edit: Record<string, (json: Record<string, unknown>) => void> = {}): string {
  const dir = join(root, String(copies++), folderName);
  cpSync(modelDir(name), dir, { recursive: true });
  for (const [file, change] of Object.entries(edit)) {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    change(json);
    writeFileSync(join(dir, file), JSON.stringify(json));
  }
  return dir;
}

const labelsResult = (r: DocResult | undefined) => {
  if (r?.kind !== 'labels') throw new Error(`labels expected, got ${JSON.stringify(r)}`);
  return r;
};
const scores = (r: DocResult | undefined) => Object.fromEntries(labelsResult(r).distribution.map((d) => [d.label, d.score]));

beforeAll(async () => {
  await ensureTestModels();
  env.allowRemoteModels = false;
  env.localModelPath = modelsRoot;
});

const ODD_NAMES = ['bert ner', 'ner (v2)', 'modèle-ner', 'models--Xenova--bert-base-NER'];

describe('folders whose name is not a hub id', () => {
  it.each(ODD_NAMES)('"%s": a token model loads by path and tags exact spans', async (folderName) => {
    const loaded = await loadModel(copyModel('ner-wordpiece-cased', folderName), 'fp32', 'token');
    const text = 'John Smith met Alice in Paris.';
    const result = (await runTokenTask(loaded, [{ id: 1, text }], {}, hooks)).get(1)!;
    if (result.kind !== 'spans') throw new Error('spans expected');
    expect(result.spans.map((s) => [text.slice(s.start, s.end), s.label])).toEqual([
      ['John Smith', 'PER'],
      ['Alice', 'PER'],
      ['Paris', 'LOC'],
    ]);
  });

  it.each(ODD_NAMES)('"%s": a sequence model loads by path and classifies', async (folderName) => {
    const loaded = await loadModel(copyModel('sentiment', folderName), 'q8', 'sequence');
    const exp = readExpectations<BagOfTokensExpectations>('sentiment');
    const text = 'A wonderful film.';
    const tokenizer = await AutoTokenizer.from_pretrained('sentiment');
    const ref = softmax(bagLogits(exp, tokenizer.encode(text)));
    const got = scores((await runTextClassification(loaded, [{ id: 1, text }], {}, hooks)).get(1));
    exp.labels.forEach((l, i) => expect(got[l]).toBeCloseTo(ref[i]!, 6));
  });
});

describe('tokenizer_config.json without pad_token', () => {
  const noPad = { 'tokenizer_config.json': (j: Record<string, unknown>) => delete j['pad_token'] };
  // Texts of different lengths, so every batch is padded.
  const texts = ['The sky is blue today.', 'The sky is not blue.', 'A cat.', 'In sports and politics: the senator won the vote, and the team won the match.'];

  it("text classification pads with special_tokens_map.json's [PAD]", async () => {
    const dir = copyModel('sentiment', 'sentiment', noPad);
    const loaded = await loadModel(dir, 'fp32', 'sequence');
    expect(loaded.tokenizer.pad_token_id).toBe(loaded.tokenizer.convert_tokens_to_ids('[PAD]'));
    const exp = readExpectations<BagOfTokensExpectations>('sentiment');
    const results = await runTextClassification(
      loaded,
      texts.map((text, i) => ({ id: i, text })),
      {},
      hooks,
    );
    texts.forEach((text, i) => {
      const ref = softmax(bagLogits(exp, loaded.tokenizer.encode(text)));
      const got = scores(results.get(i));
      exp.labels.forEach((l, j) => expect(got[l]).toBeCloseTo(ref[j]!, 6));
    });
  });

  it('NLI and zero-shot run and match the reference', async () => {
    const loaded = await loadModel(copyModel('nli', 'nli', noPad), 'fp32', 'sequence');
    const exp = readExpectations<NliExpectations>('nli');
    const tok = loaded.tokenizer;
    expect(tok.pad_token_id).toBe(tok.convert_tokens_to_ids('[PAD]'));
    const hypothesis = 'The sky is blue.';
    const nli = await runNli(
      loaded,
      texts.map((text, i) => ({ id: i, text })),
      { hypothesis },
      hooks,
    );
    texts.forEach((text, i) => {
      const ref = softmax(nliLogits(exp, tok.tokenize(text), tok.tokenize(hypothesis)));
      exp.labels.forEach((l, j) => expect(scores(nli.get(i))[l]).toBeCloseTo(ref[j]!, 6));
    });
    const candidates = ['sports', 'politics', 'finance'];
    const zs = await runZeroShot(
      loaded,
      texts.map((text, i) => ({ id: i, text })),
      { labels: candidates },
      hooks,
    );
    texts.forEach((text, i) => {
      const ref = softmax(candidates.map((c) => nliLogits(exp, tok.tokenize(text), tok.tokenize(`This example is ${c}.`))[1]!));
      candidates.forEach((c, j) => expect(scores(zs.get(i))[c]).toBeCloseTo(ref[j]!, 6));
    });
  });

  it('the generated DeBERTa-shaped model (no pad_token, no eos_token) runs zero-shot in batches', async () => {
    const loaded = await loadModel(modelDir('nli-binary'), 'fp32', 'sequence');
    expect(loaded.tokenizer.pad_token_id).toBe(loaded.tokenizer.convert_tokens_to_ids('[PAD]'));
    const result = await runZeroShot(
      loaded,
      texts.map((text, i) => ({ id: i, text })),
      { labels: ['sports', 'politics'], multiLabel: true },
      hooks,
    );
    expect(result.size).toBe(texts.length);
  });

  it("falls back from special_tokens_map.json to config.json pad_token_id, then to the vocabulary's [PAD] / <pad>", async () => {
    const resolve = async (name: TestModelName, edit: Record<string, (json: Record<string, unknown>) => void>) => {
      const dir = copyModel(name, name, edit);
      const tokenizer = await AutoTokenizer.from_pretrained(dir);
      const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
      return { tokenizer, pad: completeSpecialTokens(tokenizer, dir, config).pad };
    };
    const noMapPad = { ...noPad, 'special_tokens_map.json': (j: Record<string, unknown>) => delete j['pad_token'] };
    // RoBERTa-shaped: transformers.js alone would pad with eos (</s>, id 2); the folder says <pad> (id 1).
    const roberta = await resolve('nli-roberta', noPad);
    expect(roberta.pad).toEqual({ token: '<pad>', id: 1, source: 'special_tokens_map.json' });
    expect(roberta.tokenizer.pad_token_id).toBe(1);
    const fromConfig = await resolve('nli-roberta', noMapPad);
    expect(fromConfig.pad).toEqual({ token: '<pad>', id: 1, source: 'config.json' });
    const fromVocab = await resolve('nli-roberta', { ...noMapPad, 'config.json': (j) => delete j['pad_token_id'] });
    expect(fromVocab.pad).toEqual({ token: '<pad>', id: 1, source: 'vocabulary' });
    const bert = await resolve('sentiment', { ...noMapPad, 'config.json': (j) => delete j['pad_token_id'] });
    expect(bert.pad).toEqual({ token: '[PAD]', id: 0, source: 'vocabulary' });
    // A pad_token in tokenizer_config.json wins.
    expect((await resolve('nli-roberta', {})).pad).toEqual({ token: '<pad>', id: 1, source: 'tokenizer_config.json' });
  });
});

describe('tokenizer_config.json without model_max_length', () => {
  it("XLM-R-shaped: the limit is config.json's max_position_embeddings less the padding offset (1026 − 2)", async () => {
    const tokenizerConfig = JSON.parse(readFileSync(join(modelDir('nli-xlmr'), 'tokenizer_config.json'), 'utf8')) as Record<string, unknown>;
    expect(tokenizerConfig['model_max_length']).toBeUndefined();
    const loaded = await loadModel(modelDir('nli-xlmr'), 'fp32', 'sequence');
    expect(maxSequenceLength(loaded.tokenizer, loaded.config)).toBe(1024);
    // Token tasks read the same limit.
    expect(resolveMaxLength(loaded.tokenizer, loaded.model)).toBe(1024);
    const text = Array.from({ length: 3000 }, (_, i) => COMMON_WORDS[(i * 7) % 60]).join(' ');
    const hypothesis = 'The cat sleeps.';
    const windows = planPairWindows(loaded.tokenizer, text, hypothesis, 1024);
    // 3000 words: several windows, none longer than the limit, some longer than 512.
    expect(windows.length).toBeGreaterThan(2);
    expect(Math.max(...windows.map((w) => w.inputIds.length))).toBeLessThanOrEqual(1024);
    expect(Math.max(...windows.map((w) => w.inputIds.length))).toBeGreaterThan(512);
    // runNli used those very windows (at 512 tokens it would have used more, shorter ones).
    expect(planPairWindows(loaded.tokenizer, text, hypothesis, 512).length).toBeGreaterThan(windows.length);
    const result = labelsResult((await runNli(loaded, [{ id: 1, text }], { hypothesis }, hooks)).get(1));
    expect(result.truncated).toBe(false);
    expect(result.tokens).toBe(windows.reduce((n, w) => n + w.inputIds.length, 0));
  });

  it.each([
    ['nli-roberta', 1026, undefined, 1024], // RoBERTa: position ids start after padding_idx 1
    ['nli-roberta', 1026, 1e30, 1024], // Python's "very large" sentinel counts as missing
    ['nli', 1024, undefined, 1024], // BERT: no offset
    ['nli-roberta', 130, undefined, 128], // fewer positions than the usual 512
    ['nli-roberta', 130, 512, 128], // a declared limit past the positions is capped
  ] as const)('%s with max_position_embeddings %i and model_max_length %s reads %i tokens', async (name, positions, declared, expected) => {
    const dir = copyModel(name, name, {
      'tokenizer_config.json': (j) => (declared === undefined ? delete j['model_max_length'] : void (j['model_max_length'] = declared)),
      'config.json': (j) => void (j['max_position_embeddings'] = positions),
    });
    const loaded = await loadModel(dir, 'fp32', 'sequence');
    expect(maxSequenceLength(loaded.tokenizer, loaded.config)).toBe(expected);
    expect(resolveMaxLength(loaded.tokenizer, loaded.model)).toBe(expected);
  });
});

describe('which output is entailment', () => {
  it("is found case-insensitively in id2label; a two-class model's other class is its contradiction; generic names are refused clearly", () => {
    const config = (labels: string[]) => ({ id2label: Object.fromEntries(labels.map((l, i) => [String(i), l])) });
    expect(nliIndices(config(['CONTRADICTION', 'NEUTRAL', 'ENTAILMENT']))).toEqual({ entailment: 2, contradiction: 0 });
    expect(nliIndices(config(['entailment', 'neutral', 'contradiction']))).toEqual({ entailment: 0, contradiction: 2 });
    expect(nliIndices(config(['entailment', 'not_entailment']))).toEqual({ entailment: 0, contradiction: 1 });
    expect(nliIndices(config(['not_entailment', 'Entailment']))).toEqual({ entailment: 1, contradiction: 0 });
    expect(nliIndices({ label2id: { ENTAILMENT: 1, CONTRADICTION: 0 } })).toEqual({ entailment: 1, contradiction: 0 });
    expect(() => nliIndices(config(['LABEL_0', 'LABEL_1', 'LABEL_2']))).toThrow(/no "entailment" label \(its labels: LABEL_0, LABEL_1, LABEL_2, generic names/);
    expect(() => nliIndices(config(['NEGATIVE', 'POSITIVE']))).toThrow(/no "entailment" label/);
  });

  it('multi-label zero-shot on a model with entailment but no contradiction (three classes) is refused, single-label runs', async () => {
    const dir = copyModel('nli', 'nli', {
      'config.json': (j) => {
        j['id2label'] = { 0: 'other', 1: 'entailment', 2: 'neutral' };
        j['label2id'] = { other: 0, entailment: 1, neutral: 2 };
      },
    });
    const loaded = await loadModel(dir, 'fp32', 'sequence');
    await expect(runZeroShot(loaded, [{ id: 1, text: 'sports' }], { labels: ['sports', 'politics'], multiLabel: true }, hooks)).rejects.toThrow(
      /no "contradiction" label/,
    );
    await expect(runZeroShot(loaded, [{ id: 1, text: 'sports' }], { labels: ['sports'] }, hooks)).rejects.toThrow(/no "contradiction" label/);
    const single = labelsResult((await runZeroShot(loaded, [{ id: 1, text: 'sports' }], { labels: ['sports', 'politics'] }, hooks)).get(1));
    expect(single.distribution[0]!.label).toBe('sports');
  });
});
