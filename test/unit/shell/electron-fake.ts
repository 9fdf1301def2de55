// A stand-in for the `electron` module: the binary cannot be installed on this machine, so the
// shell's own code runs against these recording fakes and the tests assert what it asked for.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Listener = (...args: unknown[]) => void;

export const recorded = {
  windows: [] as FakeWindow[],
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
  ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  exposed: new Map<string, unknown>(),
  rendererListeners: new Map<string, Listener[]>(),
  invoked: [] as unknown[][],
  openedExternal: [] as string[],
  menuTemplate: [] as unknown[],
  quits: 0,
  /** What the fake session's resolveProxy answers (Electron answers "DIRECT" or "PROXY host:port"). */
  proxyFor: (_url: string): string => 'DIRECT',
  userData: mkdtempSync(join(tmpdir(), 'docket-electron-')),
};

class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, fn: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
    return this;
  }
  /** As Node's and Electron's emitters: called on the first emit only. */
  once(name: string, fn: Listener) {
    const wrapped: Listener = (...args) => {
      this.listeners.set(
        name,
        (this.listeners.get(name) ?? []).filter((f) => f !== wrapped),
      );
      fn(...args);
    };
    return this.on(name, wrapped);
  }
  emit(name: string, ...args: unknown[]) {
    for (const fn of [...(this.listeners.get(name) ?? [])]) fn(...args);
  }
}

class FakeWebContents extends FakeEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  permissionRequestHandler: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
  permissionCheckHandler: (() => boolean) | undefined;
  mainFrame = { url: 'app://docket/index.html' };
  session = {
    setPermissionRequestHandler: (fn: FakeWebContents['permissionRequestHandler']) => (this.permissionRequestHandler = fn),
    setPermissionCheckHandler: (fn: FakeWebContents['permissionCheckHandler']) => (this.permissionCheckHandler = fn),
  };
  setWindowOpenHandler(fn: FakeWebContents['windowOpenHandler']) {
    this.windowOpenHandler = fn;
  }
  isDestroyed() {
    return false;
  }
  send() {}
}

export class FakeWindow extends FakeEmitter {
  readonly webContents = new FakeWebContents();
  loadedUrl = '';
  readonly options: Record<string, unknown>;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    recorded.windows.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  maximize() {}
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1400, height: 900 };
  }
  show() {}
  focus() {}
  static getAllWindows() {
    return recorded.windows;
  }
  static getFocusedWindow() {
    return recorded.windows[0] ?? null;
  }
  /** The window whose contents these are, as Electron answers: null for contents of no window. */
  static fromWebContents(contents: unknown) {
    return recorded.windows.find((w) => w.webContents === contents) ?? null;
  }
}

export interface FakeOptions {
  /** What requestSingleInstanceLock answers (false: another copy holds the lock). */
  lock?: boolean;
  /** Work areas of the displays there are. */
  displays?: Rectangle[];
}

// Typed as Electron's own signatures, so a fake that drifts from the real API fails to compile.
type Rectangle = Electron.Rectangle;
const lockFor =
  (options: FakeOptions): Electron.App['requestSingleInstanceLock'] =>
  () =>
    options.lock ?? true;
const quitter: Electron.App['quit'] = () => {
  recorded.quits++;
};
const screenFor = (options: FakeOptions): Pick<Electron.Screen, 'getAllDisplays'> => ({
  getAllDisplays: () =>
    (options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1040 }]).map(
      (workArea, id) => ({ id, workArea, bounds: workArea }) as unknown as Electron.Display,
    ),
});

export function electronFake(options: FakeOptions = {}) {
  const app = Object.assign(new FakeEmitter(), {
    whenReady: () => Promise.resolve(),
    getPath: () => recorded.userData,
    requestSingleInstanceLock: lockFor(options),
    quit: quitter,
  });
  return {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => recorded.ipcHandlers.set(channel, fn) },
    Menu: {
      buildFromTemplate: (template: unknown[]) => {
        recorded.menuTemplate = template;
        return { template };
      },
      setApplicationMenu: () => {},
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privilegedSchemes.push(...schemes),
      handle: (scheme: string, fn: (request: { url: string }) => Promise<Response>) => recorded.protocolHandlers.set(scheme, fn),
    },
    shell: { openExternal: (url: string) => recorded.openedExternal.push(url) },
    screen: screenFor(options),
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
    utilityProcess: { fork: () => new FakeEmitter() },
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => recorded.exposed.set(name, api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        recorded.invoked.push(args);
        return Promise.resolve({ ok: true, value: null });
      },
      on: (channel: string, fn: Listener) => recorded.rendererListeners.set(channel, [...(recorded.rendererListeners.get(channel) ?? []), fn]),
      removeListener: (channel: string, fn: Listener) =>
        recorded.rendererListeners.set(
          channel,
          (recorded.rendererListeners.get(channel) ?? []).filter((f) => f !== fn),
        ),
    },
    webUtils: { getPathForFile: () => '/dropped/file.pdf' },
    // Model pulls ask the session which proxy a URL goes through (system settings, PAC).
    session: { defaultSession: { resolveProxy: (url: string) => Promise.resolve(recorded.proxyFor(url)) } },
  };
}
