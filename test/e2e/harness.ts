// The browser end-to-end harness: the real core (SQLite, inference host, export) behind the
// real loopback server, the real renderer build, driven in Debian's Chromium by playwright-core.
// Only the Electron shell is absent; test/e2e/electron.test.ts covers it where the binary exists.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { build } from 'vite';
import { createCore } from '../../src-main/core/api/create-core.ts';
import { startServer, type RunningServer } from '../../src-main/core/server/server.ts';

const root = join(import.meta.dirname, '..', '..');
export const artifactsDir = join(root, 'test', 'artifacts');
export const chromiumPath = process.env.DOCKET_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Why the browser suite cannot run here, or null when it can. */
export function browserMissing(): string | null {
  return existsSync(chromiumPath) ? null : `Chromium is not installed at ${chromiumPath} (apt-get install -y chromium, as .ci/run does).`;
}

export interface Session {
  page: Page;
  server: RunningServer;
  core: ReturnType<typeof createCore>;
  work: string;
  /** Console errors and CSP violations seen so far: a strict CSP must produce none. */
  problems: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

let built: Promise<string> | null = null;
/** Builds the renderer once per run into a temporary folder (never over the developer's dist/). */
export function buildRenderer(): Promise<string> {
  built ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'docket-renderer-'));
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false } });
    return outDir;
  })();
  return built;
}

export async function openSession(): Promise<Session> {
  const work = mkdtempSync(join(tmpdir(), 'docket-e2e-'));
  const core = createCore(join(work, 'user-data'));
  const server = await startServer({ core, rendererDir: await buildRenderer() });
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, args: FLAGS });
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, acceptDownloads: false });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => void d.accept());
  await page.goto(server.url);
  mkdirSync(artifactsDir, { recursive: true });
  return {
    page,
    server,
    core,
    work,
    problems,
    screenshot: async (name) => void (await page.screenshot({ path: join(artifactsDir, `${name}.png`) })),
    async close() {
      await browser.close();
      await server.close();
      await core.app.close();
    },
  };
}
