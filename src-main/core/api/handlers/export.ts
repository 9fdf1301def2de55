import type { App } from '../../app.ts';
import { jobListener } from '../job-events.ts';
import type { Handlers } from '../router.ts';

type Channels = 'export:job.start';

export function exportHandlers(app: App): Pick<Handlers, Channels> {
  return {
    'export:job.start': (request, caller) => {
      app.db(); // no project open: refused here, before a job starts
      // Same folder and format while one is running: the running export, not a second writer.
      const key = `export:${request.format}:${request.outDir}`;
      const { jobId } = app.jobs.start(
        'export',
        jobListener(caller),
        // Rendering and checking run in the job process: pdf.js, canvas and fonts never load here.
        async (job) => app.inJobProcess('export', request, job),
        key,
      );
      return { jobId };
    },
  };
}
