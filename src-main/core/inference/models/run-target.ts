// What a model run runs, checked once for the CLI and the API alike: a model folder with the
// weights to load, or one of the built-in detectors that ship with Docket and need no download.
import type { AppPaths } from '../../app.ts';
import { DocketError } from '../../errors.ts';
import { BUILTIN_DETECTORS, isBuiltinId } from '../builtin/index.ts';
import type { InferenceTask } from '../protocol.ts';
import type { OnnxDtype } from './dtypes.ts';
import { describeModel, resolveModel } from './registry.ts';

export interface RunTarget {
  id: string;
  /** The model folder, or the built-in detector's id (the inference host tells them apart). */
  path: string;
  /** Built-in detectors have no weights; 'fp32' stands for "as shipped" so run settings stay one shape. */
  dtype: OnnxDtype;
}

const TOKEN_TASKS: ReadonlySet<InferenceTask> = new Set(['ner', 'pos']);

export function runTarget(paths: AppPaths, ref: string, task: InferenceTask, dtype?: OnnxDtype): RunTarget {
  if (isBuiltinId(ref)) {
    const builtin = BUILTIN_DETECTORS[ref];
    if (builtin.task !== task) {
      const use = Object.values(BUILTIN_DETECTORS).find((d) => d.task === task);
      throw new DocketError(
        'wrong_model',
        `${ref} finds ${builtin.task === 'ner' ? 'named entities' : 'parts of speech'}, not ${task}${use ? `; use ${use.id}` : ''}.`,
      );
    }
    if (dtype === 'q8') throw new DocketError('wrong_dtype', `${ref} is built in and has no weights to choose; leave the dtype out.`);
    return { id: ref, path: ref, dtype: 'fp32' };
  }
  const model = resolveModel(paths, ref);
  const info = describeModel(model.id, model.path);
  if (TOKEN_TASKS.has(task) && info.task !== 'token-classification') {
    throw new DocketError(
      'wrong_model',
      `${model.id} is a ${info.task ?? 'unknown'} model; ${task.toUpperCase()} needs a token-classification model (or builtin/${task === 'ner' ? 'names' : 'pos'}).`,
    );
  }
  // As asked; else fp32 when the folder has it (scores match the reference), then q8, then whatever it has.
  const chosen = dtype ?? (['fp32', 'q8', ...info.dtypes] as OnnxDtype[]).find((d) => info.dtypes.includes(d)) ?? 'fp32';
  if (!info.dtypes.includes(chosen)) {
    throw new DocketError('wrong_dtype', `${model.id} has no ${chosen} weights (it has ${info.dtypes.join(', ') || 'none'}); choose one of those.`);
  }
  return { ...model, dtype: chosen };
}
