import { extname, join, normalize, sep } from 'node:path';

/** Content types of the files a renderer build contains. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside the renderer build, or why not. Only files inside `root` are
 * ever read: a path that normalises outside it (../, encoded separators, NUL) is refused. Used
 * by the app:// protocol (Electron) and the browser-mode server alike.
 */
export function resolveRendererPath(root: string, rawPathname: string): { path: string } | { status: 400 | 403 } {
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPathname);
  } catch {
    return { status: 400 };
  }
  if (pathname.includes('\0')) return { status: 400 };
  const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^[/\\]+/, '');
  const full = join(root, relative);
  if (!full.startsWith(root.endsWith(sep) ? root : root + sep)) return { status: 403 };
  return { path: full };
}
