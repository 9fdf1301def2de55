import type { Label } from '../../model/label.ts';
import { DocketError } from '../../errors.ts';
import { writeTransaction, type Db } from '../database.ts';
import * as audit from './audit.ts';

/** The set migration 002 seeds; labels created on the fly (a new span label) go here too. */
export const DEFAULT_SET = 'default';

// Keys the review workspace already uses (accept, reject, next/previous, undo).
const RESERVED_HOTKEYS = new Set(['a', 'x', 'j', 'k', 'z', '?']);
// More light colours (black text >= 7:1) for labels created on the fly, in turn.
const EXTRA_COLOURS = ['#E6B8F0', '#B5E3B0', '#F2C6A0', '#A9CCE3', '#F0E1A0', '#C3D9A5', '#F2A9C4', '#B0D8E8'];

interface LabelRow {
  id: number;
  set_name: string;
  name: string;
  colour: string;
  hotkey: string | null;
}

const SELECT = 'SELECT l.id, s.name AS set_name, l.name, l.colour, l.hotkey FROM labels l JOIN label_sets s ON s.id = l.set_id';

function toLabel(row: LabelRow): Label {
  return { id: row.id, setName: row.set_name, name: row.name, colour: row.colour, hotkey: row.hotkey };
}

export function list(db: Db): Label[] {
  return (db.prepare(`${SELECT} ORDER BY s.id, l.hotkey IS NULL, l.hotkey, l.id`).all() as LabelRow[]).map(toLabel);
}

export function get(db: Db, id: number): Label | undefined {
  const row = db.prepare(`${SELECT} WHERE l.id = ?`).get(id) as LabelRow | undefined;
  return row && toLabel(row);
}

/** The label of that name in any set (the default set first). */
export function findByName(db: Db, name: string): Label | undefined {
  const row = db.prepare(`${SELECT} WHERE l.name = ? ORDER BY s.name <> ?, s.id LIMIT 1`).get(name, DEFAULT_SET) as LabelRow | undefined;
  return row && toLabel(row);
}

function setId(db: Db, setName: string): number {
  db.prepare('INSERT OR IGNORE INTO label_sets (name) VALUES (?)').run(setName);
  return (db.prepare('SELECT id FROM label_sets WHERE name = ?').get(setName) as { id: number }).id;
}

export interface LabelInput {
  id?: number;
  setName: string;
  name: string;
  colour: string;
  hotkey: string | null;
}

function check(db: Db, input: LabelInput, set: number): void {
  const name = input.name.trim();
  if (!name) throw new DocketError('invalid_label', 'A label needs a name.');
  const clash = db.prepare('SELECT id FROM labels WHERE set_id = ? AND name = ? AND id IS NOT ?').get(set, name, input.id ?? null);
  if (clash) throw new DocketError('label_exists', `The set "${input.setName}" already has a label "${name}"; choose another name.`);
  if (input.hotkey === null || input.hotkey === '') return;
  if (!/^[0-9a-z]$/i.test(input.hotkey) || RESERVED_HOTKEYS.has(input.hotkey.toLowerCase())) {
    throw new DocketError('invalid_hotkey', `Hotkey "${input.hotkey}" for ${name} is not allowed; use 1-9 or a letter other than A, X, J, K, Z.`);
  }
  const owner = db.prepare('SELECT name FROM labels WHERE set_id = ? AND lower(hotkey) = lower(?) AND id IS NOT ?').get(set, input.hotkey, input.id ?? null) as
    { name: string } | undefined;
  if (owner) throw new DocketError('hotkey_taken', `Hotkey ${input.hotkey} already belongs to ${owner.name}; free it there first.`);
}

/** Creates (no id) or updates a label; renaming does not rewrite existing spans. */
export function save(db: Db, input: LabelInput): Label {
  return writeTransaction(db, () => {
    const set = setId(db, input.setName.trim() || DEFAULT_SET);
    const before = input.id === undefined ? undefined : get(db, input.id);
    if (input.id !== undefined && !before) throw new DocketError('not_found', `Label ${input.id} does not exist (deleted elsewhere?); reload the labels.`);
    check(db, input, set);
    const hotkey = input.hotkey === '' ? null : input.hotkey;
    let id = input.id;
    if (id === undefined) {
      id = Number(
        db.prepare('INSERT INTO labels (set_id, name, colour, hotkey) VALUES (?, ?, ?, ?)').run(set, input.name.trim(), input.colour, hotkey).lastInsertRowid,
      );
    } else {
      db.prepare('UPDATE labels SET set_id = ?, name = ?, colour = ?, hotkey = ? WHERE id = ?').run(set, input.name.trim(), input.colour, hotkey, id);
    }
    const after = get(db, id)!;
    audit.append(db, {
      actor: 'human',
      action: before ? 'label_def.update' : 'label_def.create',
      entity: 'label',
      entityId: id,
      before: before ?? null,
      after,
    });
    return after;
  });
}

export function remove(db: Db, id: number): void {
  writeTransaction(db, () => {
    const before = get(db, id);
    if (!before) return;
    db.prepare('DELETE FROM labels WHERE id = ?').run(id);
    audit.append(db, { actor: 'human', action: 'label_def.delete', entity: 'label', entityId: id, before, after: null });
  });
}

/** The label of that name, created in the default set (next colour, a free digit hotkey) if new. */
export function ensure(db: Db, name: string): Label {
  const existing = findByName(db, name);
  if (existing) return existing;
  const set = setId(db, DEFAULT_SET);
  const count = (db.prepare('SELECT count(*) AS n FROM labels').get() as { n: number }).n;
  const used = new Set(
    (db.prepare('SELECT hotkey FROM labels WHERE set_id = ? AND hotkey IS NOT NULL').all(set) as Array<{ hotkey: string }>).map((r) => r.hotkey),
  );
  const hotkey = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].find((k) => !used.has(k)) ?? null;
  return save(db, { setName: DEFAULT_SET, name, colour: EXTRA_COLOURS[count % EXTRA_COLOURS.length]!, hotkey });
}
