import { randomUUID } from 'node:crypto';
import type { RawData, WebSocket } from 'ws';
import type { Result } from '../api/contract.ts';
import type { Caller, Router } from '../api/router.ts';

/** Longest string request id echoed back; a longer one is answered with id null. */
const MAX_ID_CHARS = 256;

/**
 * One browser tab: requests {id, channel, payload} answered {id, result}; events pushed as
 * {event, payload}, job progress only to the socket that started the job. A malformed message
 * is answered with a typed error and never reaches the router. Every message is handled inside
 * an error boundary: one that cannot be parsed or answered gets an error reply (or, if even
 * that cannot be sent, is dropped), the socket stays open and nothing escapes to the process.
 */
export function attachSocket(ws: WebSocket, router: Router, sockets: Set<WebSocket>): void {
  sockets.add(ws);
  const caller: Caller = {
    id: `socket-${randomUUID()}`,
    emit: (event, payload) => {
      if (event === 'project:documents.changed') {
        for (const other of sockets) send(other, { event, payload });
      } else send(ws, { event, payload });
    },
  };
  ws.on('message', (data, isBinary) => {
    answer(ws, router, caller, data, isBinary).catch(() => undefined);
  });
  ws.on('close', () => sockets.delete(ws));
  ws.on('error', () => sockets.delete(ws));
}

async function answer(ws: WebSocket, router: Router, caller: Caller, data: RawData, isBinary: boolean): Promise<void> {
  let id: number | string | null = null;
  try {
    let message: { id?: unknown; channel?: unknown; payload?: unknown };
    try {
      if (isBinary) throw new Error('binary');
      message = JSON.parse(data.toString()) as typeof message;
      if (typeof message !== 'object' || message === null || Array.isArray(message)) throw new Error('not an object');
    } catch {
      reply(ws, null, { ok: false, error: { code: 'invalid_request', message: 'A request must be a JSON object { id, channel, payload }.' } });
      return;
    }
    if (typeof message.id === 'number' || (typeof message.id === 'string' && message.id.length <= MAX_ID_CHARS)) id = message.id;
    const result = await router.handle(message.channel, message.payload, caller);
    if (!send(ws, { id, result })) {
      reply(ws, id, { ok: false, error: { code: 'internal', message: 'The response could not be sent.' } });
    }
  } catch {
    reply(ws, id, { ok: false, error: { code: 'internal', message: 'The request could not be answered.' } });
  }
}

function reply(ws: WebSocket, id: number | string | null, result: Result<unknown>): void {
  send(ws, { id, result });
}

/** Sends one message; false if it could not be serialised or sent. Never throws. */
function send(ws: WebSocket, message: unknown): boolean {
  if (ws.readyState !== ws.OPEN) return false;
  try {
    ws.send(JSON.stringify(message));
    return true;
  } catch {
    return false;
  }
}
