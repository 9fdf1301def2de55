// What a hub answer or a failed connection means to the analyst, as a DocketError with a stable
// code. The hub tells its errors apart with X-Error-Code (RepoNotFound, GatedRepo, EntryNotFound,
// RevisionNotFound) and X-Error-Message; a missing, private and gated repo all answer 401 to an
// anonymous request, so the message names all three.
import { DocketError } from '../../errors.ts';
import { proxyName, type ProxyRoute } from './hub-proxy.ts';

export interface HubContext {
  host: string;
  id: string;
  revision?: string | null;
  file?: string;
  /** Whether a token was sent (its value never reaches this module). */
  withToken: boolean;
}

export interface HubAnswer {
  status: number;
  headers: { get(name: string): string | null };
}

export const errorCodeOf = (answer: HubAnswer): string | null => answer.headers.get('x-error-code');

function serverSays(answer: HubAnswer): string {
  const text = (answer.headers.get('x-error-message') ?? '')
    .replace(/[^\x20-\x7e]/g, ' ')
    .trim()
    .slice(0, 200);
  return text ? ` The hub says: "${text}".` : '';
}

/** An answer that is not the file or listing asked for. `scrub` removes secrets from server text. */
export function hubError(answer: HubAnswer, ctx: HubContext, scrub: (text: string) => string = (t) => t): DocketError {
  const code = errorCodeOf(answer);
  const { status } = answer;
  const where = `${ctx.id}${ctx.file ? ` (${ctx.file})` : ''} on ${ctx.host}`;
  const says = scrub(serverSays(answer));
  if (code === 'GatedRepo') {
    return new DocketError(
      'model_not_found_or_gated',
      ctx.withToken
        ? `${ctx.id} is gated and the token was refused for it (HTTP ${status}): accept the model's terms at ${ctx.host}/${ctx.id} with the account the token belongs to, and check the token may read gated repos.${says}`
        : `${ctx.id} is gated: accept its terms at ${ctx.host}/${ctx.id} while signed in, then set HF_TOKEN (or save a hub token in Docket) and pull again.${says}`,
    );
  }
  if (code === 'RevisionNotFound') {
    return new DocketError(
      'revision_not_found',
      `${ctx.id} has no revision "${ctx.revision ?? 'main'}" on ${ctx.host}: check the branch, tag or commit.${says}`,
    );
  }
  if (status === 401 || status === 403 || (status === 404 && code === 'RepoNotFound')) {
    return new DocketError(
      'model_not_found_or_gated',
      ctx.withToken
        ? `${ctx.id} on ${ctx.host}: the token was refused, or it cannot see this model (HTTP ${status}). Check the id, and that the token is valid and may read it (for a gated model, accept its terms with the token's account).${says}`
        : `${ctx.id} on ${ctx.host}: not found, private or gated: check the id; for a gated model accept its terms on the hub and set HF_TOKEN.${says}`,
    );
  }
  if (status === 404) return new DocketError('model_incomplete', `${where} does not exist (HTTP 404).${says}`);
  if (status === 429)
    return new DocketError('network', `${ctx.host} is limiting requests (HTTP 429): wait a few minutes, then pull again; finished files are kept.${says}`);
  if (status >= 500)
    return new DocketError(
      'network',
      `${ctx.host} answered HTTP ${status} for ${where}: the hub has a problem; try again later; finished files are kept.${says}`,
    );
  return new DocketError('network', `${ctx.host} answered HTTP ${status} for ${where}.${says}`);
}

const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_ABORTED',
]);

interface ErrorLike {
  message?: string;
  code?: string;
  port?: number;
  hostname?: string;
  cause?: unknown;
  errors?: unknown[];
}

function causes(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  const walk = (e: unknown, depth: number) => {
    if (!e || typeof e !== 'object' || depth > 5) return;
    const like = e as ErrorLike;
    out.push(like);
    walk(like.cause, depth + 1);
    for (const inner of like.errors ?? []) walk(inner, depth + 1);
  };
  walk(error, 0);
  return out;
}

/** A request that got no answer: the proxy (named by host and port), or the connection. */
export function connectionError(error: unknown, url: URL, route: ProxyRoute, scrub: (text: string) => string): DocketError {
  const all = causes(error);
  const deepest = all.findLast((e) => e.code || e.message) ?? { message: String(error) };
  const detail = scrub(`${deepest.code ? `${deepest.code}: ` : ''}${deepest.message ?? ''}`.slice(0, 300)).trim();
  if (route.proxy) {
    const proxy = route.proxy;
    const name = proxyName(proxy);
    const proxyPort = Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80));
    const saysProxy = all.some((e) => /proxy/i.test(e.message ?? ''));
    const atProxy = all.some((e) => (e.port === proxyPort && CONNECT_CODES.has(e.code ?? '')) || (e.code === 'ENOTFOUND' && e.hostname === proxy.hostname));
    if (saysProxy || atProxy) {
      return new DocketError(
        'proxy',
        `The proxy ${name} (from ${route.source}) ${atProxy ? 'cannot be reached' : `did not let the request to ${url.host} through`} (${detail}). Check the proxy setting${route.source.endsWith('PROXY') ? ` in ${route.source} / NO_PROXY` : ''}, then pull again.`,
      );
    }
    return new DocketError(
      'network',
      `Cannot reach ${url.origin} through the proxy ${name} (${detail}). Check the connection, then pull again: finished files are kept.`,
    );
  }
  return new DocketError(
    'network',
    `Cannot reach ${url.origin} (${detail}). Check the connection (or set HTTPS_PROXY if a proxy is needed), then pull again: finished files are kept.`,
  );
}
