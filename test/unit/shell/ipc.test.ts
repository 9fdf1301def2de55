import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { createCore } from '../../../src-main/core/api/create-core.ts';
import { INVOKE_CHANNEL, registerIpc } from '../../../src-main/ipc.ts';

type InvokeHandler = (event: IpcMainInvokeEvent, message: unknown) => Promise<unknown>;

function fakeContents(id: number, url: string) {
  const sent: Array<[string, unknown]> = [];
  const mainFrame = { url };
  const contents = { id, mainFrame, isDestroyed: () => false, send: (channel: string, message: unknown) => sent.push([channel, message]) };
  return { contents: contents as unknown as WebContents, mainFrame, sent };
}

const dir = mkdtempSync(join(tmpdir(), 'docket-ipc-'));
const { app, router } = createCore(dir);
let handler: InvokeHandler | undefined;
const ipcMain = { handle: (channel: string, fn: InvokeHandler) => channel === INVOKE_CHANNEL && (handler = fn) } as unknown as IpcMain;
const ours = fakeContents(1, 'app://docket/index.html');
const second = fakeContents(3, 'app://docket/index.html');
registerIpc(
  ipcMain,
  router,
  () => [ours.contents, second.contents],
  () => null,
);
const event = (who: ReturnType<typeof fakeContents>, frame: unknown = who.mainFrame) =>
  ({ sender: who.contents, senderFrame: frame }) as unknown as IpcMainInvokeEvent;

afterAll(() => app.close());

describe('IPC boundary', () => {
  it('answers a valid request from our window through the router', async () => {
    const result = await handler!(event(ours), { channel: 'project:file.create', payload: { path: join(dir, 'p.docket') } });
    expect(result).toEqual({ ok: true, value: { path: join(dir, 'p.docket') } });
  });

  it('refuses a window that is not ours, a sub-frame, and a foreign origin', async () => {
    const stranger = fakeContents(2, 'app://docket/index.html');
    const web = fakeContents(1, 'https://example.com/');
    for (const e of [event(stranger), event(ours, { url: 'app://docket/index.html' }), event(web)]) {
      const result = (await handler!(e, { channel: 'project:file.current', payload: {} })) as { ok: boolean; error: { code: string } };
      expect(result.ok).toBe(false);
      expect(result.error.code).toBe('forbidden');
    }
  });

  it.each([
    [null, 'invalid_request'],
    [{ channel: 'project:file.open', payload: { path: 'x'.repeat(5000) } }, 'invalid_request'],
    ['project:file.open', 'invalid_request'],
    [{ channel: 'fs:read', payload: {} }, 'unknown_channel'],
    [{ channel: 'project:file.open', payload: { path: 42 } }, 'invalid_request'],
    [{ channel: 'documents:item.get', payload: { id: -1 } }, 'invalid_request'],
  ])('rejects malformed message #%# with %s, never reaching core', async (message, code) => {
    const result = (await handler!(event(ours), message)) as { ok: boolean; error: { code: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe(code);
  });

  it("sends a job's progress and result only to the window that started it", async () => {
    await handler!(event(ours), { channel: 'project:file.open', payload: { path: join(dir, 'p.docket') } });
    ours.sent.length = 0;
    second.sent.length = 0;
    const started = (await handler!(event(ours), {
      channel: 'export:job.start',
      payload: { format: 'audit', outDir: join(dir, 'out') },
    })) as { ok: true; value: { jobId: string } };
    expect(started.ok).toBe(true);
    await expect.poll(() => ours.sent.some(([, m]) => (m as { event: string }).event === 'jobs:finished'), { timeout: 20_000 }).toBe(true);
    const finished = ours.sent.map(([, m]) => m as { event: string; payload: { jobId: string; status: string } }).find((m) => m.event === 'jobs:finished');
    expect(finished?.payload).toMatchObject({ jobId: started.value.jobId, status: 'completed' });
    expect(second.sent).toEqual([]);
  });
});
