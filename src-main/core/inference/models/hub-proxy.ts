// Which proxy a hub or CDN request goes through. Node's fetch ignores HTTPS_PROXY/HTTP_PROXY/
// NO_PROXY, so requests get an undici dispatcher chosen here per URL: the same rules as curl and
// undici's EnvHttpProxyAgent (lowercase variables first; NO_PROXY entries match a host and its
// subdomains, optionally a port; '*' bypasses all), or the proxy the caller resolved (the Electron
// shell passes its session's). Routing here rather than inside EnvHttpProxyAgent lets a failure
// name the proxy it went through (host and port only: never its credentials).
import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { DocketError } from '../../errors.ts';

/**
 * undefined: the environment. null: no proxy at all. A string: one proxy for every request, as a
 * URL (http://host:3128) or as a PAC answer ("PROXY host:3128; DIRECT", "DIRECT"). A function:
 * asked once per origin (e.g. Electron's session.resolveProxy), answering either of those.
 */
export type ProxySetting = string | null | undefined | ((url: string) => string | null | Promise<string | null>);

export interface ProxyRoute {
  /** The proxy's URL (may carry credentials: never print it, use `proxyName`). */
  proxy: URL | null;
  /** Where it came from, for messages: HTTPS_PROXY, HTTP_PROXY, the proxy option. */
  source: string;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

function envValue(env: NodeJS.ProcessEnv, name: string): [string, string] | null {
  for (const key of [name.toLowerCase(), name]) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') return [value.trim(), key];
  }
  return null;
}

function asProxyUrl(value: string, source: string): URL {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${url.protocol} proxies are not supported`);
    return url;
  } catch (error) {
    // The value may hold credentials: say where it is, not what it is.
    throw new DocketError('proxy', `The proxy in ${source} is not a usable URL (${(error as Error).message.replace(value, '…')}); use http://host:port.`);
  }
}

/** NO_PROXY as curl and undici read it. */
export function bypassesProxy(url: URL, noProxy: string): boolean {
  const entries = noProxy.split(/[,\s]/).filter(Boolean);
  if (entries.length === 0) return false;
  if (noProxy.trim() === '*') return true;
  const host = url.hostname.toLowerCase();
  const port = Number.parseInt(url.port, 10) || DEFAULT_PORTS[url.protocol] || 0;
  return entries.some((entry) => {
    const parsed = /^(.+):(\d+)$/.exec(entry);
    const name = (parsed ? parsed[1]! : entry).replace(/^\*?\./, '').toLowerCase();
    if (parsed && Number(parsed[2]) !== port) return false;
    return host === name || host.endsWith(`.${name}`);
  });
}

export function proxyFromEnv(url: URL, env: NodeJS.ProcessEnv = process.env): ProxyRoute {
  const http = envValue(env, 'HTTP_PROXY');
  const https = envValue(env, 'HTTPS_PROXY') ?? http;
  const chosen = url.protocol === 'https:' ? https : http;
  if (!chosen) return { proxy: null, source: 'none' };
  const noProxy = envValue(env, 'NO_PROXY')?.[0] ?? '';
  if (bypassesProxy(url, noProxy)) return { proxy: null, source: 'NO_PROXY' };
  return { proxy: asProxyUrl(chosen[0], chosen[1]), source: chosen[1] };
}

/** A URL, or the first usable entry of a PAC answer ("PROXY h:p; HTTPS h:p; DIRECT"). */
export function parseProxyRule(rule: string, source = 'the proxy option'): URL | null {
  const trimmed = rule.trim();
  if (trimmed === '' || /^direct$/i.test(trimmed)) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return asProxyUrl(trimmed, source);
  for (const entry of trimmed
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [kind, hostPort] = entry.split(/\s+/, 2);
    const upper = kind!.toUpperCase();
    if (upper === 'DIRECT') return null;
    if ((upper === 'PROXY' || upper === 'HTTP') && hostPort) return asProxyUrl(`http://${hostPort}`, source);
    if (upper === 'HTTPS' && hostPort) return asProxyUrl(`https://${hostPort}`, source);
    // SOCKS entries: not supported; try the next one.
  }
  throw new DocketError('proxy', `${source} names no HTTP proxy Docket can use (only PROXY/HTTPS entries or DIRECT are supported).`);
}

/** host:port of a proxy, for messages: never the credentials it may carry. */
export function proxyName(proxy: URL): string {
  return `${proxy.hostname}:${proxy.port || DEFAULT_PORTS[proxy.protocol] || ''}`;
}

/** Dispatchers for one pull: a direct agent and one agent per proxy used; close() ends them all. */
export class ProxyRouter {
  readonly #setting: ProxySetting;
  readonly #env: NodeJS.ProcessEnv;
  readonly #direct = new Agent();
  readonly #proxies = new Map<string, ProxyAgent>();
  readonly #routes = new Map<string, Promise<ProxyRoute>>();

  constructor(setting: ProxySetting, env: NodeJS.ProcessEnv = process.env) {
    this.#setting = setting;
    this.#env = env;
  }

  route(url: URL): Promise<ProxyRoute> {
    let route = this.#routes.get(url.origin);
    if (!route) {
      route = this.#resolve(url);
      this.#routes.set(url.origin, route);
    }
    return route;
  }

  async #resolve(url: URL): Promise<ProxyRoute> {
    const setting = this.#setting;
    if (setting === undefined) return proxyFromEnv(url, this.#env);
    if (setting === null) return { proxy: null, source: 'none' };
    const rule = typeof setting === 'function' ? await setting(url.href) : setting;
    return { proxy: rule === null ? null : parseProxyRule(rule), source: 'the proxy setting' };
  }

  dispatcher(route: ProxyRoute): Dispatcher {
    if (!route.proxy) return this.#direct;
    const key = route.proxy.href;
    let agent = this.#proxies.get(key);
    if (!agent) {
      // undici sends the URL's user:password as Proxy-Authorization (Basic).
      agent = new ProxyAgent({ uri: key });
      this.#proxies.set(key, agent);
    }
    return agent;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.#direct.close(), ...[...this.#proxies.values()].map((a) => a.close())]);
  }
}
