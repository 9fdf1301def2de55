import { describe, expect, it, vi } from 'vitest';
import { recorded, electronFake } from './electron-fake.ts';

vi.mock('electron', () => electronFake());
await import('../../../src-main/preload.ts');

interface Bridge {
  invoke(channel: string, payload: unknown): Promise<{ ok: boolean; error?: { code: string } }>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  pathForFile(file: unknown): string;
}
const bridge = recorded.exposed.get('docket') as Bridge;

describe('preload bridge', () => {
  it('exposes one object with three functions and nothing else', () => {
    expect([...recorded.exposed.keys()]).toEqual(['docket']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'pathForFile', 'subscribe']);
  });

  it('forwards contract channels through the single invoke channel', async () => {
    await bridge.invoke('documents:list.query', { limit: 5 });
    expect(recorded.invoked.at(-1)).toEqual(['docket:invoke', { channel: 'documents:list.query', payload: { limit: 5 } }]);
  });

  it('refuses channels outside the contract without touching IPC', async () => {
    const before = recorded.invoked.length;
    const result = await bridge.invoke('fs:readFile', { path: '/etc/passwd' });
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('unknown_channel');
    expect(recorded.invoked.length).toBe(before);
  });

  it('delivers only the subscribed event and unsubscribes cleanly', () => {
    const got: unknown[] = [];
    const off = bridge.subscribe('jobs:progress', (p) => got.push(p));
    const [listener] = recorded.rendererListeners.get('docket:event')!;
    listener!({}, { event: 'jobs:finished', payload: 1 });
    listener!({}, { event: 'jobs:progress', payload: 2 });
    off();
    expect(got).toEqual([2]);
    expect(recorded.rendererListeners.get('docket:event')).toEqual([]);
    expect(() => bridge.subscribe('not:an.event', () => {})).toThrow(/Unknown event/);
  });
});
