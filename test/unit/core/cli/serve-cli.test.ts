// `docket serve` as a user runs it: a separate process (bin/docket.js) on an ephemeral port,
// the printed URL read from its output, the token required on the socket, Ctrl+C (SIGINT) ending it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { rendererBuildDir } from '../../../../src-main/core/cli/commands/serve.ts';

const bin = join(import.meta.dirname, '../../../../bin/docket.js');
const notBuilt = existsSync(join(rendererBuildDir, 'index.html')) ? null : `the renderer is not built (${rendererBuildDir} is missing; npm run build makes it)`;
if (notBuilt) console.warn(`Skipping the docket serve process test: ${notBuilt}`);

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function get(url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      res.resume();
      resolve(res.statusCode!);
    })
      .on('error', reject)
      .end();
  });
}

function openSocket(origin: string, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`, { origin });
    ws.once('open', () => resolve(ws))
      .once('error', reject)
      .once('unexpected-response', (_req, res) => {
        res.resume();
        reject(new Error(`HTTP ${res.statusCode}`));
      });
  });
}

describe.skipIf(notBuilt !== null)('docket serve (a real process)', () => {
  it('prints its URL, serves the page, wants the token on the socket, and stops on SIGINT', async () => {
    const root = mkdtempSync(join(tmpdir(), 'docket-serve-cli-'));
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
      env: { ...process.env, DOCKET_USER_DATA: join(root, 'user') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c) => (stdout += c));
    child.stderr!.on('data', (c) => (stderr += c));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );

    const printed = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed within 30 s; stdout: ${stdout}; stderr: ${stderr}`)), 30_000);
      const look = () => {
        const match = /Docket is running at (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', look);
      void exited.then(() => reject(new Error(`exited before printing a URL; stderr: ${stderr}`)));
    });
    const url = new URL(printed);
    expect(url.port).not.toBe('0');
    const token = url.hash.replace('#token=', '');
    expect(token).toMatch(/^[\w-]{43}$/);

    expect(await get(new URL('/', url.origin))).toBe(200);
    const ws = await openSocket(url.origin, token);
    const reply = await new Promise<{ id: number; result: { ok: boolean } }>((resolve) => {
      ws.once('message', (data) => resolve(JSON.parse(data.toString())));
      ws.send(JSON.stringify({ id: 1, channel: 'project:file.current', payload: {} }));
    });
    expect(reply).toMatchObject({ id: 1, result: { ok: true } });
    ws.close();
    await expect(openSocket(url.origin, 'wrong-token')).rejects.toThrow(/HTTP 403/);
    await expect(openSocket(url.origin, '')).rejects.toThrow(/HTTP 403/);

    child.kill('SIGINT');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(stderr).toContain('Cancelling');
    // Nothing listens there any more.
    await expect(get(new URL('/', url.origin))).rejects.toThrow(/ECONNREFUSED/);
  }, 60_000);
});
