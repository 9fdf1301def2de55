import { BrowserWindow, screen, shell, type Rectangle, type WebContents } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ORIGIN } from './protocol.ts';
import { secureWebPreferences } from './web-preferences.ts';

interface WindowState {
  bounds: Partial<Rectangle>;
  maximized: boolean;
}

function stateFile(userData: string): string {
  return join(userData, 'window-state.json');
}

/** Less than this of a saved window on any display, and it opens centred instead. */
const MIN_VISIBLE = { width: 200, height: 100 };

/**
 * Saved bounds as they can be used on the displays there are now: a window saved on a monitor
 * that is gone (or moved) would open off-screen, so its position is dropped and Electron centres
 * it; a size larger than the largest display shrinks to fit.
 */
export function fitToDisplays(bounds: Partial<Rectangle>, workAreas: readonly Rectangle[]): Partial<Rectangle> {
  if (workAreas.length === 0) return bounds;
  const widest = Math.max(...workAreas.map((a) => a.width));
  const tallest = Math.max(...workAreas.map((a) => a.height));
  const size = {
    ...(bounds.width !== undefined ? { width: Math.min(bounds.width, widest) } : {}),
    ...(bounds.height !== undefined ? { height: Math.min(bounds.height, tallest) } : {}),
  };
  const { x, y } = bounds;
  if (x === undefined || y === undefined) return size;
  const width = size.width ?? 800;
  const height = size.height ?? 600;
  const visible = workAreas.some((a) => {
    const w = Math.min(x + width, a.x + a.width) - Math.max(x, a.x);
    const h = Math.min(y + height, a.y + a.height) - Math.max(y, a.y);
    return w >= MIN_VISIBLE.width && h >= MIN_VISIBLE.height;
  });
  return visible ? { ...size, x, y } : size;
}

export function readWindowState(userData: string): WindowState {
  try {
    const state = JSON.parse(readFileSync(stateFile(userData), 'utf8')) as WindowState;
    return { bounds: state.bounds ?? {}, maximized: Boolean(state.maximized) };
  } catch {
    return { bounds: { width: 1400, height: 900 }, maximized: false };
  }
}

/** Only plain web links leave the app, and only to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Navigation and new windows are denied; an external link opens in the browser after a check. */
export function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

export function createMainWindow(userData: string, preloadPath: string): BrowserWindow {
  const state = readWindowState(userData);
  const window = new BrowserWindow({
    ...fitToDisplays(
      state.bounds,
      screen.getAllDisplays().map((d) => d.workArea),
    ),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Docket',
    backgroundColor: '#1e1f22',
    webPreferences: secureWebPreferences(preloadPath),
  });
  lockDown(window.webContents);
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const next: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(stateFile(userData), JSON.stringify(next));
    } catch {
      // Losing the window position is harmless; never block closing on it.
    }
  });
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
