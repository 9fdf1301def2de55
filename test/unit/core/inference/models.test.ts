// The model registry and folder checks. Pulls are tested against a loopback hub in models/pull.test.ts.
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPaths } from '../../../../src-main/core/app.ts';
import { importFolder, listModels, resolveModel } from '../../../../src-main/core/inference/models/registry.ts';
import { validateModelFolder } from '../../../../src-main/core/inference/models/validate.ts';
import { ensureTestModels, modelDir } from '../../../fixtures/models/index.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'docket-models-'));
function copyModel(name: Parameters<typeof modelDir>[0]): string {
  const dir = join(scratch(), name);
  cpSync(modelDir(name), dir, { recursive: true });
  return dir;
}

beforeAll(() => ensureTestModels());

describe('model folder checks', () => {
  it('accepts a generated model and describes it', () => {
    const info = validateModelFolder(modelDir('ner-bpe'));
    expect(info.dtypes).toEqual(['fp32', 'q8']);
    expect(info.labels).toContain('B-PER');
  });

  it.each([
    ['missing config', (d: string) => rmSync(join(d, 'config.json')), /config\.json is missing/],
    [
      'config without id2label',
      (d: string) => {
        const c = JSON.parse(readFileSync(join(d, 'config.json'), 'utf8'));
        delete c.id2label;
        writeFileSync(join(d, 'config.json'), JSON.stringify(c));
      },
      /config\.json has no id2label/,
    ],
    ['missing tokenizer', (d: string) => rmSync(join(d, 'tokenizer.json')), /tokenizer\.json is missing/],
    [
      'tokenizer of another model',
      (d: string) => {
        const c = JSON.parse(readFileSync(join(d, 'config.json'), 'utf8'));
        c.vocab_size = 20;
        writeFileSync(join(d, 'config.json'), JSON.stringify(c));
      },
      /tokenizer\.json has token ids up to \d+, but config\.json says vocab_size 20/,
    ],
    [
      'truncated onnx',
      (d: string) => truncateSync(join(d, 'onnx/model.onnx'), Math.floor(statSync(join(d, 'onnx/model.onnx')).size / 2)),
      /model\.onnx is not a valid ONNX model \(field \d+ runs \d+ bytes past the end/,
    ],
    ['garbage onnx', (d: string) => writeFileSync(join(d, 'onnx/model.onnx'), Buffer.alloc(4096, 0xff)), /model\.onnx is not a valid ONNX model/],
    ['no weights', (d: string) => rmSync(join(d, 'onnx'), { recursive: true }), /has neither model\.onnx nor model_quantized\.onnx/],
    [
      'weights declared outside the graph but missing',
      (d: string) => {
        const c = JSON.parse(readFileSync(join(d, 'config.json'), 'utf8'));
        c['transformers.js_config'] = { use_external_data_format: 1 };
        writeFileSync(join(d, 'config.json'), JSON.stringify(c));
      },
      /model\.onnx_data is missing: config\.json says the fp32 weights are kept outside the graph/,
    ],
  ])('refuses a folder with %s, naming the file', (_, breakIt, message) => {
    const dir = copyModel('sentiment');
    breakIt(dir);
    expect(() => validateModelFolder(dir)).toThrow(message);
  });

  it('lists pulled and imported models, and resolves MODEL arguments', () => {
    const paths = defaultPaths(scratch());
    cpSync(modelDir('topic'), join(paths.modelCache, 'acme', 'topic'), { recursive: true });
    const folder = copyModel('nli');
    expect(importFolder(paths, folder)).toMatchObject({ task: 'nli', labels: ['contradiction', 'entailment', 'neutral'] });
    expect(listModels(paths).map((m) => [m.id, m.task])).toEqual([
      ['builtin/names', 'token-classification'],
      ['builtin/pos', 'token-classification'],
      ['acme/topic', 'text-classification'],
      [folder, 'nli'],
    ]);
    expect(
      listModels(paths)
        .filter((m) => m.builtin)
        .map((m) => m.sizeBytes),
    ).toEqual([0, 0]);
    expect(resolveModel(paths, 'acme/topic').path).toBe(join(paths.modelCache, 'acme', 'topic'));
    expect(resolveModel(paths, folder).path).toBe(folder);
    expect(() => resolveModel(paths, 'Xenova/bert-base-NER')).toThrow(/not on this machine\. Pull it first: docket models pull Xenova\/bert-base-NER/);
  });
});
