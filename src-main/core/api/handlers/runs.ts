import { join } from 'node:path';
import type { App } from '../../app.ts';
import * as runs from '../../store/queries/runs.ts';
import { jobListener } from '../job-events.ts';
import type { Handlers } from '../router.ts';

type Channels = 'runs:job.start' | 'runs:list.get';

export function runHandlers(app: App): Pick<Handlers, Channels> {
  return {
    'runs:job.start': (request, caller) => {
      const db = app.db();
      const listener = jobListener(caller);
      const changed = () => caller.emit('project:documents.changed', {});
      // A stopped run (its process gone, or cancelled) with the same settings is resumed unless asked to restart.
      const resumeOf = (settings: runs.RunSettings) => (request.restart ? undefined : runs.resumable(db, settings)?.id);
      if (request.task === 'patterns') {
        const { jobId } = app.jobs.start('run', listener, async (job) => {
          try {
            return await app.inJobProcess('patterns', { restart: request.restart, proposeDecided: request.proposeDecided }, job);
          } finally {
            changed();
          }
        });
        return { jobId };
      }
      if (request.task === 'ocr') {
        const { jobId } = app.jobs.start('run', listener, async (job) => {
          try {
            const { task: _task, ...ocr } = request;
            return await app.inJobProcess('ocr', { ...ocr, cachePath: join(app.paths.userData, 'ocr') }, job);
          } finally {
            changed();
          }
        });
        return { jobId };
      }
      const { jobId } = app.jobs.start('run', listener, async (job) => {
        const [{ runModel, modelRunSettings }, { runTarget }] = await Promise.all([
          import('../../inference/run-job.ts'),
          import('../../inference/models/run-target.ts'),
        ]);
        const { task, model: ref, dtype, restart: _restart, proposeDecided, ...options } = request;
        const model = runTarget(app.paths, ref, task, dtype);
        try {
          const base = { task, model, options, proposeDecided };
          return await runModel(db, app.inference(), { ...base, resumeRunId: resumeOf(modelRunSettings(base)) }, job);
        } finally {
          changed();
        }
      });
      return { jobId };
    },
    'runs:list.get': () => {
      // Runs whose process is gone show as interrupted, not as running forever.
      runs.reconcile(app.db());
      return { runs: runs.list(app.db()) };
    },
  };
}
