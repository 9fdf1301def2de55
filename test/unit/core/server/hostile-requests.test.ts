// Hostile requests against the real browser-mode server on an ephemeral loopback port. After
// every one: the specific refusal, and proof that the server still serves a normal page and
// answers a normal authenticated request. What would end `docket serve` (an uncaught exception
// or unhandled rejection) fails the test it happened in: vitest itself would survive it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_IDS, requests } from '../../../../src-main/core/api/contract.ts';
import { createCore } from '../../../../src-main/core/api/create-core.ts';
import type { Router } from '../../../../src-main/core/api/router.ts';
import { MAX_MESSAGE_BYTES, startServer, type RunningServer } from '../../../../src-main/core/server/server.ts';

const root = mkdtempSync(join(tmpdir(), 'docket-hostile-'));
const rendererDir = join(root, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Docket</title>');
const core = createCore(join(root, 'user'));
let server: RunningServer;
let port: number;
let host: string;

type Reply = { id: unknown; result: { ok: boolean; value?: unknown; error?: { code: string; message: string } } };

const crashes: unknown[] = [];
const onCrash = (error: unknown) => crashes.push(error);
afterEach(() => {
  expect(crashes.map(String), 'would have ended the server process').toEqual([]);
});

beforeAll(async () => {
  process.on('uncaughtException', onCrash).on('unhandledRejection', onCrash);
  server = await startServer({ core, rendererDir });
  port = Number(new URL(server.origin).port);
  host = `127.0.0.1:${port}`;
});
afterAll(async () => {
  process.off('uncaughtException', onCrash).off('unhandledRejection', onCrash);
  await server.close();
  await core.app.close();
});

function get(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host, ...length, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c)).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject).end(body);
  });
}

/** Writes `text` on a fresh TCP connection; resolves with everything the server sent before closing. */
function raw(text: string): Promise<{ status: number | null; response: string; closed: boolean }> {
  return new Promise((resolve) => {
    let response = '';
    const socket = netConnect(port, '127.0.0.1', () => socket.write(text));
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]) || null, response, closed });
    };
    const timer = setTimeout(() => done(false), 5000);
    socket
      .on('data', (chunk) => (response += chunk))
      .on('close', () => done(true))
      .on('error', () => undefined);
  });
}

/** A WebSocket handshake written by hand, so any target, Host and Origin can be sent. */
function rawUpgrade(target: string, headers: { host?: string | null; origin?: string | null } = {}): string {
  const lines = [`GET ${target} HTTP/1.1`];
  if (headers.host !== null) lines.push(`Host: ${headers.host ?? host}`);
  if (headers.origin !== null) lines.push(`Origin: ${headers.origin ?? server.origin}`);
  lines.push('Connection: Upgrade', 'Upgrade: websocket', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==');
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Opens the API socket; rejects with "HTTP <status>" when the upgrade is refused. */
function connect(options: { token?: string; origin?: string | null; host?: string; path?: string; on?: RunningServer } = {}): Promise<WebSocket> {
  const target = options.on ?? server;
  const path = options.path ?? `/api?token=${options.token ?? target.token}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${target.origin.replace('http', 'ws')}${path}`, {
      ...(options.origin === null ? {} : { origin: options.origin ?? target.origin }),
      ...(options.host ? { headers: { host: options.host } } : {}),
      maxPayload: 256 * 1024 * 1024,
    });
    ws.once('open', () => resolve(ws))
      .once('error', reject)
      .once('unexpected-response', (_req, res) => {
        res.resume();
        reject(new Error(`HTTP ${res.statusCode}`));
      });
  });
}

/** Sends one message and resolves with the next reply (not an event) and its size in bytes. */
function call(ws: WebSocket, message: unknown, options: { binary?: boolean } = {}): Promise<Reply & { bytes: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no reply within 10 s')), 10_000);
    const onMessage = (data: Buffer) => {
      const parsed = JSON.parse(data.toString());
      if ('result' in parsed) {
        clearTimeout(timer);
        ws.off('message', onMessage).off('close', onClose);
        resolve({ ...parsed, bytes: data.length });
      }
    };
    const onClose = (code: number) => {
      clearTimeout(timer);
      reject(new Error(`socket closed ${code}`));
    };
    ws.on('message', onMessage).once('close', onClose);
    ws.send(typeof message === 'string' || Buffer.isBuffer(message) ? message : JSON.stringify(message), { binary: options.binary ?? false });
  });
}

/** The server is still up: it serves the page and answers an authenticated request on a new socket. */
async function expectStillServing(): Promise<void> {
  expect((await get('/')).status).toBe(200);
  const ws = await connect();
  const reply = await call(ws, { id: 'alive', channel: 'project:file.current', payload: {} });
  expect(reply).toMatchObject({ id: 'alive', result: { ok: true } });
  ws.close();
}

describe('malformed request targets get 400, never a crash', () => {
  const targets = () => [
    'http://[x', // "TypeError: Invalid URL" took the server down
    'http://[x/index.html',
    `http://${host}/`, // absolute-form: only proxies are sent this
    'http://evil.example/index.html',
    '*', // asterisk-form
    'evil.example:80', // authority-form outside CONNECT
  ];

  it('on the HTTP request path', async () => {
    for (const target of targets()) {
      const res = await raw(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
      expect(res.status, target).toBe(400);
      expect(res.closed, target).toBe(true);
      await expectStillServing();
    }
    // Refused on its target before its method: OPTIONS * is not an invitation.
    expect((await raw(`OPTIONS * HTTP/1.1\r\nHost: ${host}\r\n\r\n`)).status).toBe(400);
    // A path that begins "//" stays a path: it is not a way to name another host.
    expect((await get('//evil.example/index.html')).status).toBe(404);
    await expectStillServing();
  });

  it('on the WebSocket upgrade path: a 400 written on the socket, then the socket closed', async () => {
    for (const target of [...targets(), `http://${host}/api?token=${server.token}`]) {
      const res = await raw(rawUpgrade(target));
      expect(res.status, target).toBe(400);
      expect(res.response).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(res.closed, target).toBe(true);
      await expectStillServing();
    }
  });

  it('survives clients that reset the connection while their upgrade is being refused', async () => {
    // Node takes its own error listener off an upgraded socket; an unhandled ECONNRESET here
    // used to end the process.
    for (let i = 0; i < 100; i++) {
      await new Promise<void>((resolve) => {
        const socket = netConnect(port, '127.0.0.1', () => {
          socket.write(rawUpgrade(`/api?token=wrong-${i}`));
          setImmediate(() => {
            socket.resetAndDestroy();
            resolve();
          });
        });
        socket.on('error', () => resolve());
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expectStillServing();
  });

  it('accepts no request body: 413 for a GET with one, 405 (and close) for other methods', async () => {
    const withBody = await get('/', { 'content-type': 'text/plain' }, 'GET', 'x'.repeat(1000));
    expect(withBody.status).toBe(413);
    expect(withBody.headers.connection).toBe('close');
    const post = await get('/api', { 'content-type': 'application/json' }, 'POST', JSON.stringify({ channel: 'project:file.current' }));
    expect(post.status).toBe(405);
    expect(post.headers.connection).toBe('close');
    await expectStillServing();
  });
});

describe('every WebSocket message runs inside an error boundary', () => {
  let ws: WebSocket;
  beforeAll(async () => {
    ws = await connect();
  });
  afterAll(() => ws.close());

  /** The long-lived socket the hostile messages went down is still open and still answered. */
  async function expectSocketStillAnswers(): Promise<void> {
    expect(ws.readyState).toBe(WebSocket.OPEN);
    expect((await call(ws, { id: 'same-socket', channel: 'project:file.current', payload: {} })).result.ok).toBe(true);
    await expectStillServing();
  }

  it('answers a channel nested 5,000 deep (JSON.stringify used to overflow the stack, uncaught)', async () => {
    const reply = await call(ws, `{"id":1,"channel":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(reply.id).toBe(1);
    expect(reply.result.error).toEqual({ code: 'unknown_channel', message: 'Unknown request channel.' });
    await expectSocketStillAnswers();
  });

  it('refuses payloads nested 5,000 deep, as an object or inside a field', async () => {
    const deepObject = await call(ws, `{"id":2,"channel":"documents:item.get","payload":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`);
    expect(deepObject.result.error).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('nested deeper than') });
    const deepField = await call(ws, `{"id":3,"channel":"annotations:span.merge","payload":{"ids":${'['.repeat(5000)}${']'.repeat(5000)}}}`);
    expect(deepField.result.error?.code).toBe('invalid_request');
    const deepId = await call(ws, `{"id":${'['.repeat(5000)}${']'.repeat(5000)},"channel":"project:file.current"}`);
    expect(deepId).toMatchObject({ id: null, result: { ok: true } });
    await expectSocketStillAnswers();
  });

  it('answers what is not a request object with invalid_request and keeps the socket open', async () => {
    for (const message of ['not json', '{"id":1,', 'null', '42', '"text"', '[1,2,3]', '']) {
      const reply = await call(ws, message);
      expect(reply, message).toMatchObject({ id: null, result: { ok: false, error: { code: 'invalid_request' } } });
    }
    const binary = await call(ws, Buffer.from(JSON.stringify({ id: 9, channel: 'project:file.current' })), { binary: true });
    expect(binary.result.error?.code).toBe('invalid_request');
    await expectSocketStillAnswers();
  });

  it('never echoes the input: a huge channel name, id or record key comes back bounded', async () => {
    const channel = await call(ws, { id: 4, channel: 'c'.repeat(1_000_000) });
    expect(channel.result.error?.code).toBe('unknown_channel');
    expect(channel.bytes).toBeLessThan(1024);
    const id = await call(ws, { id: 'i'.repeat(1_000_000), channel: 'project:file.current' });
    expect(id).toMatchObject({ id: null, result: { ok: true } });
    expect(id.bytes).toBeLessThan(1024);
    const key = 'k'.repeat(100_000);
    const recordKey = await call(ws, { id: 5, channel: 'export:job.start', payload: { format: 'txt', outDir: root, replacement: { [key]: 'nonsense' } } });
    expect(recordKey.result.error?.code).toBe('invalid_request');
    expect(recordKey.bytes).toBeLessThan(1024);
    expect(recordKey.result.error?.message).not.toContain('k'.repeat(100));
    await expectSocketStillAnswers();
  });

  it(`closes a socket sent a message over ${MAX_MESSAGE_BYTES} bytes (1009) and serves the next one`, async () => {
    const big = await connect();
    const outcome = new Promise<string>((resolve) => {
      big.once('close', (code) => resolve(`closed ${code}`)).once('message', () => resolve('answered'));
    });
    big.send(JSON.stringify({ id: 1, channel: 'project:file.current', payload: { pad: 'x'.repeat(MAX_MESSAGE_BYTES) } }));
    expect(await outcome).toBe('closed 1009');
    big.terminate();
    await expectSocketStillAnswers();
  });
});

describe('the socket boundary holds when the router itself misbehaves', () => {
  // The real router no longer throws; this one does, to prove the socket's own boundary.
  let misbehaving: RunningServer;
  let ws: WebSocket;
  beforeAll(async () => {
    const router: Router = {
      async handle(channel, payload, caller) {
        if (channel === 'test:throw') throw new Error('the router threw');
        if (channel === 'test:bigint') return { ok: true, value: 10n }; // JSON.stringify throws
        if (channel === 'test:cyclic') {
          const value: Record<string, unknown> = {};
          value.self = value;
          return { ok: true, value };
        }
        return core.router.handle(channel, payload, caller);
      },
    };
    misbehaving = await startServer({ core: { app: core.app, router }, rendererDir });
    ws = await connect({ on: misbehaving });
  });
  afterAll(async () => {
    ws.close();
    await misbehaving.close();
  });

  it('answers a throwing router, and a result that cannot be serialised, with an internal error', async () => {
    for (const channel of ['test:throw', 'test:bigint', 'test:cyclic']) {
      const reply = await call(ws, { id: channel, channel });
      expect(reply, channel).toMatchObject({ id: channel, result: { ok: false, error: { code: 'internal' } } });
      expect(ws.readyState).toBe(WebSocket.OPEN);
      expect((await call(ws, { id: 'next', channel: 'project:file.current' })).result.ok).toBe(true);
    }
    await expectStillServing();
  });
});

describe('oversized requests are refused fast, with a summary of what is wrong', () => {
  let ws: WebSocket;
  beforeAll(async () => {
    ws = await connect();
  });
  afterAll(() => ws.close());

  it('a 3 MB request with a million invalid ids: refused on the cap, in a reply under 1 KB', async () => {
    // Before the cap and the summary: 4.7-5.3 s to refuse, with a 62.9 MB reply listing every id.
    const message = JSON.stringify({ id: 1, channel: 'annotations:span.merge', payload: { ids: Array(1_000_000).fill(-1) } });
    expect(message.length).toBeGreaterThan(3_000_000);
    const reply = await call(ws, message);
    expect(reply.result.error).toEqual({
      code: 'invalid_request',
      message: `Invalid annotations:span.merge request: ids: Too big: expected array to have <=${MAX_IDS} items.`,
    });
    expect(reply.bytes).toBeLessThan(1024);
    await expectStillServing();
  });

  it('many invalid items under the cap: the first three issues and a count, never the whole list', async () => {
    const reply = await call(ws, { id: 2, channel: 'annotations:span.merge', payload: { ids: Array(MAX_IDS).fill('x') } });
    expect(reply.result.error?.code).toBe('invalid_request');
    expect(reply.result.error?.message).toMatch(
      /^Invalid annotations:span\.merge request: ids\[0\]: .+; ids\[1\]: .+; ids\[2\]: .+ \(and 99997 more issues\)\.$/,
    );
    expect(reply.bytes).toBeLessThan(1024);
    await expectStillServing();
  });

  it('an object with too many keys is refused before validation (zod took 3.5 s on 450,000)', async () => {
    const thresholds = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`L${i}`, 2]));
    const reply = await call(ws, { id: 3, channel: 'runs:job.start', payload: { task: 'ner', model: 'm', thresholds } });
    // Refused by the key count, before zod walks the object (its message would name a key).
    expect(reply.result.error).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('more than 10000 keys') });
    await expectStillServing();
  });

  it('caps strings and lists in the contract: at the cap is valid, one over is refused', () => {
    const merge = requests['annotations:span.merge'].request;
    expect(merge.safeParse({ ids: Array(MAX_IDS).fill(1) }).success).toBe(true);
    expect(merge.safeParse({ ids: Array(MAX_IDS + 1).fill(1) }).success).toBe(false);
    const open = requests['project:file.open'].request;
    expect(open.safeParse({ path: `/${'p'.repeat(4095)}` }).success).toBe(true);
    expect(open.safeParse({ path: `/${'p'.repeat(4096)}` }).success).toBe(false);
    const refusedOverCap: Array<[keyof typeof requests, unknown]> = [
      ['documents:import.start', { paths: Array(MAX_IDS + 1).fill('/a') }],
      ['export:job.start', { format: 'txt', outDir: '/o', documentIds: Array(MAX_IDS + 1).fill(1) }],
      ['export:job.start', { format: 'txt', outDir: '/o', wholePages: Array(MAX_IDS + 1).fill({ documentId: 1, pageNo: 1 }) }],
      ['export:job.start', { format: 'txt', outDir: '/o', overlay: 'o'.repeat(257) }],
      ['annotations:span.create', { documentId: 1, start: 0, end: 1, label: 'L'.repeat(257) }],
      ['annotations:occurrences.count', { text: 't'.repeat(10_001), scope: 'batch', documentId: 1 }],
      ['documents:list.query', { label: 'L'.repeat(257) }],
      ['jobs:job.cancel', { jobId: 'j'.repeat(257) }],
      ['runs:job.start', { task: 'zero-shot', model: 'm', labels: Array(10_001).fill('a') }],
      ['runs:job.start', { task: 'nli', model: 'm', hypothesis: 'h'.repeat(10_001) }],
      ['patterns:rule.save', { kind: 'regex', label: 'L', pattern: 'p'.repeat(10_001), flags: '', enabled: true }],
      ['patterns:regions.save', { regions: Array(13).fill('US') }],
      ['labels:label.save', { setName: 's', name: 'n'.repeat(257), colour: '#000000', hotkey: null }],
    ];
    for (const [channel, payload] of refusedOverCap) expect(requests[channel].request.safeParse(payload).success, channel).toBe(false);
  });
});

describe('Host, Origin and token: refused unless exactly the served origin', () => {
  const nearMissHosts = () => [
    '127.0.0.1.evil',
    `127.0.0.1.evil:${port}`,
    `127.0.0.1:${port === 65535 ? port - 1 : port + 1}`, // another loopback port
    '127.0.0.1', // no port
    `localhost:${port}`, // another name for this machine is another origin
    `LOCALHOST:${port}`,
    `[::1]:${port}`,
    `127.1:${port}`,
    `evil.example:${port}`,
  ];
  const nearMissOrigins = () => [
    `http://127.0.0.1.evil:${port}`,
    `http://127.0.0.1:${port === 65535 ? port - 1 : port + 1}`,
    `http://localhost:${port}`,
    `http://[::1]:${port}`,
    `https://127.0.0.1:${port}`,
    `ws://127.0.0.1:${port}`,
    `127.0.0.1:${port}`, // no scheme: accepted before, because only "http://" was stripped
    `http://127.0.0.1:${port}/`,
    `http://127.0.0.1`,
    'null', // sandboxed frames and file:// pages
    'http://evil.example',
  ];

  it('HTTP: the exact Host, with or without the exact Origin, is served; near misses get 403', async () => {
    expect((await get('/')).status).toBe(200);
    expect((await get('/', { origin: server.origin })).status).toBe(200);
    for (const value of nearMissHosts()) {
      expect((await get('/', { host: value })).status, `Host: ${value}`).toBe(403);
      await expectStillServing();
    }
    for (const value of nearMissOrigins()) {
      expect((await get('/', { origin: value })).status, `Origin: ${value}`).toBe(403);
      await expectStillServing();
    }
  });

  it('HTTP: a request without Host is refused (400) by the HTTP/1.1 parser; an empty one gets 403', async () => {
    expect((await raw('GET / HTTP/1.1\r\n\r\n')).status).toBe(400);
    await expectStillServing();
    expect((await raw('GET / HTTP/1.1\r\nHost: \r\n\r\n')).status).toBe(403);
    await expectStillServing();
  });

  it('upgrade: near-miss Hosts, and a missing Host, are refused', async () => {
    for (const value of nearMissHosts()) {
      await expect(connect({ host: value }), `Host: ${value}`).rejects.toThrow(/HTTP 403/);
      await expectStillServing();
    }
    // Node's HTTP/1.1 Host requirement does not cover upgrades: our own check refuses it.
    const missing = await raw(rawUpgrade(`/api?token=${server.token}`, { host: null }));
    expect(missing.status).toBe(403);
    await expectStillServing();
    const empty = await raw(rawUpgrade(`/api?token=${server.token}`, { host: '' }));
    expect(empty.status).toBe(403);
    await expectStillServing();
  });

  it('upgrade: near-miss Origins, and no Origin at all, are refused', async () => {
    // Browsers always send Origin on a WebSocket; one without is not the served page.
    await expect(connect({ origin: null })).rejects.toThrow(/HTTP 403/);
    await expectStillServing();
    for (const value of nearMissOrigins()) {
      await expect(connect({ origin: value }), `Origin: ${value}`).rejects.toThrow(/HTTP 403/);
      await expectStillServing();
    }
  });

  it('upgrade: a wrong, missing, truncated or misplaced token is refused', async () => {
    const t = server.token;
    const paths = [
      '/api',
      '/api?token=',
      '/api?token=wrong',
      `/api?token=${t.slice(0, -1)}`,
      `/api?token=${t}x`,
      `/api?token=${t.toUpperCase() === t ? t.toLowerCase() : t.toUpperCase()}`,
      `/api?Token=${t}`,
      `/api?token=wrong&token=${t}`,
      `/api/?token=${t}`,
      `/API?token=${t}`,
      `/other?token=${t}`,
    ];
    for (const path of paths) {
      await expect(connect({ path }), path).rejects.toThrow(/HTTP 403/);
      await expectStillServing();
    }
    // In the fragment (where the page keeps it) the token never reaches the server.
    expect((await raw(rawUpgrade(`/api#token=${t}`))).status).toBe(403);
    await expectStillServing();
  });

  it('HTTP: the token unlocks nothing; there is no API over plain HTTP', async () => {
    // The page and its assets hold no data, so they are served without the token (it travels
    // in the URL fragment, which the browser never sends). The API is only on the socket.
    expect((await get(`/api?token=${server.token}`)).status).toBe(404);
    expect((await get('/api?token=wrong')).status).toBe(404);
    expect((await get('/api')).status).toBe(404);
    expect((await get('/?token=wrong')).status).toBe(200);
    await expectStillServing();
  });
});
