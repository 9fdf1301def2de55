// The renderer's one typed client to the core. It knows nothing of Electron or WebSockets:
// a Transport (the preload bridge in the app, a WebSocket in browser mode) carries the calls.
import type { Channel, EventName, EventOf, RequestOf, ResponseOf, Result } from '../../src-main/core/api/contract.ts';

export interface Transport {
  invoke(channel: Channel, payload: unknown): Promise<Result<unknown>>;
  /** Returns the unsubscribe function. */
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** A typed failure from the core: `code` is stable, `message` says what to do. */
export class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

export interface Api {
  request<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void;
}

export function createApi(transport: Transport): Api {
  return {
    async request(channel, payload) {
      const result = await transport.invoke(channel, payload);
      if (!result.ok) throw new ApiError(result.error.code, result.error.message);
      return result.value as never;
    },
    on(event, listener) {
      return transport.subscribe(event, listener as (payload: unknown) => void);
    },
  };
}
