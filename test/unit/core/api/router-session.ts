// A core driven the way a window drives it: requests through the router as one caller, every
// event that caller receives recorded, and jobs awaited by their finished event.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventName, JobFinished } from '../../../../src-main/core/api/contract.ts';
import { createCore } from '../../../../src-main/core/api/create-core.ts';
import type { Caller, Router } from '../../../../src-main/core/api/router.ts';

/** A fresh core in a temporary folder, with one caller driving it. */
export function routerSession(prefix: string, root = mkdtempSync(join(tmpdir(), prefix))) {
  const { app, router } = createCore(join(root, 'user'));
  return { root, app, router, ...routerCaller(router) };
}

/** One caller of an existing router (a test's, a benchmark's). */
export function routerCaller(router: Router) {
  const events: Array<{ event: EventName; payload: unknown }> = [];
  const caller: Caller = { id: 'test', emit: (event, payload) => events.push({ event, payload }) };

  /** The response's value; a typed failure becomes an Error "code: message". */
  const call = async <T = unknown>(channel: string, payload: unknown): Promise<T> => {
    const result = await router.handle(channel, payload, caller);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };

  const finished = (jobId: string) =>
    new Promise<JobFinished>((resolve) => {
      const check = () => {
        const hit = events.find((e) => e.event === 'jobs:finished' && (e.payload as JobFinished).jobId === jobId);
        if (hit) resolve(hit.payload as JobFinished);
        else setTimeout(check, 20);
      };
      check();
    });

  /** Starts a job on `channel` and resolves with its finished event. */
  const runJob = async (channel: string, payload: unknown) => finished((await call<{ jobId: string }>(channel, payload)).jobId);

  return { events, caller, call, finished, runJob };
}
