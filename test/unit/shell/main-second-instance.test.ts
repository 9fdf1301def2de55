import { describe, expect, it, vi } from 'vitest';
import { electronFake, recorded } from './electron-fake.ts';

vi.mock('electron', () => electronFake({ lock: false }));

describe('a second copy of the app', () => {
  it('quits without starting anything when another copy holds the single-instance lock', async () => {
    await import('../../../src-main/main.ts');
    await new Promise((r) => setTimeout(r, 50));
    expect(recorded.quits).toBe(1);
    expect(recorded.windows).toEqual([]);
    expect(recorded.ipcHandlers.size).toBe(0);
  });
});
