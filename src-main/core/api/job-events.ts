import type { JobListener } from '../jobs/jobs.ts';
import type { Caller } from './router.ts';

/** Job progress goes only to the caller (window or socket) that started the job. */
export function jobListener(caller: Caller): JobListener {
  return {
    progress: (event) => caller.emit('jobs:progress', event),
    finished: (event) => caller.emit('jobs:finished', event),
  };
}
