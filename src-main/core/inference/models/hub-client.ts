// Requests to the hub and to the CDN it redirects to. The first answer of the hub is read as it
// is (redirect: 'manual'): a 302 to the CDN carries the file's sha256, size and commit in its
// own headers, which a followed redirect would lose. The token goes to the hub's origin only —
// never to another host after a redirect, never into a message. Every request asks for the bytes
// as stored (Accept-Encoding: identity); a server that compresses anyway is handled in download.ts.
import { fetch, type Response } from 'undici';
import { DocketError } from '../../errors.ts';
import { throwIfCancelled } from '../../jobs/jobs.ts';
import { connectionError, hubError, type HubAnswer, type HubContext } from './hub-errors.ts';
import { ProxyRouter, type ProxySetting } from './hub-proxy.ts';

export const DEFAULT_HUB = 'https://huggingface.co';

/** The hub a pull uses when the caller names none: DOCKET_HUB_URL, else HF_ENDPOINT (as huggingface_hub), else huggingface.co. */
export function hubUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env['DOCKET_HUB_URL'] || env['HF_ENDPOINT'] || DEFAULT_HUB).replace(/\/+$/, '');
}

export interface HubClientOptions {
  host?: string;
  token?: string | null;
  proxy?: ProxySetting;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

export type { Response };
type Method = 'GET' | 'HEAD';

const MAX_HUB_REDIRECTS = 5;

export class HubClient {
  readonly host: string;
  readonly origin: string;
  readonly signal: AbortSignal;
  readonly #token: string | null;
  readonly #router: ProxyRouter;
  readonly #secrets: string[];

  constructor(options: HubClientOptions = {}) {
    this.host = (options.host ?? hubUrl(options.env)).replace(/\/+$/, '');
    let origin: string;
    try {
      origin = new URL(this.host).origin;
    } catch {
      throw new DocketError('invalid_hub_url', `"${this.host.slice(0, 200)}" is not a hub URL: use https://huggingface.co or a mirror's https:// address.`);
    }
    this.origin = origin;
    this.signal = options.signal ?? new AbortController().signal;
    this.#token = options.token ?? null;
    this.#router = new ProxyRouter(options.proxy, options.env);
    this.#secrets = this.#token ? [this.#token] : [];
  }

  get withToken(): boolean {
    return this.#token !== null;
  }

  /** Removes the token (and proxy credentials) from any text that may reach a message. */
  scrub = (text: string): string => this.#secrets.reduce((t, s) => (s ? t.split(s).join('[hidden]') : t), text);

  /** A URL on the hub: host + path, each path segment as given (callers encode). */
  url(path: string): string {
    return `${this.host}${path.startsWith('/') ? '' : '/'}${path}`;
  }

  /**
   * A request to the hub with the token. Same-origin redirects without file metadata (a renamed
   * repo) are followed, as huggingface_hub does; a redirect elsewhere (the CDN) is returned as is.
   */
  async hub(path: string, method: Method = 'GET'): Promise<Response> {
    let url = new URL(this.url(path));
    for (let hop = 0; ; hop++) {
      const response = await this.request(url, method, {});
      const location = response.headers.get('location');
      const sameOrigin = location !== null && new URL(location, url).origin === this.origin;
      const carriesFile = response.headers.has('x-linked-etag') || response.headers.has('x-linked-size');
      if (response.status >= 300 && response.status < 400 && sameOrigin && !carriesFile && hop < MAX_HUB_REDIRECTS) {
        await discard(response);
        url = new URL(location, url);
        continue;
      }
      return response;
    }
  }

  /** GET (or HEAD) of any URL: the CDN, or the hub itself when it serves a file directly. */
  async request(url: URL | string, method: Method, headers: Record<string, string>): Promise<Response> {
    throwIfCancelled(this.signal);
    const target = typeof url === 'string' ? new URL(url) : url;
    const route = await this.#router.route(target);
    if (route.proxy) this.#addSecrets(route.proxy);
    const sent: Record<string, string> = { 'accept-encoding': 'identity', 'user-agent': 'docket (transformers.js model pull)', ...headers };
    // Only the hub's own origin ever sees the token.
    if (this.#token && target.origin === this.origin) sent['authorization'] = `Bearer ${this.#token}`;
    try {
      return await fetch(target, { method, headers: sent, redirect: 'manual', signal: this.signal, dispatcher: this.#router.dispatcher(route) });
    } catch (error) {
      throwIfCancelled(this.signal);
      throw connectionError(error, target, route, this.scrub);
    }
  }

  /** The error for an answer that is not what was asked for. */
  error(answer: HubAnswer, ctx: Omit<HubContext, 'host' | 'withToken'>): DocketError {
    return hubError(answer, { ...ctx, host: this.host, withToken: this.withToken }, this.scrub);
  }

  async close(): Promise<void> {
    await this.#router.close();
  }

  #addSecrets(proxy: URL): void {
    for (const part of [proxy.username, proxy.password]) {
      if (!part) continue;
      for (const form of [part, safeDecode(part)]) if (form.length >= 3 && !this.#secrets.includes(form)) this.#secrets.push(form);
    }
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Lets go of an answer's body without reading it. */
export async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Already closed.
  }
}

/** A repo file's path in a resolve URL: each segment encoded, slashes kept. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** resolve/{revision}/{file}: the revision as one segment (refs/pr/1 → refs%2Fpr%2F1), as huggingface_hub quotes it. */
export function resolvePath(id: string, revision: string, file: string): string {
  return `/${id}/resolve/${encodeURIComponent(revision)}/${encodePath(file)}`;
}
