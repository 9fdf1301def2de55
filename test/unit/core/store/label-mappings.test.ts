// The analyst's label mappings in a real project file: migration 006, saving as one audited
// write, refusing labels the project lacks, and following the labels they point at.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/core/store/database.ts';
import { latestVersion, migrations } from '../../../../src-main/core/store/migrations/index.ts';
import * as audit from '../../../../src-main/core/store/queries/audit.ts';
import * as labelMappings from '../../../../src-main/core/store/queries/label-mappings.ts';
import * as labels from '../../../../src-main/core/store/queries/labels.ts';
import { createProject, tempProjectPath } from './project-fixture.ts';

const MODEL = 'Xenova/bert-base-NER';
const mappingAudits = (db: Database.Database) => [...audit.iterate(db)].filter((a) => a.action === 'label_mapping.update');

describe('migration 006', () => {
  it('adds the label_mappings table to a schema-5 project, keeping a backup', () => {
    const path = tempProjectPath();
    const raw = new Database(path);
    for (const m of migrations.filter((m) => m.version <= 5)) raw.exec(m.sql);
    raw.pragma('user_version = 5');
    raw.pragma('application_id = 1146045259');
    raw.close();
    const db = openDatabase(path);
    expect(latestVersion).toBeGreaterThanOrEqual(6);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'label_mappings'").get()).toEqual({ name: 'label_mappings' });
    expect(existsSync(`${path}.v5.bak`)).toBe(true);
    expect(labelMappings.forModel(db, MODEL)).toEqual({});
    db.close();
  });
});

describe('label mappings', () => {
  it('saves a model mapping as one audited setting change, and it is there after reopening the file', () => {
    const { path, db } = createProject();
    expect(labelMappings.save(db, MODEL, { PER: 'PERSON', MISC: 'ORG' })).toEqual({ MISC: 'ORG', PER: 'PERSON' });
    const [entry] = mappingAudits(db);
    expect(entry).toMatchObject({
      actor: 'human',
      entity: 'setting',
      before: { model: MODEL, mapping: {} },
      after: { model: MODEL, mapping: { MISC: 'ORG', PER: 'PERSON' } },
    });
    db.close();
    const again = openDatabase(path);
    expect(labelMappings.forModel(again, MODEL)).toEqual({ MISC: 'ORG', PER: 'PERSON' });
    expect(labelMappings.all(again)).toEqual([{ model: MODEL, mapping: { MISC: 'ORG', PER: 'PERSON' } }]);
    again.close();
  });

  it('replaces the whole mapping of that model only, and an empty one clears it', () => {
    const { db } = createProject();
    labelMappings.save(db, MODEL, { PER: 'PERSON', MISC: 'ORG' });
    labelMappings.save(db, '/models/other', { PER: 'MISC' });
    labelMappings.save(db, MODEL, { LOC: 'ORG' });
    expect(labelMappings.forModel(db, MODEL)).toEqual({ LOC: 'ORG' });
    expect(labelMappings.forModel(db, '/models/other')).toEqual({ PER: 'MISC' });
    labelMappings.save(db, MODEL, {});
    expect(labelMappings.forModel(db, MODEL)).toEqual({});
    expect(mappingAudits(db).at(-1)).toMatchObject({ before: { mapping: { LOC: 'ORG' } }, after: { mapping: {} } });
    db.close();
  });

  it('refuses a label the project does not have, naming it, and writes nothing', () => {
    const { db } = createProject();
    labelMappings.save(db, MODEL, { PER: 'PERSON' });
    const entries = mappingAudits(db).length;
    expect(() => labelMappings.save(db, MODEL, { PER: 'PEOPLE', ORG: 'ORG' })).toThrow(/"PEOPLE" is not a label of this project; add it under Labels first/);
    expect(labelMappings.forModel(db, MODEL)).toEqual({ PER: 'PERSON' });
    expect(mappingAudits(db)).toHaveLength(entries);
    expect(labels.findByName(db, 'PEOPLE')).toBeUndefined();
    db.close();
  });

  it('a tag mapped to its own name keeps it, creating that label', () => {
    const { db } = createProject();
    expect(labels.findByName(db, 'PER')).toBeUndefined();
    expect(labelMappings.save(db, MODEL, { PER: 'PER' })).toEqual({ PER: 'PER' });
    expect(labels.findByName(db, 'PER')).toMatchObject({ name: 'PER', setName: 'default' });
    db.close();
  });

  it('follows the label: a rename carries the mapping along, a deleted label drops it', () => {
    const { db } = createProject();
    const client = labels.save(db, { setName: 'default', name: 'CLIENT', colour: '#E6B8F0', hotkey: null });
    labelMappings.save(db, MODEL, { PER: 'CLIENT', ORG: 'ORG' });
    labels.save(db, { ...client, name: 'CUSTOMER' });
    expect(labelMappings.forModel(db, MODEL)).toEqual({ ORG: 'ORG', PER: 'CUSTOMER' });
    labels.remove(db, client.id);
    expect(labelMappings.forModel(db, MODEL)).toEqual({ ORG: 'ORG' });
    db.close();
  });

  it('reads the first of several keys that has a mapping (a model by its id, then its folder)', () => {
    const { db } = createProject();
    labelMappings.save(db, '/abs/folder', { PER: 'MISC' });
    expect(labelMappings.forModel(db, ['./folder', '/abs/folder'])).toEqual({ PER: 'MISC' });
    expect(labelMappings.forModel(db, ['./folder'])).toEqual({});
    db.close();
  });
});
