import type { App } from '../../app.ts';
import { DocketError } from '../../errors.ts';
import type { Handlers } from '../router.ts';

// PLACEHOLDER: replaced by the real implementation in this session.
type Channels = 'export:job.start';

export function exportHandlers(_app: App): Pick<Handlers, Channels> {
  const todo = (): never => { throw new DocketError('not_implemented', 'Not implemented yet.'); };
  return {
    'export:job.start': todo,
  };
}
