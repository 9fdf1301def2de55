// Browser mode: the contract over one WebSocket to the loopback server. The token comes from
// the URL fragment (never sent in a Referer or to the server's logs); it reconnects with backoff.
import type { EventName, Result } from '../../../src-main/core/api/contract.ts';
import type { Transport } from '../api.ts';

interface Pending {
  resolve(result: Result<unknown>): void;
}

export function websocketTransport(location: Location): Transport {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const queue: string[] = [];
  let socket: WebSocket | null = null;
  let next = 0;
  let delay = 250;

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      delay = 250;
      for (const m of queue.splice(0)) ws.send(m);
    };
    ws.onmessage = (e) => {
      const message = JSON.parse(String(e.data)) as { id?: number; result?: Result<unknown>; event?: EventName; payload?: unknown };
      if (message.result && typeof message.id === 'number') {
        pending.get(message.id)?.resolve(message.result);
        pending.delete(message.id);
      } else if (message.event) {
        for (const fn of listeners.get(message.event) ?? []) fn(message.payload);
      }
    };
    ws.onclose = () => {
      socket = null;
      for (const p of pending.values())
        p.resolve({ ok: false, error: { code: 'disconnected', message: 'The connection to Docket was lost; reconnecting. Try again in a moment.' } });
      pending.clear();
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 5000);
    };
  };
  connect();

  return {
    invoke(channel, payload) {
      const id = ++next;
      const message = JSON.stringify({ id, channel, payload });
      return new Promise((resolve) => {
        pending.set(id, { resolve });
        if (socket?.readyState === WebSocket.OPEN) socket.send(message);
        else queue.push(message);
      });
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
