// The desktop app itself, driven by Playwright's Electron support. It needs Electron's binary,
// which these build machines cannot download; where it is missing the suite is skipped and says
// why. Everything the app does beyond the shell is covered in browser mode (Chromium) too.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMain, buildRenderer } from '../../scripts/build.ts';
import { electronBinary } from '../../scripts/start.ts';

const root = join(import.meta.dirname, '..', '..');
const binary = electronBinary();
const reason =
  'the Electron binary is not installed (node_modules/electron/dist is missing: it was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 and this machine cannot download it). Install it with `node node_modules/electron/install.js` to run this suite.';

if (!binary) console.warn(`Skipping the Electron e2e suite: ${reason}`);

describe.skipIf(!binary)('Electron app', () => {
  let app: ElectronApplication;

  beforeAll(async () => {
    await Promise.all([buildRenderer(), buildMain()]);
    const userData = mkdtempSync(join(tmpdir(), 'docket-electron-'));
    app = await electron.launch({ executablePath: binary!, args: [root, `--user-data-dir=${userData}`], env: { ...process.env, CI: '1' } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('loads the renderer from app:// with no Node in the page and only the typed bridge exposed', async () => {
    const page = await app.firstWindow();
    await page.getByTestId('project-picker').waitFor();
    expect(page.url()).toMatch(/^app:\/\/docket\//);
    const exposed = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as unknown as { docket: object }).docket).sort(),
    }));
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'pathForFile', 'subscribe'] });
  });

  it('creates a project through the real IPC boundary', async () => {
    const page = await app.firstWindow();
    const path = join(mkdtempSync(join(tmpdir(), 'docket-electron-project-')), 'e2e.docket');
    await page.getByTestId('project-path-input').fill(path);
    await page.getByTestId('create-project').click();
    await page.getByTestId('nav-documents').waitFor();
    const current = await page.evaluate(() =>
      (globalThis as unknown as { docket: { invoke(c: string, p: unknown): Promise<unknown> } }).docket.invoke('project:file.current', {}),
    );
    expect(current).toEqual({ ok: true, value: { path } });
  });

  it('refuses a forged channel from the page with a typed error', async () => {
    const page = await app.firstWindow();
    const result = await page.evaluate(() =>
      (globalThis as unknown as { docket: { invoke(c: string, p: unknown): Promise<unknown> } }).docket.invoke('fs:read', { path: '/etc/passwd' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });
});
