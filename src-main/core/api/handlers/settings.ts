import type { App } from '../../app.ts';
import { DocketError } from '../../errors.ts';
import * as labels from '../../store/queries/labels.ts';
import * as patternRules from '../../store/queries/pattern-rules.ts';
import type { Handlers } from '../router.ts';

type Channels =
  | 'labels:list.get'
  | 'labels:label.save'
  | 'labels:label.delete'
  | 'labels:mapping.get'
  | 'labels:mapping.save'
  | 'patterns:rules.get'
  | 'patterns:rule.save'
  | 'patterns:rule.delete'
  | 'patterns:regions.get'
  | 'patterns:regions.save';

export function settingsHandlers(app: App): Pick<Handlers, Channels> {
  return {
    'labels:list.get': () => ({ labels: labels.list(app.db()) }),
    'labels:label.save': (input) => labels.save(app.db(), input),
    'labels:label.delete': ({ id }) => {
      if (!labels.get(app.db(), id)) throw new DocketError('not_found', `Label ${id} does not exist (deleted elsewhere?); reload the labels.`);
      labels.remove(app.db(), id);
      return { ok: true };
    },
    // A model's tags onto the project's labels (PER → PERSON); see inference/label-mapping.ts.
    'labels:mapping.get': async ({ model }) => {
      const { describeMapping, mappingModel } = await import('../../inference/label-mapping.ts');
      return describeMapping(app.db(), mappingModel(app.paths, model));
    },
    'labels:mapping.save': async ({ model, mapping }) => {
      const { saveMapping } = await import('../../inference/label-mapping.ts');
      return saveMapping(app.db(), app.paths, model, mapping);
    },
    'patterns:rules.get': () => ({ rules: patternRules.list(app.db()) }),
    'patterns:rule.save': (input) => patternRules.save(app.db(), input),
    'patterns:rule.delete': ({ id }) => {
      if (!patternRules.remove(app.db(), id)) throw new DocketError('not_found', `Pattern rule ${id} does not exist (deleted elsewhere?); reload the rules.`);
      return { ok: true };
    },
    'patterns:regions.get': () => ({ regions: patternRules.phoneRegions(app.db()) }),
    'patterns:regions.save': ({ regions }) => ({ regions: patternRules.setPhoneRegions(app.db(), regions) }),
  };
}
