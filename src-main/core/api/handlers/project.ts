import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { App } from '../../app.ts';
import { DocketError } from '../../errors.ts';
import { sampleBatchFolder } from '../../sample/sample-batch.ts';
import { freeSampleProjectPath } from '../../sample/sample-project.ts';
import { jobListener } from '../job-events.ts';
import type { Handlers } from '../router.ts';

type ProjectChannels =
  | 'project:file.create'
  | 'project:file.open'
  | 'project:file.current'
  | 'project:recent.list'
  | 'project:sample.create'
  | 'jobs:job.cancel'
  | 'shell:dialog.open';

const RECENT_LIMIT = 10;

function recentFile(app: App): string {
  return join(app.paths.userData, 'recent-projects.json');
}

export function readRecent(app: App): string[] {
  try {
    const list = JSON.parse(readFileSync(recentFile(app), 'utf8')) as unknown;
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

function remember(app: App, path: string): void {
  const list = [path, ...readRecent(app).filter((p) => p !== path)].slice(0, RECENT_LIMIT);
  mkdirSync(app.paths.userData, { recursive: true });
  writeFileSync(recentFile(app), JSON.stringify(list, null, 2));
}

function refuseExisting(full: string): void {
  if (existsSync(full)) throw new DocketError('exists', `${full} already exists; open it instead, or choose another name.`);
  if (!existsSync(dirname(full))) throw new DocketError('no_folder', `The folder ${dirname(full)} does not exist.`);
}

function create(app: App, full: string): void {
  refuseExisting(full);
  app.open(full, true);
  remember(app, full);
}

export function projectHandlers(app: App): Pick<Handlers, ProjectChannels> {
  return {
    'project:file.create': ({ path }) => {
      const full = resolve(path);
      create(app, full);
      return { path: full };
    },
    // The sample goes in through the import any import uses (same progress, cancel and report),
    // in the job process: writing it renders a PDF, a DOCX and a scan.
    'project:sample.create': ({ path }, caller) => {
      const full = path === undefined ? freeSampleProjectPath(app.paths.userData) : resolve(path);
      create(app, full);
      const { jobId } = app.jobs.start('import', jobListener(caller), async (job) => {
        try {
          return await app.inJobProcess('sample', { folder: sampleBatchFolder(app.paths.userData) }, job);
        } finally {
          caller.emit('project:documents.changed', {});
        }
      });
      return { path: full, jobId };
    },
    'project:file.open': ({ path }) => {
      const full = resolve(path);
      app.open(full, false);
      remember(app, full);
      return { path: full };
    },
    'project:file.current': () => ({ path: app.projectPath }),
    'project:recent.list': () => ({ paths: readRecent(app).filter((p) => existsSync(p)) }),
    'jobs:job.cancel': ({ jobId }) => {
      if (!app.jobs.cancel(jobId)) throw new DocketError('no_job', `No running job ${jobId}; it may have finished already.`);
      return { ok: true as const };
    },
    'shell:dialog.open': () => {
      throw new DocketError('not_supported', 'File dialogs exist only in the desktop app; type or paste the path instead.');
    },
  };
}
