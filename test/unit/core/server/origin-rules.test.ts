// Host, Origin and token rules of the browser-mode server, one near miss at a time, on both
// paths (an HTTP GET and a WebSocket upgrade), written as raw HTTP/1.1 so every header is
// exactly what the test says. Each near miss is paired with the exact value, which must pass:
// a refusal caused by something else would prove nothing.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../../src-main/core/api/create-core.ts';
import { startServer, type RunningServer } from '../../../../src-main/core/server/server.ts';

const root = mkdtempSync(join(tmpdir(), 'docket-origin-rules-'));
const rendererDir = join(root, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Docket</title>');
const core = createCore(join(root, 'user'));
let server: RunningServer;
let port: number;
let host: string;
let origin: string;

beforeAll(async () => {
  server = await startServer({ core, rendererDir });
  port = Number(new URL(server.origin).port);
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
});
afterAll(async () => {
  await server.close();
  await core.app.close();
});

interface Headers {
  host?: string | null;
  origin?: string | null;
  extra?: string[];
}

/** Sends one raw request and resolves with the status code of the answer. */
function send(request: string): Promise<number | null> {
  return new Promise((resolve) => {
    let response = '';
    const socket = netConnect(port, '127.0.0.1', () => socket.write(request));
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]) || null);
    };
    const timer = setTimeout(done, 5000);
    socket.on('data', (chunk) => {
      response += chunk;
      if (/^HTTP\/1\.1 \d{3}/.test(response)) done();
    });
    socket.on('close', done).on('error', () => undefined);
  });
}

function request(lines: string[], headers: Headers): string {
  if (headers.host !== null) lines.push(`Host: ${headers.host ?? host}`);
  if (headers.origin !== null && headers.origin !== undefined) lines.push(`Origin: ${headers.origin}`);
  lines.push(...(headers.extra ?? []));
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** A plain GET of the page. Origin is absent unless given (a navigation sends none). */
const httpGet = (headers: Headers = {}, target = '/') => send(request([`GET ${target} HTTP/1.1`, 'Connection: close'], headers));

/** A WebSocket handshake to /api with the token in the query, Origin the served one unless given. */
function upgrade(headers: Headers = {}, target = `/api?token=${server.token}`): Promise<number | null> {
  const lines = [
    `GET ${target} HTTP/1.1`,
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
  ];
  return send(request(lines, { ...headers, origin: headers.origin === undefined ? origin : headers.origin }));
}

const otherPort = () => (port === 65535 ? port - 1 : port + 1);

describe('the served origin is 127.0.0.1 on its own port, nothing else', () => {
  it('prints a URL on 127.0.0.1 (not localhost) with the token in the fragment', () => {
    expect(server.url).toBe(`${origin}/#token=${server.token}`);
    expect(server.origin).toBe(origin);
  });

  it('the exact Host and Origin pass on both paths (the control for every near miss below)', async () => {
    expect(await httpGet()).toBe(200);
    expect(await httpGet({ origin })).toBe(200);
    expect(await upgrade()).toBe(101);
  });
});

describe('Host: near misses are refused on HTTP and on the WebSocket upgrade', () => {
  const hosts = () => [
    ['another loopback port', `127.0.0.1:${otherPort()}`],
    ['port 80 (no port)', '127.0.0.1'],
    ['port 0', '127.0.0.1:0'],
    ['leading zero in the port', `127.0.0.1:0${port}`],
    ['localhost (another name, another origin)', `localhost:${port}`],
    ['IPv6 loopback', `[::1]:${port}`],
    ['IPv4-mapped IPv6 loopback', `[::ffff:127.0.0.1]:${port}`],
    ['another loopback address', `127.0.0.2:${port}`],
    ['short form of 127.0.0.1', `127.1:${port}`],
    ['the served host as a prefix', `${host}.evil.example`],
    ['the served host as a suffix', `evil.example.${host}`],
    ['userinfo trick', `${host}@evil.example`],
    ['a rebinding name', `evil.example:${port}`],
    ['empty', ''],
  ];

  it('HTTP', async () => {
    for (const [why, value] of hosts()) expect(await httpGet({ host: value }), `${why}: Host: ${value}`).toBe(403);
    expect(await httpGet()).toBe(200);
  });

  it('WebSocket (the upgrade checks Host itself)', async () => {
    for (const [why, value] of hosts()) expect(await upgrade({ host: value }), `${why}: Host: ${value}`).toBe(403);
    expect(await upgrade({ host: null }), 'no Host header').toBe(403);
    expect(await upgrade()).toBe(101);
  });
});

describe('Origin: only the exact served origin, compared whole', () => {
  const origins = () => [
    ['the served origin as a prefix of another host', `http://127.0.0.1:${port}.evil.example`],
    ['the served host in the query of another origin', `http://evil.example/?127.0.0.1:${port}`],
    ['the served origin in the path of another origin', `http://evil.example/${origin}`],
    ['userinfo trick', `http://${host}@evil.example`],
    ['another loopback port', `http://127.0.0.1:${otherPort()}`],
    ['no port', 'http://127.0.0.1'],
    ['localhost', `http://localhost:${port}`],
    ['IPv6 loopback', `http://[::1]:${port}`],
    ['https', `https://${host}`],
    ['ws scheme', `ws://${host}`],
    ['no scheme', host],
    ['trailing slash', `${origin}/`],
    ['upper-case scheme', `HTTP://${host}`],
    ['opaque origin (sandboxed frame, file://)', 'null'],
    ['another site', 'http://evil.example'],
    ['empty', ''],
  ];

  it('HTTP: a present Origin must be exact; none at all (a navigation) is served', async () => {
    for (const [why, value] of origins()) expect(await httpGet({ origin: value }), `${why}: Origin: ${value}`).toBe(403);
    expect(await httpGet({ origin: null })).toBe(200);
    expect(await httpGet({ origin })).toBe(200);
  });

  it('WebSocket: a near-miss Origin, and a missing one, are refused', async () => {
    for (const [why, value] of origins()) expect(await upgrade({ origin: value }), `${why}: Origin: ${value}`).toBe(403);
    // Browsers always send Origin on a WebSocket: a handshake without one is not the served page.
    expect(await upgrade({ origin: null }), 'no Origin').toBe(403);
    expect(await upgrade()).toBe(101);
  });

  it('WebSocket: the right Origin does not excuse a wrong Host, nor the right Host a wrong Origin', async () => {
    expect(await upgrade({ host: `localhost:${port}`, origin })).toBe(403);
    expect(await upgrade({ host, origin: `http://localhost:${port}` })).toBe(403);
    expect(await upgrade({ host: `localhost:${port}`, origin: `http://localhost:${port}` })).toBe(403);
  });
});

describe('the token: only as the query parameter of the /api upgrade', () => {
  it('is refused anywhere else: header, cookie, subprotocol, fragment, other path, other name', async () => {
    const t = server.token;
    expect(await upgrade({ extra: [`Authorization: Bearer ${t}`] }, '/api')).toBe(403);
    expect(await upgrade({ extra: [`Cookie: token=${t}`] }, '/api')).toBe(403);
    expect(await upgrade({ extra: [`Sec-WebSocket-Protocol: ${t}`] }, '/api')).toBe(403);
    expect(await upgrade({}, `/api#token=${t}`)).toBe(403);
    expect(await upgrade({}, `/?token=${t}`)).toBe(403);
    expect(await upgrade({}, `/api/x?token=${t}`)).toBe(403);
    expect(await upgrade({}, `/api?access_token=${t}`)).toBe(403);
    expect(await upgrade({}, `/api?token=${t.slice(1)}`)).toBe(403);
    expect(await upgrade({}, `/api?token=${t.slice(0, -1)}`)).toBe(403);
    expect(await upgrade({}, `/api?token=${t.slice(0, 8)}`)).toBe(403);
    expect(await upgrade({}, `/api?token=${encodeURIComponent(t)}`)).toBe(101);
  });

  it('is needed even with the exact Host and Origin', async () => {
    expect(await upgrade({}, '/api')).toBe(403);
    expect(await upgrade({}, '/api?token=')).toBe(403);
  });

  it('does not make a near-miss Host or Origin acceptable', async () => {
    expect(await upgrade({ host: `127.0.0.1:${otherPort()}` })).toBe(403);
    expect(await upgrade({ origin: `http://127.0.0.1:${port}.evil.example` })).toBe(403);
    expect(await httpGet({ host: `localhost:${port}` }, `/?token=${server.token}`)).toBe(403);
  });
});
