import type { Channel, EventName, Result } from '../../../src-main/core/api/contract.ts';
import type { Transport } from '../api.ts';

/** The preload bridge (window.docket) as the renderer sees it. */
export interface DocketBridge {
  invoke(channel: Channel, payload: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
  pathForFile(file: File): string;
}

export function electronBridge(): DocketBridge | null {
  return (globalThis as { docket?: DocketBridge }).docket ?? null;
}

export function electronTransport(bridge: DocketBridge): Transport {
  return { invoke: (channel, payload) => bridge.invoke(channel, payload), subscribe: (event, listener) => bridge.subscribe(event, listener) };
}
