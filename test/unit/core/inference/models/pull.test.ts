// Pulls against a loopback hub that answers as huggingface.co and its CDN do (test/fixtures/hub).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultPaths, type AppPaths } from '../../../../../src-main/core/app.ts';
import { DocketError } from '../../../../../src-main/core/errors.ts';
import { ONNX_DTYPES, type OnnxDtype } from '../../../../../src-main/core/inference/models/dtypes.ts';
import { clearHubToken, hubTokenPath, hubTokenStatus, saveHubToken } from '../../../../../src-main/core/inference/models/hub-token.ts';
import { pullModel, type PullOptions } from '../../../../../src-main/core/inference/models/pull.ts';
import { pullRecord } from '../../../../../src-main/core/inference/models/pull-record.ts';
import { listWeights } from '../../../../../src-main/core/inference/models/weights.ts';
import { listModels } from '../../../../../src-main/core/inference/models/registry.ts';
import { InferenceClient } from '../../../../../src-main/core/inference/client.ts';
import { runModel } from '../../../../../src-main/core/inference/run-job.ts';
import { openDatabase } from '../../../../../src-main/core/store/database.ts';
import * as documents from '../../../../../src-main/core/store/queries/documents.ts';
import * as docLabels from '../../../../../src-main/core/store/queries/doc-labels.ts';
import { writeExternalDataModel } from '../../../../fixtures/hub/external-data.ts';
import { repoFiles } from '../../../../fixtures/hub/repo-files.ts';
import { HUB_TOKEN, sha256Of, TestHub } from '../../../../fixtures/hub/test-hub.ts';
import { startTestProxy } from '../../../../fixtures/hub/test-proxy.ts';
import { ensureTestModels, modelDir } from '../../../../fixtures/models/index.ts';

const { onnx } = onnxProto as unknown as { onnx: typeof OnnxTypes };

const scratch = () => mkdtempSync(join(tmpdir(), 'docket-pull-'));
const freshPaths = (): AppPaths => defaultPaths(scratch());
const reports: string[] = [];
let lastProgress: { done: number; total: number | null } | null = null;
const job = (signal = new AbortController().signal) => ({
  signal,
  report: (p: { done: number; total: number | null; message?: string }) => {
    reports.push(p.message ?? '');
    lastProgress = { done: p.done, total: p.total };
  },
});
/** No HF_TOKEN, no proxies from the machine running the tests. */
const quietEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({ ...extra });

async function failure(promise: Promise<unknown>): Promise<DocketError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DocketError);
    return error as DocketError;
  }
  throw new Error('expected the pull to fail');
}

const installed = (paths: AppPaths, id: string) => join(paths.modelCache, ...id.split('/'));
const listFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'))
    .sort();

/** The same valid ONNX graph with another doc string: another file, another sha256. */
function variant(graph: Buffer, tag: string): Buffer {
  const model = onnx.ModelProto.decode(graph);
  model.docString = `variant ${tag}`;
  return Buffer.from(onnx.ModelProto.encode(model).finish());
}

const client = new InferenceClient();
afterAll(() => client.close());

/** The model's label for one short text and its score, run through the real inference host. */
async function classify(dir: string, dtype: OnnxDtype): Promise<Array<{ label: string; score: number }>> {
  const db = openDatabase(join(scratch(), 'p.docket'), { create: true });
  try {
    const [id] = [
      documents.insert(db, {
        name: 'a.txt',
        sourcePath: null,
        sha256: 'a',
        mediaType: 'text/plain',
        sizeBytes: 20,
        pageCount: null,
        text: 'A wonderful, excellent game.',
        blobId: null,
      }),
    ];
    const summary = await runModel(db, client, { task: 'text-classification', model: { id: dir, path: dir, dtype }, options: {} }, job());
    expect(summary.status).toBe('completed');
    return docLabels.forDocument(db, id!).map((l) => ({ label: l.label, score: l.score! }));
  } finally {
    db.close();
  }
}

const SMALL = ['config.json', 'special_tokens_map.json', 'tokenizer.json', 'tokenizer_config.json'];

let hub: TestHub;
let sentiment: Record<string, Buffer>;
let allDtypes: Record<string, Buffer>;
let bigDir: string;

beforeAll(async () => {
  await ensureTestModels();
  sentiment = repoFiles(modelDir('sentiment'));
  const fp32 = sentiment['onnx/model.onnx']!;
  allDtypes = { ...sentiment };
  for (const dtype of ['fp16', 'int8', 'uint8', 'q4', 'q4f16', 'bnb4'] as const) allDtypes[ONNX_DTYPES[dtype]] = variant(fp32, dtype);
  bigDir = join(scratch(), 'big');
  writeExternalDataModel(modelDir('sentiment'), bigDir);
});

describe('a hub that answers as huggingface.co does', () => {
  beforeAll(async () => {
    hub = await TestHub.start();
    hub.addRepo('acme/sentiment', sentiment);
    hub.addRepo('acme/all-dtypes', allDtypes);
    hub.addRepo('acme/fp32-only', sentiment, 'public');
    hub.pushCommit('acme/fp32-only', { 'onnx/model_quantized.onnx': null });
    const big = repoFiles(bigDir);
    big['onnx/model_quantized.onnx'] = sentiment['onnx/model_quantized.onnx']!;
    hub.addRepo('acme/big', big);
    hub.addRepo('acme/gated', sentiment, 'gated');
    hub.addRepo('acme/private', sentiment, 'private');
    hub.addRepo('acme/no-onnx', {
      'config.json': sentiment['config.json']!,
      'tokenizer.json': sentiment['tokenizer.json']!,
      'pytorch_model.bin': Buffer.alloc(64, 1),
    });
    hub.addRepo('acme/no-config', { 'onnx/model.onnx': sentiment['onnx/model.onnx']! });
  });
  afterAll(() => hub.close());
  afterEach(() => {
    hub.options.gzip = 'off';
    hub.options.cdnEtag = 'fake-sha256';
    hub.corrupt.clear();
    hub.cut = null;
    hub.onCdnRequest = null;
  });
  const opts = (extra: PullOptions = {}): PullOptions => ({ host: hub.hubUrl, env: quietEnv(), ...extra });

  it('takes q8 by default: only onnx/model_quantized.onnx of the weights, each file checked against the hub, the commit recorded', async () => {
    const paths = freshPaths();
    hub.log.length = 0;
    const info = await pullModel(paths, 'acme/sentiment', job(), opts());
    expect(info).toMatchObject({ id: 'acme/sentiment', task: 'text-classification', dtypes: ['q8'] });
    const dir = installed(paths, 'acme/sentiment');
    expect(listFiles(dir)).toEqual(['.docket-pull.json', ...SMALL, 'onnx/model_quantized.onnx'].sort());
    // The weights came from the CDN after a 302; small files straight from the hub.
    expect(hub.requests('cdn').map((e) => e.file)).toEqual(['onnx/model_quantized.onnx']);
    expect(hub.requests('hub', 'onnx/model.onnx')).toEqual([]);
    const record = pullRecord(dir)!;
    expect(record).toMatchObject({ id: 'acme/sentiment', revision: 'main', commit: hub.head('acme/sentiment'), dtype: 'q8', host: hub.hubUrl });
    for (const f of record.files) {
      expect(f.sha256).toBe(sha256Of(sentiment[f.path]!));
      expect(f.verified).toBe(f.path.endsWith('.onnx') ? 'sha256' : 'git-sha1');
      expect(readFileSync(join(dir, f.path)).equals(sentiment[f.path]!)).toBe(true);
    }
    expect(
      listModels(paths)
        .filter((m) => !m.builtin)
        .map((m) => m.id),
    ).toEqual(['acme/sentiment']);
    // Progress in bytes, with the total known before the first byte (from the hub's metadata).
    const bytes = [...SMALL, 'onnx/model_quantized.onnx'].reduce((sum, f) => sum + sentiment[f]!.length, 0);
    expect(lastProgress).toEqual({ done: bytes, total: bytes });
    // Nothing left behind in the staging area.
    expect(readdirSync(join(paths.modelCache, '.downloads'))).toEqual([]);
  });

  it('takes fp32 where the repo has no q8', async () => {
    const paths = freshPaths();
    const info = await pullModel(paths, 'acme/fp32-only', job(), opts());
    expect(info.dtypes).toEqual(['fp32']);
    expect(pullRecord(installed(paths, 'acme/fp32-only'))!.dtype).toBe('fp32');
  });

  it.each(['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'q4f16', 'bnb4'] as OnnxDtype[])(
    'pull of dtype %s fetches only its graph and verifies it',
    async (dtype) => {
      const paths = freshPaths();
      hub.log.length = 0;
      const info = await pullModel(paths, 'acme/all-dtypes', job(), opts({ dtype }));
      const dir = installed(paths, 'acme/all-dtypes');
      const graph = ONNX_DTYPES[dtype];
      expect(listFiles(dir)).toEqual(['.docket-pull.json', ...SMALL, graph].sort());
      expect(hub.requests('cdn').map((e) => e.file)).toEqual([graph]);
      expect(readFileSync(join(dir, graph)).equals(allDtypes[graph]!)).toBe(true);
      expect(pullRecord(dir)!.files.find((f) => f.path === graph)).toMatchObject({ sha256: sha256Of(allDtypes[graph]!), verified: 'sha256' });
      expect(info.dtypes).toEqual([dtype]);
      // And it runs: the host loads the dtype's own file (here the same graph under its name).
      expect(await classify(dir, dtype)).toEqual(await classify(modelDir('sentiment'), 'fp32'));
    },
  );

  it('refuses a dtype the repo does not have, naming the ones it has', async () => {
    const e = await failure(pullModel(freshPaths(), 'acme/sentiment', job(), opts({ dtype: 'q4' })));
    expect(e.code).toBe('wrong_dtype');
    expect(e.message).toMatch(/has no q4 weights \(onnx\/model_q4\.onnx\); it has fp32 \(onnx\/model\.onnx\), q8 \(onnx\/model_quantized\.onnx\)/);
  });

  it('lists the weights with their sizes before anything is pulled', async () => {
    hub.log.length = 0;
    const listing = await listWeights('acme/all-dtypes', { host: hub.hubUrl, env: quietEnv() });
    expect(listing).toMatchObject({ id: 'acme/all-dtypes', revision: 'main', commit: hub.head('acme/all-dtypes'), defaultDtype: 'q8' });
    expect(listing.weights.map((w) => w.dtype)).toEqual(['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'q4f16', 'bnb4']);
    for (const w of listing.weights) {
      expect(w.sizeBytes).toBe(allDtypes[ONNX_DTYPES[w.dtype]]!.length);
      expect(w.loadable).toBe(true); // Docket loads every transformers.js weights file
    }
    // Sizes come from the hub's first answer (302 + X-Linked-Size): no byte of weights was fetched.
    expect(hub.requests('cdn')).toEqual([]);
    const big = await listWeights('acme/big', { host: hub.hubUrl, env: quietEnv() });
    expect(big.weights.find((w) => w.dtype === 'fp32')!.files.map((f) => f.path)).toEqual([
      'onnx/model.onnx',
      'onnx/model.onnx_data',
      'onnx/model.onnx_data_1',
    ]);
  });

  it('fetches and verifies external data (model.onnx_data, model.onnx_data_1) with its graph, and ONNX Runtime loads the result', async () => {
    const paths = freshPaths();
    hub.log.length = 0;
    await pullModel(paths, 'acme/big', job(), opts({ dtype: 'fp32' }));
    const dir = installed(paths, 'acme/big');
    expect(listFiles(dir).filter((f) => f.startsWith('onnx/'))).toEqual(['onnx/model.onnx', 'onnx/model.onnx_data', 'onnx/model.onnx_data_1']);
    expect(
      hub
        .requests('cdn')
        .map((e) => e.file)
        .sort(),
    ).toEqual(['onnx/model.onnx', 'onnx/model.onnx_data', 'onnx/model.onnx_data_1']);
    const record = pullRecord(dir)!;
    for (const f of ['onnx/model.onnx_data', 'onnx/model.onnx_data_1']) {
      expect(record.files.find((r) => r.path === f)).toMatchObject({ verified: 'sha256', sha256: sha256Of(readFileSync(join(bigDir, f))) });
    }
    const original = await ort.InferenceSession.create(join(modelDir('sentiment'), 'onnx', 'model.onnx'));
    const pulled = await ort.InferenceSession.create(join(dir, 'onnx', 'model.onnx'));
    const ids = BigInt64Array.from({ length: 40 }, (_, i) => BigInt(i));
    const feeds = {
      input_ids: new ort.Tensor('int64', ids, [1, 40]),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(40).fill(1n), [1, 40]),
      token_type_ids: new ort.Tensor('int64', new BigInt64Array(40), [1, 40]),
    };
    const expected = Array.from((await original.run(feeds)).logits!.data as Float32Array);
    expect(expected.some((v) => v !== 0)).toBe(true);
    expect(Array.from((await pulled.run(feeds)).logits!.data as Float32Array)).toEqual(expected);
    // Through transformers.js in the inference host too: the data files are found and loaded,
    // also from an export whose config.json does not declare them.
    expect(await classify(dir, 'fp32')).toEqual(await classify(modelDir('sentiment'), 'fp32'));
    const undeclared = join(scratch(), 'undeclared');
    cpSync(dir, undeclared, { recursive: true });
    const config = JSON.parse(readFileSync(join(undeclared, 'config.json'), 'utf8')) as Record<string, unknown>;
    delete config['transformers.js_config'];
    writeFileSync(join(undeclared, 'config.json'), JSON.stringify(config));
    expect(await classify(undeclared, 'fp32')).toEqual(await classify(modelDir('sentiment'), 'fp32'));
    // The default (q8) does not take fp32's data files.
    hub.log.length = 0;
    await pullModel(freshPaths(), 'acme/big', job(), opts());
    expect(hub.requests('cdn').map((e) => e.file)).toEqual(['onnx/model_quantized.onnx']);
  });

  it.each(['fake-sha256', 'md5', 'xet'] as const)(
    'a byte changed on the way from the CDN (ETag style %s) is caught: model_corrupt, file deleted, nothing installed',
    async (style) => {
      hub.options.cdnEtag = style;
      hub.corrupt.add('onnx/model_quantized.onnx');
      const paths = freshPaths();
      const e = await failure(pullModel(paths, 'acme/sentiment', job(), opts()));
      expect(e.code).toBe('model_corrupt');
      const real = sha256Of(sentiment['onnx/model_quantized.onnx']!);
      expect(e.message).toContain('onnx/model_quantized.onnx');
      expect(e.message).toContain(`the hub says ${real}`);
      expect(e.message).toMatch(/sha256 is [0-9a-f]{64}/);
      expect(e.message).toMatch(/deleted/);
      expect(existsSync(installed(paths, 'acme/sentiment'))).toBe(false);
      const staged = join(paths.modelCache, '.downloads', 'acme--sentiment', 'onnx');
      expect(readdirSync(staged)).toEqual([]);
      // Fixed on the way: the next pull installs.
      hub.corrupt.clear();
      await pullModel(paths, 'acme/sentiment', job(), opts());
      expect(readFileSync(join(installed(paths, 'acme/sentiment'), 'onnx/model_quantized.onnx')).equals(sentiment['onnx/model_quantized.onnx']!)).toBe(true);
    },
  );

  it("never takes the CDN's ETag for the file's hash (a sha256-looking ETag of something else)", async () => {
    const etag = hub.cdnEtag('acme/sentiment', 'onnx/model_quantized.onnx').replace(/"/g, '');
    expect(etag).toMatch(/^[0-9a-f]{64}$/);
    expect(etag).not.toBe(sha256Of(sentiment['onnx/model_quantized.onnx']!));
    const paths = freshPaths();
    await pullModel(paths, 'acme/sentiment', job(), opts());
    expect(pullRecord(installed(paths, 'acme/sentiment'))!.files.find((f) => f.path === 'onnx/model_quantized.onnx')!.sha256).toBe(
      sha256Of(sentiment['onnx/model_quantized.onnx']!),
    );
  });

  it('explains a gated model without a token, and pulls it with one (option, HF_TOKEN or the saved file); the CDN never sees the token', async () => {
    reports.length = 0;
    const paths = freshPaths();
    const e = await failure(pullModel(paths, 'acme/gated', job(), opts()));
    expect(e.code).toBe('model_not_found_or_gated');
    expect(e.message).toMatch(/acme\/gated is gated: accept its terms at http:\/\/127\.0\.0\.1:\d+\/acme\/gated .*set HF_TOKEN/);
    expect(existsSync(installed(paths, 'acme/gated'))).toBe(false);

    hub.log.length = 0;
    await pullModel(paths, 'acme/gated', job(), opts({ token: HUB_TOKEN }));
    expect(pullRecord(installed(paths, 'acme/gated'))!.commit).toBe(hub.head('acme/gated'));
    expect(hub.requests('hub').length).toBeGreaterThan(0);
    expect(hub.requests('hub').every((r) => r.authorization === `Bearer ${HUB_TOKEN}`)).toBe(true);
    expect(hub.requests('cdn').length).toBeGreaterThan(0);
    expect(hub.requests('cdn').every((r) => r.authorization === null)).toBe(true);

    await pullModel(freshPaths(), 'acme/gated', job(), { host: hub.hubUrl, env: quietEnv({ HF_TOKEN: HUB_TOKEN }) });
    const saved = freshPaths();
    saveHubToken(saved, HUB_TOKEN);
    await pullModel(saved, 'acme/gated', job(), opts());
    expect(hub.requests('cdn').every((r) => r.authorization === null)).toBe(true);
    expect(reports.some((m) => m.includes(HUB_TOKEN))).toBe(false);
  });

  it('says the token was refused, without ever showing it (even when the server quotes it back)', async () => {
    const wrong = 'hf_ThisTokenIsWrong0000000000000000';
    hub.options.echoCredentials = true;
    const e = await failure(pullModel(freshPaths(), 'acme/gated', job(), opts({ token: wrong })).finally(() => (hub.options.echoCredentials = false)));
    expect(e.message).toMatch(/The hub says: "Invalid credentials in Authorization header \(Bearer \[hidden\]\)"/);
    expect(e.code).toBe('model_not_found_or_gated');
    expect(e.message).toMatch(/the token was refused/);
    expect(e.message).not.toContain(wrong);
    expect(e.message).not.toContain('ThisTokenIsWrong');
    expect(JSON.stringify(e)).not.toContain(wrong);
  });

  it('an unknown or private id is model_not_found_or_gated (HTTP 401 RepoNotFound), not a network error', async () => {
    for (const id of ['acme/nothing-here', 'acme/private']) {
      const e = await failure(pullModel(freshPaths(), id, job(), opts()));
      expect(e.code, id).toBe('model_not_found_or_gated');
      expect(e.message).toMatch(/not found, private or gated: check the id; for a gated model accept its terms on the hub and set HF_TOKEN/);
    }
    const e = await failure(listWeights('acme/nothing-here', { host: hub.hubUrl, env: quietEnv() }));
    expect(e.code).toBe('model_not_found_or_gated');
    // The private one with the token is fine.
    await pullModel(freshPaths(), 'acme/private', job(), opts({ token: HUB_TOKEN }));
  });

  it('says what is missing from a repo that is no transformers.js model', async () => {
    const paths = freshPaths();
    expect(await failure(pullModel(paths, 'acme/no-onnx', job(), opts()))).toMatchObject({
      code: 'model_incomplete',
      message: expect.stringMatching(/acme\/no-onnx has no ONNX weights/),
    });
    expect(await failure(pullModel(paths, 'acme/no-config', job(), opts()))).toMatchObject({
      code: 'model_incomplete',
      message: expect.stringMatching(/acme\/no-config has no config\.json on http:\/\/127\.0\.0\.1/),
    });
    expect((await failure(pullModel(paths, '../etc', job(), opts()))).message).toMatch(/not a hub model id/);
  });

  it('a cancelled pull stops, keeps what arrived for a resume, and installs nothing', async () => {
    const controller = new AbortController();
    hub.cut = null;
    hub.onCdnRequest = () => setTimeout(() => controller.abort(), 5);
    // A slow CDN: the body stalls after 500 bytes (cut without closing), so the abort lands mid-download.
    hub.cut = { path: 'onnx/model_quantized.onnx', afterBytes: 500 };
    const paths = freshPaths();
    const e = await failure(pullModel(paths, 'acme/sentiment', job(controller.signal), opts()));
    expect(e.code).toBe('cancelled');
    expect(existsSync(installed(paths, 'acme/sentiment'))).toBe(false);
    expect(existsSync(join(paths.modelCache, '.downloads', 'acme--sentiment', 'config.json'))).toBe(true);
  });

  it('cannot connect → network', async () => {
    const dead = await TestHub.start();
    const host = dead.hubUrl;
    await dead.close();
    const e = await failure(pullModel(freshPaths(), 'acme/sentiment', job(), { host, env: quietEnv() }));
    expect(e.code).toBe('network');
    expect(e.message).toMatch(/Cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED/);
  });
});

describe('revisions and resumes', () => {
  beforeAll(async () => {
    hub = await TestHub.start();
  });
  afterAll(() => hub.close());
  const opts = (extra: PullOptions = {}): PullOptions => ({ host: hub.hubUrl, env: quietEnv(), ...extra });

  it('pulls a tag, a commit and owner/name@revision, and records what it got', async () => {
    const first = hub.addRepo('acme/versions', sentiment);
    hub.tag('acme/versions', 'v1', first);
    const changed = Buffer.from(JSON.stringify({ ...JSON.parse(sentiment['config.json']!.toString()), docket_note: 'second' }));
    const second = hub.pushCommit('acme/versions', { 'config.json': changed });
    expect(second).not.toBe(first);

    const paths = freshPaths();
    await pullModel(paths, 'acme/versions@v1', job(), opts());
    let record = pullRecord(installed(paths, 'acme/versions'))!;
    expect(record).toMatchObject({ revision: 'v1', commit: first });
    expect(readFileSync(join(installed(paths, 'acme/versions'), 'config.json')).equals(sentiment['config.json']!)).toBe(true);

    await pullModel(paths, 'acme/versions', job(), opts({ revision: first }));
    expect(pullRecord(installed(paths, 'acme/versions'))).toMatchObject({ revision: first, commit: first });

    await pullModel(paths, 'acme/versions', job(), opts());
    record = pullRecord(installed(paths, 'acme/versions'))!;
    expect(record).toMatchObject({ revision: 'main', commit: second });
    expect(readFileSync(join(installed(paths, 'acme/versions'), 'config.json')).equals(changed)).toBe(true);

    expect(await failure(pullModel(paths, 'acme/versions@v9', job(), opts()))).toMatchObject({ code: 'revision_not_found' });
    expect((await failure(pullModel(paths, 'acme/versions@v1', job(), opts({ revision: 'main' })))).code).toBe('invalid_revision');
    expect((await failure(pullModel(paths, 'acme/versions@..', job(), opts()))).code).toBe('invalid_revision');
  });

  it('main moving to a new commit in the middle of a pull does not mix the two: every file comes from the commit the pull started at', async () => {
    const first = hub.addRepo('acme/racing', sentiment);
    // Main moves once the downloads have begun (the first GET of a file).
    hub.onHubRequest = (file, entry) => {
      if (entry.method !== 'GET' || !entry.url.includes('/acme/racing/')) return;
      hub.pushCommit('acme/racing', {
        'tokenizer_config.json': '{"changed":true}',
        'onnx/model_quantized.onnx': variant(sentiment['onnx/model_quantized.onnx']!, 'new'),
      });
      hub.onHubRequest = null;
    };
    const paths = freshPaths();
    await pullModel(paths, 'acme/racing', job(), opts());
    const dir = installed(paths, 'acme/racing');
    expect(pullRecord(dir)!.commit).toBe(first);
    expect(hub.head('acme/racing')).not.toBe(first);
    for (const f of [...SMALL, 'onnx/model_quantized.onnx']) expect(readFileSync(join(dir, f)).equals(sentiment[f]!), f).toBe(true);
  });

  it('resumes an interrupted download with Range and If-Range (the ETag of the answer that started it)', async () => {
    hub.addRepo('acme/resume', sentiment);
    const graph = 'onnx/model.onnx';
    hub.cut = { path: graph, afterBytes: 1000 };
    const paths = freshPaths();
    hub.log.length = 0;
    const e = await failure(pullModel(paths, 'acme/resume', job(), opts({ dtype: 'fp32' })));
    expect(e.message).toMatch(/interrupted|got \d+ of \d+ bytes/);
    expect(existsSync(installed(paths, 'acme/resume'))).toBe(false);
    const staged = join(paths.modelCache, '.downloads', 'acme--resume', 'onnx');
    expect(readdirSync(staged).sort()).toEqual(['model.onnx.part', 'model.onnx.part.json']);
    expect(statSync(join(staged, 'model.onnx.part')).size).toBe(1000);

    await pullModel(paths, 'acme/resume', job(), opts({ dtype: 'fp32' }));
    const cdn = hub.requests('cdn', graph);
    expect(cdn.map((r) => [r.range, r.ifRange, r.status])).toEqual([
      [null, null, 200],
      ['bytes=1000-', hub.cdnEtag('acme/resume', graph), 206],
    ]);
    // Finished small files were not fetched again.
    expect(hub.requests('hub', 'tokenizer.json').filter((r) => r.method === 'GET')).toHaveLength(1);
    expect(readFileSync(join(installed(paths, 'acme/resume'), graph)).equals(sentiment[graph]!)).toBe(true);
  });

  it('when If-Range no longer matches (the CDN object changed), takes the whole file again', async () => {
    hub.addRepo('acme/if-range', sentiment);
    const graph = 'onnx/model.onnx';
    hub.cut = { path: graph, afterBytes: 1200 };
    const paths = freshPaths();
    hub.log.length = 0;
    await failure(pullModel(paths, 'acme/if-range', job(), opts({ dtype: 'fp32' })));
    const before = hub.cdnEtag('acme/if-range', graph);
    hub.etagSalt = 'reuploaded';
    try {
      await pullModel(paths, 'acme/if-range', job(), opts({ dtype: 'fp32' }));
    } finally {
      hub.etagSalt = '';
    }
    expect(hub.requests('cdn', graph).map((r) => [r.range, r.ifRange, r.status])).toEqual([
      [null, null, 200],
      ['bytes=1200-', before, 200],
    ]);
    expect(readFileSync(join(installed(paths, 'acme/if-range'), graph)).equals(sentiment[graph]!)).toBe(true);
  });

  it('a revision change between an interruption and the resume starts the file and the pull over', async () => {
    const first = hub.addRepo('acme/moved', sentiment);
    const graph = 'onnx/model_quantized.onnx';
    const next = variant(sentiment[graph]!, 'moved');
    let second = '';
    hub.cut = { path: graph, afterBytes: 700 };
    // While the weights are on their way, main moves on (new weights, new tokenizer_config).
    hub.onCdnRequest = () => {
      second = hub.pushCommit('acme/moved', { [graph]: next, 'tokenizer_config.json': '{"moved":true}' });
      hub.onCdnRequest = null;
    };
    const paths = freshPaths();
    hub.log.length = 0;
    await failure(pullModel(paths, 'acme/moved', job(), opts()));
    expect(statSync(join(paths.modelCache, '.downloads', 'acme--moved', `${graph}.part`)).size).toBe(700);

    await pullModel(paths, 'acme/moved', job(), opts());
    const cdn = hub.requests('cdn', graph);
    expect(cdn).toHaveLength(2);
    expect(cdn[1]).toMatchObject({ range: null, ifRange: null, status: 200 });
    expect(cdn[1]!.url).toContain(sha256Of(next));
    // The small files were fetched again too, at the new commit.
    expect(hub.requests('hub', 'config.json').filter((r) => r.method === 'GET')).toHaveLength(2);
    const dir = installed(paths, 'acme/moved');
    expect(pullRecord(dir)).toMatchObject({ commit: second });
    expect(second).not.toBe(first);
    expect(readFileSync(join(dir, graph)).equals(next)).toBe(true);
    expect(readFileSync(join(dir, 'tokenizer_config.json'), 'utf8')).toBe('{"moved":true}');
  });

  it('from a mirror that names no commit, a .part is resumed only while the hub reports the same content hash', async () => {
    const mirror = await TestHub.start({ api: false, commitHeader: false });
    try {
      mirror.addRepo('acme/nocommit', sentiment);
      const graph = 'onnx/model_quantized.onnx';
      const next = variant(sentiment[graph]!, 'changed');
      mirror.cut = { path: graph, afterBytes: 600 };
      const paths = freshPaths();
      const mirrorOpts = { host: mirror.hubUrl, env: quietEnv() };
      await failure(pullModel(paths, 'acme/nocommit', job(), mirrorOpts));
      mirror.pushCommit('acme/nocommit', { [graph]: next });
      await pullModel(paths, 'acme/nocommit', job(), mirrorOpts);
      expect(mirror.requests('cdn', graph).map((r) => [r.range, r.status])).toEqual([
        [null, 200],
        [null, 200],
      ]);
      const dir = installed(paths, 'acme/nocommit');
      expect(readFileSync(join(dir, graph)).equals(next)).toBe(true);
      expect(pullRecord(dir)).toMatchObject({ commit: null, revision: 'main' });
    } finally {
      await mirror.close();
    }
  });

  it.each(['with-length', 'chunked'] as const)(
    'a CDN that gzips anyway (%s) is checked against X-Linked-Size and sha256, not the compressed length',
    async (gzip) => {
      hub.addRepo(`acme/gzip-${gzip}`, sentiment);
      hub.options.gzip = gzip;
      hub.log.length = 0;
      const paths = freshPaths();
      try {
        await pullModel(paths, `acme/gzip-${gzip}`, job(), opts({ dtype: 'fp32' }));
      } finally {
        hub.options.gzip = 'off';
      }
      expect(hub.requests('cdn').every((r) => r.acceptEncoding === 'identity')).toBe(true);
      expect(readFileSync(join(installed(paths, `acme/gzip-${gzip}`), 'onnx/model.onnx')).equals(sentiment['onnx/model.onnx']!)).toBe(true);
    },
  );

  it('a mirror without the listing API is probed file by file (HEAD of resolve/…)', async () => {
    const mirror = await TestHub.start({ api: false });
    try {
      const commit = mirror.addRepo('acme/mirrored', allDtypes);
      const listing = await listWeights('acme/mirrored', { host: mirror.hubUrl, env: quietEnv() });
      expect(listing.commit).toBe(commit);
      expect(listing.weights.map((w) => [w.dtype, w.sizeBytes])).toEqual(
        (['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'q4f16', 'bnb4'] as OnnxDtype[]).map((d) => [d, allDtypes[ONNX_DTYPES[d]]!.length]),
      );
      const paths = freshPaths();
      await pullModel(paths, 'acme/mirrored', job(), { host: mirror.hubUrl, env: quietEnv() });
      expect(pullRecord(installed(paths, 'acme/mirrored'))).toMatchObject({ commit, dtype: 'q8' });
      expect(mirror.requests('cdn').map((r) => r.file)).toEqual(['onnx/model_quantized.onnx']);
      mirror.addRepo('acme/mirrored-big', repoFiles(bigDir));
      await pullModel(paths, 'acme/mirrored-big', job(), { host: mirror.hubUrl, env: quietEnv() });
      expect(listFiles(installed(paths, 'acme/mirrored-big')).filter((f) => f.startsWith('onnx/'))).toEqual([
        'onnx/model.onnx',
        'onnx/model.onnx_data',
        'onnx/model.onnx_data_1',
      ]);
    } finally {
      await mirror.close();
    }
  });
});

describe('proxies', () => {
  beforeAll(async () => {
    hub = await TestHub.start();
    hub.addRepo('acme/sentiment', sentiment);
  });
  afterAll(() => hub.close());

  it('go through HTTP_PROXY for the hub and the CDN', async () => {
    const proxy = await startTestProxy();
    try {
      const paths = freshPaths();
      await pullModel(paths, 'acme/sentiment', job(), { host: hub.hubUrl, env: quietEnv({ HTTP_PROXY: proxy.url }) });
      expect(new Set(proxy.log)).toEqual(new Set([`CONNECT 127.0.0.1:${hub.hubPort}`, `CONNECT 127.0.0.1:${hub.cdnPort}`]));
    } finally {
      await proxy.close();
    }
  });

  it('read the real environment when no env is given, and bypass NO_PROXY hosts', async () => {
    const proxy = await startTestProxy();
    const keys = ['HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN', 'http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY'];
    const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
    try {
      for (const k of keys) delete process.env[k];
      process.env['http_proxy'] = proxy.url;
      process.env['NO_PROXY'] = `example.org, 127.0.0.1:${hub.cdnPort}`;
      hub.log.length = 0;
      await pullModel(freshPaths(), 'acme/sentiment', job(), { host: hub.hubUrl });
      expect(new Set(proxy.log)).toEqual(new Set([`CONNECT 127.0.0.1:${hub.hubPort}`]));
      expect(hub.requests('cdn').length).toBeGreaterThan(0);
    } finally {
      for (const k of keys) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
      await proxy.close();
    }
  });

  it('a proxy given by the caller (a PAC answer) is used instead of the environment', async () => {
    const proxy = await startTestProxy();
    try {
      await pullModel(freshPaths(), 'acme/sentiment', job(), {
        host: hub.hubUrl,
        env: quietEnv({ HTTP_PROXY: 'http://127.0.0.1:1' }),
        proxy: `PROXY 127.0.0.1:${proxy.port}; DIRECT`,
      });
      expect(proxy.log.length).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  });

  it('a proxy that is down, or refuses, is a proxy error naming its host, never its credentials', async () => {
    const down = await startTestProxy();
    const port = down.port;
    await down.close();
    let e = await failure(
      pullModel(freshPaths(), 'acme/sentiment', job(), {
        host: hub.hubUrl,
        env: quietEnv({ HTTPS_PROXY: 'http://x', HTTP_PROXY: `http://analyst:s3cretPw@127.0.0.1:${port}` }),
      }),
    );
    expect(e.code).toBe('proxy');
    expect(e.message).toContain(`127.0.0.1:${port}`);
    expect(e.message).toContain('HTTP_PROXY');
    expect(e.message).not.toMatch(/s3cretPw|analyst/);

    const strict = await startTestProxy({ credentials: 'analyst:right' });
    try {
      e = await failure(
        pullModel(freshPaths(), 'acme/sentiment', job(), {
          host: hub.hubUrl,
          env: quietEnv({ HTTP_PROXY: `http://analyst:s3cretPw@127.0.0.1:${strict.port}` }),
        }),
      );
      expect(e.code).toBe('proxy');
      expect(e.message).toContain(`127.0.0.1:${strict.port}`);
      expect(e.message).toMatch(/407/);
      expect(e.message).not.toMatch(/s3cretPw|analyst/);
      await pullModel(freshPaths(), 'acme/sentiment', job(), {
        host: hub.hubUrl,
        env: quietEnv({ HTTP_PROXY: `http://analyst:right@127.0.0.1:${strict.port}` }),
      });
    } finally {
      await strict.close();
    }
  });
});

describe('the hub token file', () => {
  it('is saved owner-only, reported by where it comes from (never its value), and cleared', () => {
    const paths = freshPaths();
    expect(hubTokenStatus(paths, {})).toMatchObject({ set: false, source: null });
    saveHubToken(paths, `  ${HUB_TOKEN}\n`);
    expect(statSync(hubTokenPath(paths)).mode & 0o777).toBe(0o600);
    expect(readFileSync(hubTokenPath(paths), 'utf8').trim()).toBe(HUB_TOKEN);
    const status = hubTokenStatus(paths, {});
    expect(status).toEqual({ set: true, source: 'file', file: hubTokenPath(paths) });
    expect(JSON.stringify(status)).not.toContain(HUB_TOKEN);
    expect(hubTokenStatus(paths, { HF_TOKEN: 'hf_fromTheEnvironment' }).source).toBe('HF_TOKEN');
    expect(() => saveHubToken(paths, 'hf with spaces')).toThrow(/not usable/);
    expect(clearHubToken(paths)).toBe(true);
    expect(hubTokenStatus(paths, {}).set).toBe(false);
  });
});
