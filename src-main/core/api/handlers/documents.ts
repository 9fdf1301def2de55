import type { App } from '../../app.ts';
import { DocketError } from '../../errors.ts';
import type { Handlers } from '../router.ts';

// PLACEHOLDER: replaced by the real implementation in this session.
type Channels = 'documents:list.query' | 'documents:item.get' | 'documents:page.render' | 'documents:import.start';

export function documentHandlers(_app: App): Pick<Handlers, Channels> {
  const todo = (): never => { throw new DocketError('not_implemented', 'Not implemented yet.'); };
  return {
    'documents:list.query': todo,
    'documents:item.get': todo,
    'documents:page.render': todo,
    'documents:import.start': todo,
  };
}
