import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { Caller, Router } from '../api/router.ts';

/**
 * One browser tab: requests {id, channel, payload} answered {id, result}; events pushed as
 * {event, payload}, job progress only to the socket that started the job. A malformed message
 * is answered with a typed error and never reaches the router.
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
  ws.on('message', async (data, isBinary) => {
    let message: { id?: unknown; channel?: unknown; payload?: unknown };
    try {
      if (isBinary) throw new Error('binary');
      message = JSON.parse(data.toString()) as typeof message;
      if (typeof message !== 'object' || message === null) throw new Error('not an object');
    } catch {
      send(ws, { id: null, result: { ok: false, error: { code: 'invalid_request', message: 'A request must be a JSON object { id, channel, payload }.' } } });
      return;
    }
    const id = typeof message.id === 'number' || typeof message.id === 'string' ? message.id : null;
    const result = await router.handle(message.channel, message.payload, caller);
    send(ws, { id, result });
  });
  ws.on('close', () => sockets.delete(ws));
  ws.on('error', () => sockets.delete(ws));
}

function send(ws: WebSocket, message: unknown): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}
