import { defaultPaths } from '../../app.ts';
import { EXIT_OK, UsageError, requirePositional, type Command } from '../command.ts';
import { userDataDir } from '../user-data.ts';

export const modelsCommand: Command = {
  name: 'models',
  summary: 'List, pull or import models',
  usage: 'docket models list | pull <owner/name> | import <folder>',
  help: [
    'list            the models on this machine (pulled into the cache, or imported folders)',
    'pull ID         download a transformers.js (ONNX) model from the hub into the cache, resumably;',
    '                set DOCKET_HUB_URL to use a mirror. The only network use of Docket.',
    'import FOLDER   use a local model folder (config.json, tokenizer.json, onnx/model*.onnx)',
    `Cache: ${userDataDir()}/models (DOCKET_USER_DATA overrides the folder).`,
  ].join('\n'),
  options: {},
  async run(input, io) {
    const action = requirePositional(input, 0, 'list, pull or import');
    const paths = defaultPaths(userDataDir());
    const registry = await import('../../inference/models/registry.ts');
    if (action === 'list') {
      const models = registry.listModels(paths);
      if (input.json) io.out(JSON.stringify(models));
      else if (models.length === 0) io.out('No models yet. Pull one: docket models pull Xenova/bert-base-NER');
      else for (const m of models) io.out(`${m.id}  ${m.task ?? '?'}  ${m.dtypes.join('/')}  ${(m.sizeBytes / 1e6).toFixed(1)} MB  labels: ${m.labels.slice(0, 8).join(', ')}${m.labels.length > 8 ? '…' : ''}`);
      return EXIT_OK;
    }
    if (action === 'pull') {
      const id = requirePositional(input, 1, 'the model id (owner/name)');
      const { pullModel } = await import('../../inference/models/pull.ts');
      const info = await pullModel(paths, id, {
        signal: io.signal,
        report: (p) => io.progress(`Pulling ${id}: ${(p.done / 1e6).toFixed(1)}${p.total ? ` / ${(p.total / 1e6).toFixed(1)}` : ''} MB${p.message ? ` — ${p.message}` : ''}`),
      });
      io.progress('');
      io.out(input.json ? JSON.stringify(info) : `Pulled ${info.id} (${info.task ?? 'unknown task'}) into ${info.path}`);
      return EXIT_OK;
    }
    if (action === 'import') {
      const info = registry.importFolder(paths, requirePositional(input, 1, 'the model folder'));
      io.out(input.json ? JSON.stringify(info) : `Imported ${info.path} (${info.task ?? 'unknown task'}; labels ${info.labels.join(', ')})`);
      return EXIT_OK;
    }
    throw new UsageError(`Unknown action "${action}": use list, pull or import.`);
  },
};
