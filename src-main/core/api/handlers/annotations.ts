import type { App } from '../../app.ts';
import { DocketError } from '../../errors.ts';
import type { Handlers } from '../router.ts';

// PLACEHOLDER: replaced by the real implementation in this session.
type Channels = 'annotations:span.create' | 'annotations:span.update' | 'annotations:span.delete' | 'annotations:span.merge' | 'annotations:span.split' | 'annotations:label.create' | 'annotations:label.update' | 'annotations:occurrences.count' | 'annotations:occurrences.apply' | 'annotations:bulk.count' | 'annotations:bulk.accept' | 'annotations:history.undo' | 'annotations:history.redo' | 'review:queue.get' | 'stats:summary.get';

export function annotationHandlers(_app: App): Pick<Handlers, Channels> {
  const todo = (): never => { throw new DocketError('not_implemented', 'Not implemented yet.'); };
  return {
    'annotations:span.create': todo,
    'annotations:span.update': todo,
    'annotations:span.delete': todo,
    'annotations:span.merge': todo,
    'annotations:span.split': todo,
    'annotations:label.create': todo,
    'annotations:label.update': todo,
    'annotations:occurrences.count': todo,
    'annotations:occurrences.apply': todo,
    'annotations:bulk.count': todo,
    'annotations:bulk.accept': todo,
    'annotations:history.undo': todo,
    'annotations:history.redo': todo,
    'review:queue.get': todo,
    'stats:summary.get': todo,
  };
}
