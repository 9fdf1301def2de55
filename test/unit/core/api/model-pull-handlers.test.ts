// Model downloads as the Models view asks for them, against a loopback hub that answers as
// huggingface.co and its CDN do: the weights listed with sizes first, then only the chosen ones
// fetched; the Electron shell's proxy resolver used when the app has one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelInfo, WeightListing } from '../../../../src-main/core/api/contract.ts';
import { createCore } from '../../../../src-main/core/api/create-core.ts';
import { repoFiles } from '../../../fixtures/hub/repo-files.ts';
import { TestHub } from '../../../fixtures/hub/test-hub.ts';
import { startTestProxy, type TestProxy } from '../../../fixtures/hub/test-proxy.ts';
import { ensureTestModels, modelDir } from '../../../fixtures/models/index.ts';
import { routerCaller, routerSession } from './router-session.ts';

const { root, app, call, runJob } = routerSession('docket-pull-api-');
let hub: TestHub;
let proxy: TestProxy;
const saved = { hub: process.env.DOCKET_HUB_URL, noProxy: process.env.NO_PROXY };

beforeAll(async () => {
  await ensureTestModels();
  hub = await TestHub.start();
  hub.addRepo('acme/sentiment', repoFiles(modelDir('sentiment')));
  proxy = await startTestProxy();
  process.env.DOCKET_HUB_URL = hub.hubUrl;
  process.env.NO_PROXY = '127.0.0.1,localhost'; // whatever proxy the machine running the tests has
});
afterAll(async () => {
  app.close();
  await hub.close();
  await proxy.close();
  process.env.DOCKET_HUB_URL = saved.hub;
  process.env.NO_PROXY = saved.noProxy;
});

describe('models:weights.get and models:pull.start', () => {
  it('lists the weights with their sizes before anything large is fetched, q8 by default', async () => {
    const listing = await call<WeightListing>('models:weights.get', { id: 'acme/sentiment' });
    expect(listing.defaultDtype).toBe('q8');
    expect(listing.weights.map((w) => [w.dtype, w.loadable])).toEqual(
      expect.arrayContaining([
        ['fp32', true],
        ['q8', true],
      ]),
    );
    expect(listing.weights.every((w) => (w.sizeBytes ?? 0) > 0)).toBe(true);
    expect(hub.log.filter((e) => e.server === 'cdn')).toEqual([]); // sizes come from the hub's first answer
  });

  it('downloads only the weights chosen', async () => {
    const end = await runJob('models:pull.start', { id: 'acme/sentiment', dtype: 'fp32' });
    expect(end.status).toBe('completed');
    const folder = join(root, 'user', 'models', 'acme', 'sentiment');
    expect(existsSync(join(folder, 'onnx', 'model.onnx'))).toBe(true);
    expect(existsSync(join(folder, 'onnx', 'model_quantized.onnx'))).toBe(false);
    const { models } = await call<{ models: ModelInfo[] }>('models:list.get', {});
    expect(models.find((m) => m.id === 'acme/sentiment')?.dtypes).toEqual(['fp32']);
  });

  it('refuses a dtype name the hub does not use, at the boundary', async () => {
    await expect(call('models:pull.start', { id: 'acme/sentiment', dtype: 'float32' })).rejects.toThrow(/invalid_request/);
  });

  it("goes through the shell's proxy when the app has a resolver (Electron's session)", async () => {
    const asked: string[] = [];
    const core = createCore(join(root, 'user-proxied'), {
      hubProxy: async (url) => (asked.push(url), `PROXY 127.0.0.1:${proxy.port}`),
    });
    const { call: ask } = routerCaller(core.router);
    const listing = await ask<WeightListing>('models:weights.get', { id: 'acme/sentiment' });
    expect(listing.defaultDtype).toBe('q8');
    expect(asked.length).toBeGreaterThan(0);
    expect(proxy.log.length).toBeGreaterThan(0);
    core.app.close();
  });
});
