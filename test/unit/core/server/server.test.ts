import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createCore } from '../../../../src-main/core/api/create-core.ts';
import { startServer, type RunningServer } from '../../../../src-main/core/server/server.ts';

const root = mkdtempSync(join(tmpdir(), 'docket-server-'));
const rendererDir = join(root, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Docket</title>');
writeFileSync(join(root, 'secret.txt'), 'outside the build');
const core = createCore(join(root, 'user'));
let server: RunningServer;

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c)).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject).end();
  });
}

function connect(token: string, origin = server.origin): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.origin.replace('http', 'ws')}/api?token=${token}`, { origin });
    ws.once('open', () => resolve(ws))
      .once('error', reject)
      .once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function call(ws: WebSocket, message: unknown): Promise<{ id: unknown; result: { ok: boolean; value?: unknown; error?: { code: string } } }> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const parsed = JSON.parse(data.toString());
      if ('result' in parsed) {
        ws.off('message', onMessage);
        resolve(parsed);
      }
    };
    ws.on('message', onMessage);
    ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  });
}

beforeAll(async () => {
  server = await startServer({ core, rendererDir });
});
afterAll(async () => {
  await server.close();
  await core.app.close();
});

describe('browser-mode server', () => {
  it('serves the renderer on loopback with the CSP, and nothing outside the build', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{43}$/);
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain(`connect-src 'self' ${server.origin.replace('http', 'ws')}`);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const res = await get(path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain('outside the build');
    }
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    expect((await get('/', { host: 'evil.example:80' })).status).toBe(403);
    expect((await get('/', { origin: 'http://evil.example' })).status).toBe(403);
    await expect(connect(server.token, 'http://evil.example')).rejects.toThrow(/403/);
  });

  it('requires the token on the socket', async () => {
    await expect(connect('wrong-token')).rejects.toThrow(/403/);
    await expect(connect('')).rejects.toThrow(/403/);
  });

  it('routes requests through the real router and answers malformed ones with a typed error', async () => {
    const ws = await connect(server.token);
    const created = await call(ws, { id: 1, channel: 'project:file.create', payload: { path: join(root, 'p.docket') } });
    expect(created).toEqual({ id: 1, result: { ok: true, value: { path: join(root, 'p.docket') } } });
    expect((await call(ws, { id: 2, channel: 'project:file.current', payload: {} })).result.value).toEqual({ path: join(root, 'p.docket') });
    expect((await call(ws, 'not json')).result.error?.code).toBe('invalid_request');
    expect((await call(ws, { id: 3, channel: 'fs:read', payload: {} })).result.error?.code).toBe('unknown_channel');
    expect((await call(ws, { id: 4, channel: 'documents:item.get', payload: { id: 'x' } })).result.error?.code).toBe('invalid_request');
    ws.close();
  });
});
