import type { DocketBridge } from '../../../src-main/core/api/bridge.ts';
import type { Transport } from '../api.ts';

export type { DocketBridge };

export function electronBridge(): DocketBridge | null {
  return (globalThis as { docket?: DocketBridge }).docket ?? null;
}

export function electronTransport(bridge: DocketBridge): Transport {
  return { invoke: (channel, payload) => bridge.invoke(channel, payload), subscribe: (event, listener) => bridge.subscribe(event, listener) };
}
