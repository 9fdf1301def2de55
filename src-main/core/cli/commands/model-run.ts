// What detect / classify / nli / zero-shot share: open the project, resolve MODEL, run through
// the inference host with progress on a TTY, print a summary or --json.
import { resolve } from 'node:path';
import type { RunSummary } from '../../api/contract.ts';
import type { RunSettings } from '../../store/queries/runs.ts';
import { defaultPaths } from '../../app.ts';
import { openDatabase } from '../../store/database.ts';
import type { InferenceTask, TaskOptions } from '../../inference/protocol.ts';
import { isOnnxDtype, ONNX_DTYPE_NAMES, type OnnxDtype } from '../../inference/models/dtypes.ts';
import { CancelledError, type ProgressUpdate } from '../../jobs/jobs.ts';
import type { CliIO, CommandInput } from '../command.ts';
import { RunFailedError, UsageError, stringOption } from '../command.ts';
import { userDataDir } from '../user-data.ts';

/** "ner (model): 40% · 12/30 documents — 9,000 tokens · 1,200 tokens/s". Model runs measure their
 * work in characters, so the percentage follows the work, not the document count. */
export function progressLine(what: string, p: ProgressUpdate): string {
  const share = p.effort && p.effort.total > 0 ? `${Math.floor((100 * p.effort.done) / p.effort.total)}% · ` : '';
  return `${what}: ${share}${p.done}/${p.total ?? '?'} ${p.unit}${p.message ? ` — ${p.message}` : ''}`;
}

export function dtypeOption(input: CommandInput): OnnxDtype | undefined {
  const value = stringOption(input, 'dtype');
  if (value === undefined) return undefined;
  if (!isOnnxDtype(value)) throw new UsageError(`--dtype must be one of ${ONNX_DTYPE_NAMES.join(', ')}; got "${value}".`);
  return value;
}

export async function runModelTasks(
  projectPath: string,
  tasks: Array<{ task: InferenceTask | 'patterns'; model?: string; options: TaskOptions; dtype?: OnnxDtype }>,
  io: CliIO,
  control: { restart?: boolean; proposeDecided?: boolean } = {},
): Promise<RunSummary[]> {
  const { restart = false, proposeDecided = false } = control;
  const db = openDatabase(resolve(projectPath));
  const paths = defaultPaths(userDataDir());
  const [{ InferenceClient }, { runModel, modelRunSettings }, { runTarget }, { runPatterns, patternRunSettings }, runs] = await Promise.all([
    import('../../inference/client.ts'),
    import('../../inference/run-job.ts'),
    import('../../inference/models/run-target.ts'),
    import('../../detect/run-patterns.ts'),
    import('../../store/queries/runs.ts'),
  ]);
  // A run whose process is gone (killed, crashed) or was cancelled: the same command resumes it.
  const resumeOf = (settings: RunSettings): number | undefined => {
    const stopped = restart ? undefined : runs.resumable(db, settings);
    if (stopped) io.err(`resuming run ${stopped.id}: ${stopped.docsDone}/${stopped.docsTotal} documents done (--restart starts over)`);
    return stopped?.id;
  };
  const client = new InferenceClient();
  const summaries: RunSummary[] = [];
  try {
    for (const t of tasks) {
      const report = (p: ProgressUpdate) => io.progress(progressLine(`${t.task}${t.model ? ` (${t.model})` : ''}`, p));
      if (t.task === 'patterns') {
        const resumeRunId = resumeOf(patternRunSettings(db, undefined, proposeDecided));
        summaries.push(await asRun('patterns', () => runPatterns(db, { signal: io.signal, report }, { resumeRunId, proposeDecided })));
        continue;
      }
      const model = runTarget(paths, t.model!, t.task, t.dtype);
      const base = { task: t.task, model, options: t.options, proposeDecided };
      const request = { ...base, resumeRunId: resumeOf(modelRunSettings(base)) };
      summaries.push(await asRun(t.task, () => runModel(db, client, request, { signal: io.signal, report })));
    }
  } finally {
    io.progress('');
    client.close();
    db.close();
  }
  return summaries;
}

/** --restart and --propose-decided, as every run command takes them. */
export function runControl(input: CommandInput): { restart: boolean; proposeDecided: boolean } {
  return { restart: input.values.restart === true, proposeDecided: input.values['propose-decided'] === true };
}

/** A run that started and then failed is the run's failure (exit 3), not bad usage; cancelling stays as it is. */
async function asRun<T>(task: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CancelledError || error instanceof UsageError) throw error;
    throw new RunFailedError(`the ${task} run failed: ${(error as Error).message}`);
  }
}

export function printSummaries(summaries: RunSummary[], input: CommandInput, io: CliIO): void {
  if (input.json) {
    io.out(JSON.stringify(summaries));
    return;
  }
  for (const s of summaries) {
    const counts = Object.entries(s.counts)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    io.out(`Run ${s.id} ${s.task}${s.model ? ` (${s.model})` : ''}: ${s.status}, ${s.docsDone}/${s.docsTotal} documents${counts ? `; ${counts}` : ''}.`);
  }
}
