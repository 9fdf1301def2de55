// How a run that threw ends, the same for every task (patterns, models, OCR): cancelled when the
// job was cancelled (the run resumes later where it stopped), failed otherwise with the reason;
// then the error goes on to the job, a cancel as a CancelledError whatever raised it.
import { CancelledError } from './jobs.ts';
import type { Db } from '../store/database.ts';
import * as runs from '../store/queries/runs.ts';

export function endRunOnError(db: Db, runId: number, counts: Record<string, number>, error: unknown, signal: AbortSignal): never {
  const cancelled = signal.aborted || error instanceof CancelledError || (error as { code?: string }).code === 'cancelled';
  runs.finish(db, runId, cancelled ? 'cancelled' : 'failed', counts, cancelled ? undefined : (error as Error).message);
  throw cancelled ? new CancelledError() : error;
}
