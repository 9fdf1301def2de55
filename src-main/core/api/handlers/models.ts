import type { App } from '../../app.ts';
import { jobListener } from '../job-events.ts';
import type { Handlers } from '../router.ts';

type Channels = 'models:list.get' | 'models:pull.start' | 'models:folder.import';

export function modelHandlers(app: App): Pick<Handlers, Channels> {
  return {
    'models:list.get': async () => {
      const { listModels } = await import('../../inference/models/registry.ts');
      return { models: listModels(app.paths) };
    },
    'models:pull.start': ({ id }, caller) => {
      // Pulling the same model twice at once shares one download.
      const { jobId } = app.jobs.start(
        'pull',
        jobListener(caller),
        async (job) => {
          const { pullModel } = await import('../../inference/models/pull.ts');
          return pullModel(app.paths, id, job);
        },
        `pull:${id}`,
      );
      return { jobId };
    },
    'models:folder.import': async ({ path }) => {
      const { importFolder } = await import('../../inference/models/registry.ts');
      return importFolder(app.paths, path);
    },
  };
}
