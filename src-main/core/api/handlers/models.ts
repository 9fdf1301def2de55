import type { App } from '../../app.ts';
import { DocketError } from '../../errors.ts';
import type { Handlers } from '../router.ts';

// PLACEHOLDER: replaced by the real implementation in this session.
type Channels = 'models:list.get' | 'models:pull.start' | 'models:folder.import';

export function modelHandlers(_app: App): Pick<Handlers, Channels> {
  const todo = (): never => { throw new DocketError('not_implemented', 'Not implemented yet.'); };
  return {
    'models:list.get': todo,
    'models:pull.start': todo,
    'models:folder.import': todo,
  };
}
