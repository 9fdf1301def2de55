// The analyst's label mappings: per model, which project label each of its tags is stored under.
// A project setting like the pattern rules: every change is one write transaction with its
// audit entry (entity 'setting').
import { DocketError } from '../../errors.ts';
import { writeTransaction, type Db } from '../database.ts';
import { prepared } from '../statements.ts';
import * as audit from './audit.ts';
import * as labels from './labels.ts';

/** tag → label name, for one model. */
export type TagMapping = Record<string, string>;

const SELECT = 'SELECT m.tag, l.name AS label FROM label_mappings m JOIN labels l ON l.id = m.label_id WHERE m.model = ? ORDER BY m.tag';

/** The analyst's mapping of the first of `models` that has one (a model may be known by its id and by its folder). */
export function forModel(db: Db, models: string | readonly string[]): TagMapping {
  for (const model of typeof models === 'string' ? [models] : models) {
    const rows = prepared(db, SELECT).all(model) as Array<{ tag: string; label: string }>;
    if (rows.length > 0) return Object.fromEntries(rows.map((r) => [r.tag, r.label]));
  }
  return {};
}

/** Every model the analyst has mapped, with its mapping. */
export function all(db: Db): Array<{ model: string; mapping: TagMapping }> {
  const rows = db
    .prepare('SELECT m.model, m.tag, l.name AS label FROM label_mappings m JOIN labels l ON l.id = m.label_id ORDER BY m.model, m.tag')
    .all() as Array<{ model: string; tag: string; label: string }>;
  const byModel = new Map<string, TagMapping>();
  for (const r of rows) (byModel.get(r.model) ?? byModel.set(r.model, {}).get(r.model)!)[r.tag] = r.label;
  return [...byModel].map(([model, mapping]) => ({ model, mapping }));
}

/**
 * Replaces the model's whole mapping with `mapping` (an empty one clears it). Every label must
 * exist in the project; the one exception is a tag mapped to its own name ("keep PER as PER"),
 * whose label is created, as a run would create it. Refused as a whole, nothing written, when
 * any label is missing.
 */
export function save(db: Db, model: string, mapping: Readonly<TagMapping>): TagMapping {
  const entries = [...new Map(Object.entries(mapping).map(([tag, label]) => [tag.trim(), label.trim()] as const))];
  const empty = entries.find(([tag, label]) => tag === '' || label === '');
  if (empty) throw new DocketError('invalid_mapping', `A mapping needs a tag and a label on each side of "=" (got "${empty[0]}=${empty[1]}").`);
  return writeTransaction(db, () => {
    const before = forModel(db, model);
    const missing = entries.filter(([tag, label]) => label !== tag && !labels.findByName(db, label));
    if (missing.length > 0) {
      const named = [...new Set(missing.map(([, label]) => `"${label}"`))].join(', ');
      throw new DocketError(
        'label_not_found',
        `${named} ${missing.length === 1 ? 'is not a label' : 'are not labels'} of this project; add ${missing.length === 1 ? 'it' : 'them'} under Labels first, or map ${missing.map(([tag]) => tag).join(', ')} to one of: ${labels
          .list(db)
          .map((l) => l.name)
          .join(', ')}.`,
      );
    }
    prepared(db, 'DELETE FROM label_mappings WHERE model = ?').run(model);
    const insert = prepared(db, 'INSERT INTO label_mappings (model, tag, label_id) VALUES (?, ?, ?)');
    for (const [tag, label] of entries) insert.run(model, tag, (labels.findByName(db, label) ?? labels.ensure(db, label)).id);
    const after = forModel(db, model);
    audit.append(db, {
      actor: 'human',
      action: 'label_mapping.update',
      entity: 'setting',
      entityId: null,
      before: { model, mapping: before },
      after: { model, mapping: after },
    });
    return after;
  });
}
