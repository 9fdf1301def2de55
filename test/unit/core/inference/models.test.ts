// The model registry, folder checks and pulls from a local server in the hub's URL layout.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPaths } from '../../../../src-main/core/app.ts';
import { pullModel } from '../../../../src-main/core/inference/models/pull.ts';
import { importFolder, listModels, resolveModel } from '../../../../src-main/core/inference/models/registry.ts';
import { validateModelFolder } from '../../../../src-main/core/inference/models/validate.ts';
import { ensureTestModels, modelDir } from '../../../fixtures/models/index.ts';

const job = (signal = new AbortController().signal) => ({ signal, report: () => {} });
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
    ['config without id2label', (d: string) => {
      const c = JSON.parse(readFileSync(join(d, 'config.json'), 'utf8'));
      delete c.id2label;
      writeFileSync(join(d, 'config.json'), JSON.stringify(c));
    }, /config\.json has no id2label/],
    ['missing tokenizer', (d: string) => rmSync(join(d, 'tokenizer.json')), /tokenizer\.json is missing/],
    ['tokenizer of another model', (d: string) => {
      const c = JSON.parse(readFileSync(join(d, 'config.json'), 'utf8'));
      c.vocab_size = 20;
      writeFileSync(join(d, 'config.json'), JSON.stringify(c));
    }, /tokenizer\.json has token ids up to \d+, but config\.json says vocab_size 20/],
    ['truncated onnx', (d: string) => truncateSync(join(d, 'onnx/model.onnx'), Math.floor(statSync(join(d, 'onnx/model.onnx')).size / 2)), /model\.onnx is not a valid ONNX model \(field \d+ runs \d+ bytes past the end/],
    ['garbage onnx', (d: string) => writeFileSync(join(d, 'onnx/model.onnx'), Buffer.alloc(4096, 0xff)), /model\.onnx is not a valid ONNX model/],
    ['no weights', (d: string) => rmSync(join(d, 'onnx'), { recursive: true }), /has neither model\.onnx nor model_quantized\.onnx/],
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
    expect(listModels(paths).map((m) => [m.id, m.task])).toEqual([['acme/topic', 'text-classification'], [folder, 'nli']]);
    expect(resolveModel(paths, 'acme/topic').path).toBe(join(paths.modelCache, 'acme', 'topic'));
    expect(resolveModel(paths, folder).path).toBe(folder);
    expect(() => resolveModel(paths, 'Xenova/bert-base-NER')).toThrow(/not on this machine\. Pull it first: docket models pull Xenova\/bert-base-NER/);
  });
});

describe('pulling from a hub-layout server', () => {
  let server: Server;
  let host: string;
  let cutOnce = true;
  const served: string[] = [];
  beforeAll(async () => {
    const source = modelDir('sentiment');
    server = createServer((req, res) => {
      const match = /^\/acme\/sentiment\/resolve\/main\/(.+)$/.exec(req.url ?? '');
      const file = match ? join(source, match[1]!) : null;
      served.push(`${req.url} ${req.headers.range ?? ''}`);
      if (!file || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      const body = readFileSync(file);
      const range = /bytes=(\d+)-/.exec(req.headers.range ?? '');
      if (range) {
        const from = Number(range[1]);
        res.writeHead(206, { 'content-length': body.length - from, 'content-range': `bytes ${from}-${body.length - 1}/${body.length}` }).end(body.subarray(from));
        return;
      }
      if (file.endsWith('model.onnx') && cutOnce) {
        // First attempt: the connection drops half-way through the weights.
        cutOnce = false;
        res.writeHead(200, { 'content-length': body.length });
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => setTimeout(() => res.destroy(), 100));
        return;
      }
      res.writeHead(200, { 'content-length': body.length }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => server.close());

  it('resumes an interrupted download with Range and installs a verified model', async () => {
    const paths = defaultPaths(scratch());
    await expect(pullModel(paths, 'acme/sentiment', job(), host)).rejects.toThrow(/interrupted|got \d+ of \d+ bytes/);
    expect(existsSync(join(paths.modelCache, 'acme', 'sentiment'))).toBe(false);
    const partial = readdirSync(join(paths.modelCache, '.downloads', 'acme--sentiment', 'onnx'));
    expect(partial.sort()).toEqual(['model.onnx.part', 'model_quantized.onnx']);
    const info = await pullModel(paths, 'acme/sentiment', job(), host);
    expect(info).toMatchObject({ id: 'acme/sentiment', task: 'text-classification', dtypes: ['fp32', 'q8'] });
    expect(served.filter((l) => l.includes('/model.onnx'))).toEqual([expect.stringMatching(/model\.onnx $/), expect.stringMatching(/model\.onnx bytes=[1-9]\d*-$/)]);
    expect(readFileSync(join(paths.modelCache, 'acme/sentiment/onnx/model.onnx')).equals(readFileSync(join(modelDir('sentiment'), 'onnx/model.onnx')))).toBe(true);
    expect(listModels(paths).map((m) => m.id)).toEqual(['acme/sentiment']);
  });

  it('says clearly when the hub has no such model or no ONNX weights', async () => {
    const paths = defaultPaths(scratch());
    await expect(pullModel(paths, 'acme/missing', job(), host)).rejects.toThrow(/acme\/missing has no config\.json on http:\/\/127\.0\.0\.1/);
    await expect(pullModel(paths, '../etc', job(), host)).rejects.toThrow(/not a hub model id/);
  });
});
