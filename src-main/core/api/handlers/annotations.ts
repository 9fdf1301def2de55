import type { App } from '../../app.ts';
import * as bulk from '../../store/queries/bulk-decisions.ts';
import * as docLabelEdits from '../../store/queries/doc-label-edits.ts';
import * as history from '../../store/queries/history.ts';
import * as occurrences from '../../store/queries/occurrences.ts';
import * as review from '../../store/queries/review.ts';
import * as spanEdits from '../../store/queries/span-edits.ts';
import * as stats from '../../store/queries/stats.ts';
import type { Caller, Handlers } from '../router.ts';

type Channels =
  | 'annotations:span.create'
  | 'annotations:span.update'
  | 'annotations:span.delete'
  | 'annotations:span.merge'
  | 'annotations:span.split'
  | 'annotations:label.create'
  | 'annotations:label.update'
  | 'annotations:occurrences.count'
  | 'annotations:occurrences.apply'
  | 'annotations:bulk.count'
  | 'annotations:bulk.accept'
  | 'annotations:history.undo'
  | 'annotations:history.redo'
  | 'review:queue.get'
  | 'stats:summary.get';

/** Other windows showing these documents refresh; the caller relays to whoever listens. */
/** Past this many, a change is announced without ids ("any document"): views reload either way. */
const NAMED_DOCUMENTS = 1_000;

function changed(caller: Caller, documentIds: readonly number[], origin?: string): void {
  if (documentIds.length === 0) return;
  const ids = [...new Set(documentIds)];
  caller.emit('project:documents.changed', { ...(ids.length <= NAMED_DOCUMENTS ? { documentIds: ids } : {}), ...(origin ? { origin } : {}) });
}

// Every edit is one user action: one group id, one undo step.
export function annotationHandlers(app: App): Pick<Handlers, Channels> {
  return {
    'annotations:span.create': ({ origin, ...r }, caller) => {
      const span = spanEdits.create(app.db(), r, history.newGroupId());
      changed(caller, [span.documentId], origin);
      return span;
    },
    'annotations:span.update': ({ id, origin, ...change }, caller) => {
      const span = spanEdits.update(app.db(), id, change, history.newGroupId());
      changed(caller, [span.documentId], origin);
      return span;
    },
    'annotations:span.delete': ({ id, origin }, caller) => {
      changed(caller, [spanEdits.remove(app.db(), id, history.newGroupId())], origin);
      return { ok: true };
    },
    'annotations:span.merge': ({ ids }, caller) => {
      const span = spanEdits.merge(app.db(), ids, history.newGroupId());
      changed(caller, [span.documentId]);
      return span;
    },
    'annotations:span.split': ({ id, at }, caller) => {
      const parts = spanEdits.split(app.db(), id, at, history.newGroupId());
      changed(caller, [parts[0].documentId]);
      return parts;
    },
    'annotations:label.create': (r, caller) => {
      const label = docLabelEdits.create(app.db(), r, history.newGroupId());
      changed(caller, [label.documentId]);
      return label;
    },
    'annotations:label.update': ({ id, origin, ...change }, caller) => {
      const label = docLabelEdits.update(app.db(), id, change, history.newGroupId());
      changed(caller, [label.documentId], origin);
      return label;
    },
    'annotations:occurrences.count': ({ text, scope, documentId }) => occurrences.count(app.db(), text, scope, documentId),
    'annotations:occurrences.apply': (r, caller) => {
      const result = occurrences.apply(app.db(), r, history.newGroupId());
      changed(caller, result.documentIds);
      return { changed: result.changed };
    },
    'annotations:bulk.count': (filter) => ({ count: bulk.count(app.db(), filter).total }),
    'annotations:bulk.accept': (filter, caller) => {
      const result = bulk.decide(app.db(), filter, 'accepted', history.newGroupId());
      changed(caller, result.documentIds);
      return { changed: result.changed };
    },
    'annotations:history.undo': (_r, caller) => {
      const step = history.undo(app.db());
      changed(caller, step.documentIds);
      return { changed: step.changed, documentId: step.documentId };
    },
    'annotations:history.redo': (_r, caller) => {
      const step = history.redo(app.db());
      changed(caller, step.documentIds);
      return { changed: step.changed, documentId: step.documentId };
    },
    'review:queue.get': (query) => review.queue(app.db(), query),
    'stats:summary.get': () => stats.summary(app.db()),
  };
}
