import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Caller, Router } from './core/api/router.ts';
import type { Result } from './core/api/contract.ts';
import { APP_ORIGIN } from './protocol.ts';

/** The two IPC channels that exist: calls go in on one, events come out on the other. */
export const INVOKE_CHANNEL = 'docket:invoke';
export const EVENT_CHANNEL = 'docket:event';

export type ShellHandler = (channel: string, payload: unknown, sender: WebContents) => Promise<Result<unknown>> | null;

/**
 * Main checks every message, then fails loudly: the sender must be one of our windows, in its
 * main frame, showing our app:// origin; only then does the router validate the payload.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, ourWindows: () => readonly WebContents[]): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  if (!ourWindows().some((contents) => contents.id === event.sender.id)) return false;
  try {
    // Compare scheme and host: URL.origin is "null" for custom schemes outside Electron.
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

export function registerIpc(ipcMain: IpcMain, router: Router, ourWindows: () => readonly WebContents[], shell: ShellHandler): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, message: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, ourWindows)) {
      return { ok: false, error: { code: 'forbidden', message: 'Request refused: it did not come from a Docket window.' } };
    }
    if (typeof message !== 'object' || message === null) {
      return { ok: false, error: { code: 'invalid_request', message: 'A request must be an object { channel, payload }.' } };
    }
    const { channel, payload } = message as { channel?: unknown; payload?: unknown };
    const sender = event.sender;
    const shellResult = typeof channel === 'string' ? shell(channel, payload, sender) : null;
    if (shellResult) return shellResult;
    const caller: Caller = {
      id: `window-${sender.id}`,
      // Progress goes only to the window that asked, and never to a destroyed one.
      emit: (name, eventPayload) => {
        if (!sender.isDestroyed()) sender.send(EVENT_CHANNEL, { event: name, payload: eventPayload });
      },
    };
    return router.handle(channel, payload, caller);
  });
}
