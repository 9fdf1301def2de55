import { readFile } from 'node:fs/promises';
import { contentType, resolveRendererPath } from './core/server/renderer-files.ts';
import { contentSecurityPolicy } from './core/security/csp.ts';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://docket`;

/** Serves the built renderer at app://docket/, never a file outside `root`. */
export async function serveRendererFile(root: string, url: string): Promise<Response> {
  const parsed = new URL(url);
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'docket') return new Response('Not found', { status: 404 });
  const resolved = resolveRendererPath(root, parsed.pathname);
  if ('status' in resolved) return new Response(resolved.status === 400 ? 'Bad request' : 'Forbidden', { status: resolved.status });
  try {
    const body = await readFile(resolved.path);
    return new Response(body, {
      headers: {
        'content-type': contentType(resolved.path),
        'content-security-policy': contentSecurityPolicy(),
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
