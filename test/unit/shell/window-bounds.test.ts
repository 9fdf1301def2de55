import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { electronFake, recorded } from './electron-fake.ts';

vi.mock('electron', () => electronFake({ displays: [{ x: 0, y: 0, width: 1280, height: 760 }] }));

describe('saved window bounds against the displays there are', () => {
  it('keeps a window that is on a display, drops the position of one that is not, shrinks one too big', async () => {
    const { fitToDisplays } = await import('../../../src-main/window.ts');
    const screens = [
      { x: 0, y: 0, width: 1920, height: 1040 },
      { x: 1920, y: 0, width: 1280, height: 1000 },
    ];
    expect(fitToDisplays({ x: 2000, y: 40, width: 1000, height: 700 }, screens)).toEqual({ x: 2000, y: 40, width: 1000, height: 700 });
    // Saved on a third monitor that is gone: centred instead.
    expect(fitToDisplays({ x: 3400, y: 40, width: 1000, height: 700 }, screens)).toEqual({ width: 1000, height: 700 });
    // Only a sliver (50 px) still on screen: also centred.
    expect(fitToDisplays({ x: -950, y: 40, width: 1000, height: 700 }, screens)).toEqual({ width: 1000, height: 700 });
    expect(fitToDisplays({ x: 0, y: 0, width: 4000, height: 3000 }, screens)).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
    expect(fitToDisplays({ width: 1400, height: 900 }, [])).toEqual({ width: 1400, height: 900 });
  });

  it('the app opens a window saved off-screen centred on the display there is', async () => {
    writeFileSync(join(recorded.userData, 'window-state.json'), JSON.stringify({ bounds: { x: 2500, y: 100, width: 1400, height: 900 }, maximized: false }));
    await import('../../../src-main/main.ts');
    await vi.waitFor(() => expect(recorded.windows.length).toBe(1));
    expect(recorded.windows[0]!.options).toMatchObject({ width: 1280, height: 760 });
    expect(recorded.windows[0]!.options.x).toBeUndefined();
  });
});
