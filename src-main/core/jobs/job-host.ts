// The job process: runs one job (import, pattern run, export) on the project file and exits.
// Its own SQLite connection writes as a second writer (every write transaction begins as a
// writer and waits for the lock), progress and the result go back to the process that answers
// the UI, which stays free. Started per job: a crash or a leak ends with the job.
import { z } from 'zod';
import { DocketError, errorMessage } from '../errors.ts';
import { parentPort, type ParentPort } from '../parent-port.ts';
import { openDatabase } from '../store/database.ts';
import { jobKinds, type JobKind } from './job-kinds.ts';
import { CancelledError, type JobContext } from './jobs.ts';

const Start = z.object({
  type: z.literal('start'),
  kind: z.enum(Object.keys(jobKinds) as [JobKind, ...JobKind[]]),
  projectPath: z.string().min(1),
  request: z.unknown(),
});
const Cancel = z.object({ type: z.literal('cancel') });

export type JobHostMessage =
  | { type: 'progress'; update: Parameters<JobContext['report']>[0] }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: { code: string; message: string } };

async function run(port: ParentPort<JobHostMessage>, start: z.infer<typeof Start>, controller: AbortController): Promise<void> {
  // The app that sent the job has this project open, checked: no second quick_check per job.
  const db = openDatabase(start.projectPath, { checked: true });
  try {
    // Progress crosses to the UI's process at most every 50 ms (and always at the end): a run over
    // 200,000 rows is not 200,000 messages.
    let last = 0;
    const report = (update: Parameters<JobContext['report']>[0]) => {
      const now = Date.now();
      if (now - last < 50 && !(update.total !== null && update.done >= update.total)) return;
      last = now;
      port.send({ type: 'progress', update });
    };
    const job: JobContext = { jobId: 'job-process', signal: controller.signal, report };
    const work = jobKinds[start.kind] as (db: unknown, request: unknown, job: JobContext) => Promise<unknown>;
    port.send({ type: 'done', result: await work(db, start.request, job) });
  } catch (error) {
    const code = controller.signal.aborted || error instanceof CancelledError ? 'cancelled' : error instanceof DocketError ? error.code : 'internal';
    port.send({ type: 'failed', error: { code, message: errorMessage(error) } });
  } finally {
    db.close();
  }
}

// This file is only ever a process entry (job-process.ts imports its types alone).
{
  const port = parentPort<JobHostMessage>();
  const controller = new AbortController();
  let started = false;
  port.onMessage((message) => {
    if (Cancel.safeParse(message).success) return controller.abort(new CancelledError());
    const start = Start.safeParse(message);
    if (!start.success || started) return;
    started = true;
    void run(port, start.data, controller).finally(() => setImmediate(() => process.exit(0)));
  });
}
