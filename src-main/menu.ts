import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from './core/api/contract.ts';
import { EVENT_CHANNEL } from './ipc.ts';

function send(window: BrowserWindow | undefined, command: MenuCommand, path?: string): void {
  window?.webContents.send(EVENT_CHANNEL, { event: 'shell:menu.command', payload: { command, path } });
}

/** The usual desktop menu; actions go to the focused window as menu-command events. */
export function buildMenu(focused: () => BrowserWindow | undefined, recent: () => string[], isMac: boolean): Menu {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(focused(), command),
  });
  const recentItems: MenuItemConstructorOptions[] = recent().map((path) => ({
    label: path,
    click: () => send(focused(), 'open-project', path),
  }));
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('New Project…', 'new-project', 'CmdOrCtrl+N'),
        item('Open Project…', 'open-project', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recentItems.length ? recentItems : [{ label: 'No recent projects', enabled: false }] },
        { type: 'separator' },
        item('Import…', 'import', 'CmdOrCtrl+I'),
        item('Export…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Annotation undo lives in the core (audit log), so the menu asks the renderer.
        item('Undo', 'undo', 'CmdOrCtrl+Z'),
        item('Redo', 'redo', 'CmdOrCtrl+Shift+Z'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        item('Find Documents', 'find', 'CmdOrCtrl+F'),
      ],
    },
    {
      label: '&View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    {
      label: '&Help',
      // No accelerator: '?' must stay typeable in text fields; the renderer handles it.
      submenu: [item('Keyboard Shortcuts', 'shortcuts')],
    },
  ];
  return Menu.buildFromTemplate(template);
}
