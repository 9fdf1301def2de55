// The Electron shell: windows, menu, the app:// protocol and IPC wiring. Everything else is in
// core/, which runs without Electron.
import { app, BrowserWindow, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { requests } from './core/api/contract.ts';
import { createCore } from './core/api/create-core.ts';
import { readRecent } from './core/api/handlers/project.ts';
import { openDialog } from './dialogs.ts';
import { registerIpc } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { APP_SCHEME, serveRendererFile } from './protocol.ts';
import { utilityLauncher } from './utility-launcher.ts';
import { createMainWindow } from './window.ts';

// Bundled layout: dist/main/{main,inference-host}.mjs, dist/main/preload.cjs, dist/renderer/.
const mainDir = import.meta.dirname;
const rendererRoot = join(mainDir, '..', 'renderer');
const preloadPath = join(mainDir, 'preload.cjs');
const hostEntry = join(mainDir, 'inference-host.mjs');
const jobHostEntry = join(mainDir, 'job-host.mjs');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// A second copy hands over to the first (which focuses its window) and does nothing else:
// app.quit() only schedules the quit, so start() must not run at all.
if (!app.requestSingleInstanceLock()) app.quit();
else void start();

async function start(): Promise<void> {
  await app.whenReady();
  const userData = app.getPath('userData');
  const { app: core, router } = createCore(userData, {
    launcher: utilityLauncher,
    hostEntry,
    jobHostEntry,
    hubProxy: (url) => session.defaultSession.resolveProxy(url),
  });
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(rendererRoot, request.url));

  const windows = (): WebContents[] => BrowserWindow.getAllWindows().map((w) => w.webContents);
  registerIpc(ipcMain, router, windows, (channel, payload, sender) => {
    if (channel !== 'shell:dialog.open') return null;
    const parsed = requests['shell:dialog.open'].request.safeParse(payload);
    const window = BrowserWindow.fromWebContents(sender);
    if (!parsed.success || !window) {
      return Promise.resolve({ ok: false as const, error: { code: 'invalid_request', message: 'Invalid dialog request.' } });
    }
    return openDialog(window, parsed.data.purpose).then((paths) => ({ ok: true as const, value: { paths } }));
  });

  const refreshMenu = () =>
    Menu.setApplicationMenu(
      buildMenu(
        () => BrowserWindow.getFocusedWindow() ?? undefined,
        () => readRecent(core),
        process.platform === 'darwin',
      ),
    );
  refreshMenu();
  createMainWindow(userData, preloadPath).on('focus', refreshMenu);

  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(userData, preloadPath);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Quit waits for the core to close (jobs cancelled, the inference host stopped, the project
  // checkpointed and closed): the first will-quit is held, and quit is asked again when done.
  let closed = false;
  let closing = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    void core
      .close()
      .catch((error: unknown) => console.error('Closing the project failed:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}
