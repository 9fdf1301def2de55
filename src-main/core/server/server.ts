// Browser mode: the same renderer build and the same contract, over HTTP + WebSocket on the
// loopback interface. A random per-session token guards the socket; Host and Origin are
// checked on every request so that a web page elsewhere (DNS rebinding) cannot drive it.
//
// No request may stop the server: a malformed request target is answered 400, a socket that
// errors or is reset is destroyed, and every handler runs inside an error boundary.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
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

/**
 * Largest WebSocket message accepted; a bigger one closes that socket with 1009 before it is
 * buffered whole or parsed. The largest legitimate request is an id list at its contract cap
 * (100,000 ids: about 0.8 MB for realistic ids, 1.7 MB if every id had 16 digits), so 4 MiB
 * leaves twice the worst case while bounding what one message costs to parse and validate.
 */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/**
 * The path and query of an origin-form request target ("/path?query"), or null for anything
 * else: absolute-form ("http://host/path"), asterisk-form ("*"), authority-form, or a target
 * that does not parse ("http://[x"). Browsers send only origin-form to an origin server.
 */
export function parseRequestTarget(target: string | undefined, origin: string): URL | null {
  if (!target?.startsWith('/')) return null;
  try {
    // Concatenated, not resolved against the origin: "//evil.example/x" stays a path here.
    const url = new URL(origin + target);
    return url.origin === origin ? url : null;
  } catch {
    return null;
  }
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = randomBytes(32).toString('base64url');
  // Set once listening. Host and Origin must be exactly the served ones: no other loopback
  // name or port, no "localhost" alias, no scheme-less or https origin.
  let origin = '';
  let host = '';
  const hostOk = (req: IncomingMessage) => req.headers.host === host;
  const originOk = (req: IncomingMessage) => req.headers.origin === undefined || req.headers.origin === origin;

  const http = createServer((req, res) => {
    serveFile(req, res).catch(() => {
      // The error boundary: whatever went wrong, this request fails and the server stays up.
      if (!res.headersSent) res.writeHead(500, { connection: 'close' }).end();
      else res.destroy();
    });
  });
  async function serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostOk(req) || !originOk(req)) {
      res.writeHead(403, { 'content-type': 'text/plain', connection: 'close' }).end('Forbidden: Docket answers only on its own loopback address.');
      return;
    }
    const url = parseRequestTarget(req.url, origin);
    if (!url) {
      res.writeHead(400, { 'content-type': 'text/plain', connection: 'close' }).end('Bad Request: malformed request target.');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', connection: 'close' }).end();
      return;
    }
    // Nothing here reads a request body, so none is accepted (the limit is 0 bytes): answer
    // and close rather than drain whatever the client meant to send.
    if (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) !== 0) {
      res.writeHead(413, { connection: 'close' }).end();
      return;
    }
    const resolved = resolveRendererPath(options.rendererDir, url.pathname);
    if ('status' in resolved) {
      res.writeHead(resolved.status).end();
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(resolved.path);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': contentType(resolved.path),
      'content-security-policy': contentSecurityPolicy({ websocketOrigin: origin.replace(/^http/, 'ws') }),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false });
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node removes its own error listener from an upgraded socket: without this, a client that
    // resets the connection while it is being refused crashes the process (ECONNRESET).
    socket.on('error', () => socket.destroy());
    try {
      if (!hostOk(req) || req.headers.origin === undefined || !originOk(req)) return refuseUpgrade(socket, 403);
      const url = parseRequestTarget(req.url, origin);
      if (!url) return refuseUpgrade(socket, 400);
      const given = Buffer.from(url.searchParams.get('token') ?? '');
      const expected = Buffer.from(token);
      const tokenOk = given.length === expected.length && timingSafeEqual(given, expected);
      if (url.pathname !== '/api' || !tokenOk) return refuseUpgrade(socket, 403);
      wss.handleUpgrade(req, socket, head, (ws: WebSocket) => attachSocket(ws, options.core.router, sockets));
    } catch {
      refuseUpgrade(socket, 500);
    }
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
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

/** Answers a refused upgrade with a plain HTTP status and closes the socket once it is written. */
function refuseUpgrade(socket: Duplex, status: 400 | 403 | 500): void {
  if (socket.destroyed) return;
  const reason = STATUS_CODES[status] ?? '';
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`);
}
