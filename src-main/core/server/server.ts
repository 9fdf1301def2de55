// Browser mode: the same renderer build and the same contract, over HTTP + WebSocket on the
// loopback interface. A random per-session token guards the socket; Host and Origin are
// checked on every request so that a web page elsewhere (DNS rebinding) cannot drive it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { App } from '../app.ts';
import type { Router } from '../api/router.ts';
import { contentSecurityPolicy } from '../security/csp.ts';
import { contentType, resolveRendererPath } from './renderer-files.ts';
import { attachSocket } from './socket-session.ts';

export interface ServerOptions {
  core: { app: App; router: Router };
  rendererDir: string;
  port?: number;
}

export interface RunningServer {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/** Largest message a socket accepts: big enough for any request, small enough not to be a weapon. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = randomBytes(32).toString('base64url');
  let origin = '';
  const allowedHosts = new Set<string>();
  const hostOk = (req: IncomingMessage) => allowedHosts.has(req.headers.host ?? '');
  const originOk = (req: IncomingMessage) => req.headers.origin === undefined || allowedHosts.has(req.headers.origin.replace(/^http:\/\//, ''));

  const http = createServer((req, res) => void serveFile(req, res));
  async function serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostOk(req) || !originOk(req)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden: Docket answers only on its own loopback address.');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const resolved = resolveRendererPath(options.rendererDir, new URL(req.url ?? '/', origin).pathname);
    if ('status' in resolved) {
      res.writeHead(resolved.status).end();
      return;
    }
    try {
      const body = await readFile(resolved.path);
      res.writeHead(200, {
        'content-type': contentType(resolved.path),
        'content-security-policy': contentSecurityPolicy({ websocketOrigin: origin.replace(/^http/, 'ws') }),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end();
    }
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const given = Buffer.from(url.searchParams.get('token') ?? '');
    const expected = Buffer.from(token);
    const tokenOk = given.length === expected.length && timingSafeEqual(given, expected);
    if (url.pathname !== '/api' || !hostOk(req) || req.headers.origin === undefined || !originOk(req) || !tokenOk) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => attachSocket(ws, options.core.router, sockets));
  });
  const sockets = new Set<WebSocket>();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts.add(`127.0.0.1:${port}`).add(`localhost:${port}`);
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    close: async () => {
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
