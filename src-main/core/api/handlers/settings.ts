import type { App } from '../../app.ts';
import { DocketError } from '../../errors.ts';
import type { Handlers } from '../router.ts';

// PLACEHOLDER: replaced by the real implementation in this session.
type Channels = 'labels:list.get' | 'labels:label.save' | 'labels:label.delete' | 'patterns:rules.get' | 'patterns:rule.save' | 'patterns:rule.delete';

export function settingsHandlers(_app: App): Pick<Handlers, Channels> {
  const todo = (): never => { throw new DocketError('not_implemented', 'Not implemented yet.'); };
  return {
    'labels:list.get': todo,
    'labels:label.save': todo,
    'labels:label.delete': todo,
    'patterns:rules.get': todo,
    'patterns:rule.save': todo,
    'patterns:rule.delete': todo,
  };
}
