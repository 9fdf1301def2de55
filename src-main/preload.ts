// Runs in the sandboxed renderer's isolated world. It exposes one small, typed object and
// never ipcRenderer itself: calls go through one channel that main validates; every
// subscription returns its unsubscribe.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { DocketBridge } from './core/api/bridge.ts';
import { isChannel, events, type Channel, type EventName, type Result } from './core/api/contract.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc.ts';

const eventNames = new Set(Object.keys(events));

export const bridge = {
  invoke(channel: Channel, payload: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: `Unknown request channel ${String(channel)}.` } });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, { channel, payload }) as Promise<Result<unknown>>;
  },
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
    if (!eventNames.has(event)) throw new Error(`Unknown event ${String(event)}.`);
    const handler = (_e: IpcRendererEvent, message: { event: string; payload: unknown }) => {
      if (message?.event === event) listener(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
} satisfies DocketBridge;

contextBridge.exposeInMainWorld('docket', bridge);
