// The preload bridge (window.docket), declared once. The preload checks its object against it
// (`satisfies`) and the renderer reads window.docket through it, so the two cannot drift.
// Types only: the renderer may import nothing else from src-main, and the preload runs in the
// Electron shell.
import type { Channel, EventName, Result } from './contract.ts';

export interface DocketBridge {
  invoke(channel: Channel, payload: unknown): Promise<Result<unknown>>;
  /** Returns its unsubscribe. */
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
  /** Dropped files carry no path in a sandboxed renderer; this asks Electron for it. */
  pathForFile(file: File): string;
}
