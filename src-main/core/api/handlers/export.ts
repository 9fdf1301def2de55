import type { App } from '../../app.ts';
import { jobListener } from '../job-events.ts';
import type { Handlers } from '../router.ts';

type Channels = 'export:job.start';

export function exportHandlers(app: App): Pick<Handlers, Channels> {
  return {
    'export:job.start': (request, caller) => {
      const db = app.db();
      // Same folder and format while one is running: the running export, not a second writer.
      const key = `export:${request.format}:${request.outDir}`;
      const { jobId } = app.jobs.start(
        'export',
        jobListener(caller),
        async (job) => {
          // Loaded on first use: pdf.js, canvas and fonts stay out of app start-up.
          const [{ runExport }, { storeReader }] = await Promise.all([import('../../export/export-job.ts'), import('../../export/store-reader.ts')]);
          return runExport(storeReader(db), request, job);
        },
        key,
      );
      return { jobId };
    },
  };
}
