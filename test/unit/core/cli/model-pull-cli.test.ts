// `docket models weights | pull --dtype | token status` through the real CLI entry, against a
// loopback hub that answers as huggingface.co and its CDN do.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docket } from './in-process-cli.ts';
import { repoFiles } from '../../../fixtures/hub/repo-files.ts';
import { HUB_TOKEN, TestHub } from '../../../fixtures/hub/test-hub.ts';
import { ensureTestModels, modelDir } from '../../../fixtures/models/index.ts';

const root = mkdtempSync(join(tmpdir(), 'docket-cli-pull-'));
const saved = { ...process.env };
let hub: TestHub;

beforeAll(async () => {
  await ensureTestModels();
  hub = await TestHub.start();
  hub.addRepo('acme/sentiment', repoFiles(modelDir('sentiment')));
  hub.addRepo('acme/gated', repoFiles(modelDir('sentiment')), 'gated');
  Object.assign(process.env, { DOCKET_USER_DATA: join(root, 'user'), DOCKET_HUB_URL: hub.hubUrl, NO_PROXY: '127.0.0.1,localhost' });
  delete process.env.HF_TOKEN;
});
afterAll(async () => {
  await hub.close();
  process.env = saved;
});

describe('docket models weights / pull / token', () => {
  it('lists the weights on the hub with sizes and the default', async () => {
    const result = await docket('models', 'weights', 'acme/sentiment');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^ {2}q8 +[\d.]+ MB {2}onnx\/model_quantized\.onnx {2}\(default\)$/m);
    expect(result.out).toMatch(/^ {2}fp32 +[\d.]+ MB {2}onnx\/model\.onnx$/m);
  });

  it('pulls the default (q8) weights only, or the ones asked for', async () => {
    expect((await docket('models', 'pull', 'acme/sentiment')).out).toMatch(/Pulled acme\/sentiment \(text-classification; q8 weights\)/);
    const folder = join(root, 'user', 'models', 'acme', 'sentiment', 'onnx');
    expect([existsSync(join(folder, 'model_quantized.onnx')), existsSync(join(folder, 'model.onnx'))]).toEqual([true, false]);
    expect((await docket('models', 'pull', 'acme/sentiment', '--dtype', 'fp32')).code).toBe(0);
    expect(existsSync(join(folder, 'model.onnx'))).toBe(true);
    expect(await docket('models', 'pull', 'acme/sentiment', '--dtype', 'float32')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/--dtype must be one of fp32, fp16, q8/),
    });
  });

  it('explains a gated model without a token, and pulls it with HF_TOKEN', async () => {
    expect((await docket('models', 'token', 'status')).out).toMatch(/^No hub token/);
    const refused = await docket('models', 'pull', 'acme/gated');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/gated/i);
    process.env.HF_TOKEN = HUB_TOKEN;
    expect((await docket('models', 'token', 'status')).out).toMatch(/from the HF_TOKEN environment variable/);
    const pulled = await docket('models', 'pull', 'acme/gated');
    expect(pulled.code).toBe(0);
    expect(pulled.out + pulled.err).not.toContain(HUB_TOKEN);
    delete process.env.HF_TOKEN;
  });
});
