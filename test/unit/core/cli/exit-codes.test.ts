// Exit codes as documented: 1 for refused input, 3 for a run that started and failed.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureTestModels, modelDir } from '../../../fixtures/models/index.ts';
import { cli } from './run-cli.ts';

const root = mkdtempSync(join(tmpdir(), 'docket-exit-'));
const project = join(root, 'p.docket');
beforeAll(async () => {
  await ensureTestModels();
  writeFileSync(join(root, 'a.txt'), 'John Smith lives in Paris.');
  await cli('init', project);
  await cli('import', project, join(root, 'a.txt'));
});

describe('exit codes', () => {
  it('3 when a run starts and fails (a token-classification folder holding a classifier graph), with the reason', async () => {
    const model = join(root, 'mismatch');
    cpSync(modelDir('ner-wordpiece-cased'), model, { recursive: true });
    cpSync(join(modelDir('sentiment'), 'onnx', 'model.onnx'), join(model, 'onnx', 'model.onnx'));
    process.env.DOCKET_USER_DATA = join(root, 'user');
    const result = await cli('detect', project, '--ner', model);
    expect(result.stderr).toMatch(/the ner run failed: The model did not return per-token logits/);
    expect(result.code).toBe(3);
  }, 120_000);

  it('1 when the input is refused before anything runs (a truncated model file)', async () => {
    const model = join(root, 'truncated');
    cpSync(modelDir('ner-wordpiece-cased'), model, { recursive: true });
    writeFileSync(join(model, 'onnx', 'model.onnx'), Buffer.from([0x08, 0x07, 0x12]));
    const result = await cli('detect', project, '--ner', model);
    expect(result.stderr).toMatch(/not a valid ONNX model/);
    expect(result.code).toBe(1);
  }, 60_000);
});
