import { describe, expect, it, vi } from 'vitest';
import { recorded, electronFake } from './electron-fake.ts';

vi.mock('electron', () => electronFake());

// Loading main.ts runs the shell's start-up against the fake: window, protocol, IPC, menu.
await import('../../../src-main/main.ts');
await vi.waitFor(() => expect(recorded.windows.length).toBe(1));
const window = recorded.windows[0]!;

describe('main process', () => {
  it('creates the window with an isolated, sandboxed, Node-free renderer', () => {
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
  });

  it('loads the renderer from the app:// protocol, never file://', () => {
    expect(window.loadedUrl).toBe('app://docket/index.html');
    expect(recorded.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(recorded.protocolHandlers.has('app')).toBe(true);
  });

  it('denies new windows, opening only http(s) links externally', () => {
    const open = window.webContents.windowOpenHandler!;
    expect(open({ url: 'https://example.org/help' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(recorded.openedExternal).toEqual(['https://example.org/help']);
  });

  it('prevents navigation away from the app and denies every permission', () => {
    const navigate = (url: string) => {
      let prevented = false;
      window.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///home/user/secret.pdf')).toBe(true);
    expect(navigate('app://docket/index.html')).toBe(false);
    let granted: boolean | undefined;
    window.webContents.permissionRequestHandler!(null, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(window.webContents.permissionCheckHandler!()).toBe(false);
  });

  it('handles exactly one IPC channel, and refuses calls from other frames', async () => {
    expect([...recorded.ipcHandlers.keys()]).toEqual(['docket:invoke']);
    const handler = recorded.ipcHandlers.get('docket:invoke')!;
    const contents = window.webContents;
    const fromUs = await handler({ sender: contents, senderFrame: contents.mainFrame }, { channel: 'project:file.current', payload: {} });
    expect(fromUs).toEqual({ ok: true, value: { path: null } });
    const fromFrame = (await handler({ sender: contents, senderFrame: { url: 'app://docket/x' } }, { channel: 'project:file.current' })) as {
      ok: boolean;
    };
    expect(fromFrame.ok).toBe(false);
  });

  it('has the usual File/Edit/View/Help menus', () => {
    const labels = (recorded.menuTemplate as Array<{ label?: string }>).map((m) => m.label).filter(Boolean);
    expect(labels).toEqual(['&File', '&Edit', '&View', '&Help']);
  });
});

describe('main process lifecycle', () => {
  it('holds the quit until the core has closed, then quits', async () => {
    const { app } = (await import('electron')) as unknown as { app: { emit(name: string, ...args: unknown[]): void } };
    let prevented = 0;
    const event = { preventDefault: () => prevented++ };
    app.emit('will-quit', event);
    app.emit('will-quit', event); // a second request while closing: held too, no second close
    expect(prevented).toBe(2);
    await vi.waitFor(() => expect(recorded.quits).toBe(1));
    app.emit('will-quit', event); // the quit asked for once the core closed goes through
    expect(prevented).toBe(2);
  });
});
