import type { z } from 'zod';
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

/** How much of a refused request an error reply describes: a summary, never the input itself. */
const SHOWN_ISSUES = 3;
const ISSUE_CHARS = 160;
const CHANNEL_CHARS = 64;
/**
 * Bounds on any payload's shape, checked before validation. No request nests deeper than a few
 * levels or has an object with more keys than there are labels (a per-label record); without
 * these, a record of 450,000 invalid entries kept validation busy for 3.5 s. Array lengths are
 * the contract's caps, which zod checks before it looks at the items.
 */
const MAX_DEPTH = 16;
const MAX_KEYS = 10_000;

/**
 * The single entry from any transport into the core. Unknown channels and malformed payloads
 * are answered with a typed error and never reach a handler; a handler's exception becomes a
 * typed error too, so no transport ever crashes or returns a silent undefined. Nothing here
 * throws, whatever the input (deeply nested, huge, of any type).
 */
export function createRouter(handlers: Handlers): Router {
  return {
    async handle(channel, payload, caller) {
      try {
        if (!isChannel(channel)) {
          const named = typeof channel === 'string' ? ` ${JSON.stringify(truncate(channel, CHANNEL_CHARS))}` : '';
          return { ok: false, error: { code: 'unknown_channel', message: `Unknown request channel${named}.` } };
        }
        const shape = shapeProblem(payload, 0);
        if (shape) return { ok: false, error: { code: 'invalid_request', message: `Invalid ${channel} request: ${shape}.` } };
        const parsed = requests[channel].request.safeParse(payload ?? {});
        if (!parsed.success) {
          return { ok: false, error: { code: 'invalid_request', message: `Invalid ${channel} request: ${summariseIssues(parsed.error.issues)}` } };
        }
        const handler = handlers[channel] as Handler<Channel>;
        const value = await handler(parsed.data as never, caller);
        return { ok: true, value };
      } catch (error) {
        if (error instanceof DocketError) return { ok: false, error: { code: error.code, message: error.message } };
        return { ok: false, error: { code: 'internal', message: truncate(errorMessage(error), 1000) } };
      }
    },
  };
}

/**
 * The first few validation issues ("ids: Too big: expected array to have <=100000 items") and
 * how many more there are. Messages come from the schema; path segments can be input (record
 * keys), so each part is truncated and the size of the summary is bounded whatever was sent.
 */
export function summariseIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, SHOWN_ISSUES).map((issue) => {
    const at = issue.path.length ? `${truncate(formatPath(issue.path), ISSUE_CHARS)}: ` : '';
    return `${at}${truncate(issue.message, ISSUE_CHARS)}`;
  });
  const more = issues.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? ` (and ${more} more issue${more === 1 ? '' : 's'})` : ''}.`;
}

/** Why a payload is too deep or too wide to validate, or null. Stops at the first problem. */
function shapeProblem(value: unknown, depth: number): string | null {
  if (typeof value !== 'object' || value === null) return null;
  if (depth >= MAX_DEPTH) return `nested deeper than ${MAX_DEPTH} levels`;
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = typeof item === 'object' ? shapeProblem(item, depth + 1) : null;
      if (problem) return problem;
    }
    return null;
  }
  let keys = 0;
  for (const key in value) if (Object.hasOwn(value, key) && ++keys > MAX_KEYS) return `an object has more than ${MAX_KEYS} keys`;
  for (const key in value) {
    const problem = Object.hasOwn(value, key) ? shapeProblem((value as Record<string, unknown>)[key], depth + 1) : null;
    if (problem) return problem;
  }
  return null;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .slice(0, 8)
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${truncate(String(key), 32)}`))
    .join('')
    .concat(path.length > 8 ? '…' : '');
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
