import type { App } from '../../app.ts';
import { jobListener } from '../job-events.ts';
import type { Handlers } from '../router.ts';

type Channels = 'models:list.get' | 'models:pull.start' | 'models:weights.get' | 'models:folder.import' | 'models:catalog.get';

export function modelHandlers(app: App): Pick<Handlers, Channels> {
  return {
    'models:list.get': async () => {
      const { listModels } = await import('../../inference/models/registry.ts');
      return { models: listModels(app.paths) };
    },
    'models:pull.start': ({ id, dtype }, caller) => {
      // Pulling the same model twice at once shares one download (the staging folder is per id).
      const { jobId } = app.jobs.start(
        'pull',
        jobListener(caller),
        async (job) => {
          const { pullModel } = await import('../../inference/models/pull.ts');
          return pullModel(app.paths, id, job, { ...(dtype ? { dtype } : {}), ...hubProxy(app) });
        },
        `pull:${id.split('@')[0]}`,
      );
      return { jobId };
    },
    'models:weights.get': async ({ id }) => {
      const { listWeights } = await import('../../inference/models/pull.ts');
      return listWeights(id, { paths: app.paths, ...hubProxy(app) });
    },
    'models:folder.import': async ({ path }) => {
      const { importFolder } = await import('../../inference/models/registry.ts');
      return importFolder(app.paths, path);
    },
    'models:catalog.get': async () => {
      const { catalog } = await import('../../inference/models/catalog.ts');
      return { models: catalog(app.paths) };
    },
  };
}

/** The shell's proxy resolver when there is one (Electron: the session's); else the environment's. */
function hubProxy(app: App): { proxy?: (url: string) => Promise<string | null> } {
  return app.options.hubProxy ? { proxy: app.options.hubProxy } : {};
}
