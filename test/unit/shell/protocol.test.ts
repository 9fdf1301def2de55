import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveRendererFile } from '../../../src-main/protocol.ts';

const parent = mkdtempSync(join(tmpdir(), 'docket-protocol-'));
const root = join(parent, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Docket</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(parent, 'secret.txt'), 'outside the renderer root');

describe('app:// protocol', () => {
  it('serves the renderer with its content type and a strict CSP', async () => {
    const response = await serveRendererFile(root, 'app://docket/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Docket</title>');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const js = await serveRendererFile(root, 'app://docket/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each(['app://docket/../secret.txt', 'app://docket/%2e%2e/secret.txt', 'app://docket/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 'app://docket/..%5csecret.txt'])(
    'never serves a file outside the renderer root: %s',
    async (url) => {
      const response = await serveRendererFile(root, url);
      expect(response.status).not.toBe(200);
      expect(await response.text()).not.toContain('outside the renderer root');
    },
  );

  it('answers 404 for other hosts and missing files', async () => {
    expect((await serveRendererFile(root, 'app://evil/index.html')).status).toBe(404);
    expect((await serveRendererFile(root, 'app://docket/missing.js')).status).toBe(404);
  });
});
