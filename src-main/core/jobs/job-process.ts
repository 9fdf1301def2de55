import { join } from 'node:path';
import { DocketError } from '../errors.ts';
import { forkLauncher, type HostLauncher } from '../inference/host-launcher.ts';
import type { JobHostMessage } from './job-host.ts';
import type { JobKind, JobKinds } from './job-kinds.ts';
import { CancelledError, type JobContext } from './jobs.ts';

export const DEFAULT_JOB_HOST_ENTRY = join(import.meta.dirname, 'job-host.ts');

/**
 * Runs one job in its own process and relays it: progress to the job's listener, cancel to the
 * process, its result or its error back. The caller's event loop only forwards messages.
 */
export function runInJobProcess<K extends JobKind>(
  kind: K,
  projectPath: string,
  request: JobKinds[K]['request'],
  job: JobContext,
  launcher: HostLauncher = forkLauncher,
  entry: string = DEFAULT_JOB_HOST_ENTRY,
): Promise<JobKinds[K]['result']> {
  return new Promise((resolve, reject) => {
    const child = launcher(entry);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      job.signal.removeEventListener('abort', cancel);
      fn();
    };
    const cancel = () => child.send({ type: 'cancel' });
    job.signal.addEventListener('abort', cancel, { once: true });
    child.onMessage((raw) => {
      const message = raw as JobHostMessage;
      if (message.type === 'progress') job.report(message.update);
      else if (message.type === 'done') settle(() => resolve(message.result as JobKinds[K]['result']));
      else if (message.type === 'failed')
        settle(() => reject(message.error.code === 'cancelled' ? new CancelledError() : new DocketError(message.error.code, message.error.message)));
    });
    child.onExit((code) =>
      settle(() =>
        reject(
          job.signal.aborted
            ? new CancelledError()
            : new DocketError(
                'job_process_crashed',
                `The ${kind} job's process stopped unexpectedly (exit code ${code}); nothing it had not finished was kept. Run it again.`,
              ),
        ),
      ),
    );
    child.send({ type: 'start', kind, projectPath, request });
  });
}
