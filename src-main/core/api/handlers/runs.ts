import { join } from 'node:path';
import type { App } from '../../app.ts';
import { DocketError } from '../../errors.ts';
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
        const [{ runModel, modelRunSettings }, { resolveModel, describeModel }] = await Promise.all([import('../../inference/run-job.ts'), import('../../inference/models/registry.ts')]);
        const model = resolveModel(app.paths, request.model);
        const info = describeModel(model.id, model.path);
        // As asked; else fp32 when the folder has it (scores match the reference), the quantized file otherwise.
        const dtype: 'fp32' | 'q8' = request.dtype ?? (info.dtypes.includes('fp32') ? 'fp32' : 'q8');
        if (!info.dtypes.includes(dtype)) {
          throw new DocketError('wrong_dtype', `${model.id} has no ${dtype} weights (it has ${info.dtypes.join(', ') || 'none'}); choose one of those.`);
        }
        const { task, model: _model, dtype: _dtype, restart: _restart, proposeDecided, ...options } = request;
        if ((task === 'ner' || task === 'pos') && info.task !== 'token-classification') {
          throw new DocketError('wrong_model', `${model.id} is a ${info.task ?? 'unknown'} model; ${task.toUpperCase()} needs a token-classification model.`);
        }
        try {
          const base = { task, model: { ...model, dtype }, options, proposeDecided };
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
