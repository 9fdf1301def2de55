import { z } from 'zod';
import { DocketError, errorMessage } from '../errors.ts';
import { isChannel, requests, type Channel, type EventName, type EventOf, type ResponseOf, type Result } from './contract.ts';

/** Who is calling: the window (or WebSocket session) that events for this call go back to. */
export interface Caller {
  id: string;
  emit<E extends EventName>(event: E, payload: EventOf<E>): void;
}

type ParsedRequest<C extends Channel> = z.output<(typeof requests)[C]['request']>;
export type Handler<C extends Channel> = (request: ParsedRequest<C>, caller: Caller) => Promise<ResponseOf<C>> | ResponseOf<C>;
export type Handlers = { [C in Channel]: Handler<C> };

export interface Router {
  handle(channel: unknown, payload: unknown, caller: Caller): Promise<Result<unknown>>;
}

/**
 * The single entry from any transport into the core. Unknown channels and malformed payloads
 * are answered with a typed error and never reach a handler; a handler's exception becomes a
 * typed error too, so no transport ever crashes or returns a silent undefined.
 */
export function createRouter(handlers: Handlers): Router {
  return {
    async handle(channel, payload, caller) {
      if (!isChannel(channel)) {
        return { ok: false, error: { code: 'unknown_channel', message: `Unknown request channel ${JSON.stringify(channel)}.` } };
      }
      const parsed = requests[channel].request.safeParse(payload ?? {});
      if (!parsed.success) {
        return { ok: false, error: { code: 'invalid_request', message: `Invalid ${channel} request: ${z.prettifyError(parsed.error)}` } };
      }
      try {
        const handler = handlers[channel] as Handler<Channel>;
        const value = await handler(parsed.data as never, caller);
        return { ok: true, value };
      } catch (error) {
        if (error instanceof DocketError) return { ok: false, error: { code: error.code, message: error.message } };
        return { ok: false, error: { code: 'internal', message: errorMessage(error) } };
      }
    },
  };
}
