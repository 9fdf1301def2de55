import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/core/store/database.ts';
import * as m001 from '../../../../src-main/core/store/migrations/001-initial.ts';
import * as labels from '../../../../src-main/core/store/queries/labels.ts';
import * as patternRules from '../../../../src-main/core/store/queries/pattern-rules.ts';
import * as audit from '../../../../src-main/core/store/queries/audit.ts';
import { DEFAULT_PHONE_REGIONS, MAX_PHONE_REGIONS } from '../../../../src-main/core/detect/index.ts';
import { DocketError } from '../../../../src-main/core/errors.ts';
import { createProject, tempProjectPath } from './project-fixture.ts';
import { latestVersion } from '../../../../src-main/core/store/migrations/index.ts';

function contrastWithBlack(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return (luminance + 0.05) / 0.05;
}

describe('label sets', () => {
  it('seeds a default set with distinct, readable colours and hotkeys 1-9', () => {
    const { db } = createProject();
    const all = labels.list(db);
    expect(all.map((l) => l.name)).toEqual(['PERSON', 'ORG', 'LOC', 'DATE', 'MONEY', 'EMAIL', 'PHONE', 'CARD', 'IBAN', 'SSN', 'IP', 'URL', 'MISC']);
    expect(all.every((l) => l.setName === 'default')).toBe(true);
    expect(all.slice(0, 9).map((l) => l.hotkey)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(new Set(all.map((l) => l.colour.toLowerCase())).size).toBe(all.length);
    for (const l of all) expect(contrastWithBlack(l.colour), l.name).toBeGreaterThanOrEqual(7);
    db.close();
  });

  it('migrates an existing schema-1 project, seeding the labels and keeping a backup', () => {
    const path = tempProjectPath();
    const raw = new Database(path);
    raw.exec(m001.sql);
    raw.pragma('user_version = 1');
    raw.pragma('application_id = 1146045259');
    raw.close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(labels.list(db)).toHaveLength(13);
    expect(existsSync(`${path}.v1.bak`)).toBe(true);
    db.close();
  });

  it('creates, renames and deletes labels, refusing clashes with a clear message', () => {
    const { db } = createProject();
    const created = labels.save(db, { setName: 'default', name: 'CASE_NO', colour: '#E6B8F0', hotkey: null });
    expect(labels.get(db, created.id)).toEqual(created);
    expect(() => labels.save(db, { setName: 'default', name: 'PERSON', colour: '#E6B8F0', hotkey: null })).toThrow(/already has a label "PERSON"/);
    expect(() => labels.save(db, { ...created, hotkey: '3' })).toThrow(/Hotkey 3 already belongs to LOC/);
    expect(() => labels.save(db, { ...created, hotkey: 'a' })).toThrow(/not allowed/);
    const renamed = labels.save(db, { ...created, name: 'CASE', hotkey: 'c' });
    expect(renamed).toMatchObject({ id: created.id, name: 'CASE', hotkey: 'c' });
    const other = labels.save(db, { setName: 'legal', name: 'PERSON', colour: '#B5E3B0', hotkey: '1' });
    expect(other.setName).toBe('legal'); // hotkeys and names are per set
    labels.remove(db, created.id);
    expect(labels.get(db, created.id)).toBeUndefined();
    expect(() => labels.save(db, { ...created, name: 'GONE' })).toThrow(/does not exist/);
    db.close();
  });

  it('ensure() returns a known label or creates it with a colour and a free hotkey', () => {
    const { db } = createProject();
    expect(labels.ensure(db, 'ORG').hotkey).toBe('2');
    const pet = labels.ensure(db, 'PET');
    expect(pet).toMatchObject({ setName: 'default', name: 'PET', hotkey: null });
    expect(pet.colour).toMatch(/^#[0-9A-F]{6}$/i);
    expect(labels.ensure(db, 'PET').id).toBe(pet.id);
    db.close();
  });
});

describe('pattern rules', () => {
  it('stores valid rules, lists enabled ones for detectPatterns, refuses bad ones', () => {
    const { db } = createProject();
    const rule = patternRules.save(db, { kind: 'regex', label: 'CASE_NO', pattern: 'Case \\d+', flags: 'i', enabled: true });
    patternRules.save(db, { kind: 'deny', label: 'ORG', pattern: '  Acme Corp ', flags: '', enabled: true });
    patternRules.save(db, { kind: 'allow', label: '', pattern: 'help@example.com', flags: '', enabled: false });
    expect(patternRules.listEnabled(db)).toEqual([
      { kind: 'regex', label: 'CASE_NO', pattern: 'Case \\d+', flags: 'i' },
      { kind: 'deny', label: 'ORG', pattern: 'Acme Corp', flags: '' },
    ]);
    expect(() => patternRules.save(db, { kind: 'regex', label: 'BAD', pattern: '(unclosed', flags: '', enabled: true })).toThrow(/"BAD".*not a valid/);
    expect(() => patternRules.save(db, { kind: 'deny', label: '', pattern: '   ', flags: '', enabled: true })).toThrow(/term is empty/);
    expect(patternRules.list(db)).toHaveLength(3);
    expect(patternRules.save(db, { ...rule, enabled: false }).enabled).toBe(false);
    expect(patternRules.remove(db, rule.id)).toBe(true);
    expect(patternRules.remove(db, rule.id)).toBe(false);
    db.close();
  });

  it('reads the default phone regions until the project lists its own, and keeps them', () => {
    const { db, path } = createProject();
    expect(patternRules.phoneRegions(db)).toEqual([...DEFAULT_PHONE_REGIONS]);
    expect(patternRules.phoneRegions(db)).toEqual(expect.arrayContaining(['US', 'GB', 'DE', 'FR', 'IN']));
    expect(patternRules.setPhoneRegions(db, [' gb', 'ie ', 'GB', 'us', 'Ie'])).toEqual(['GB', 'IE', 'US']);
    db.close();
    const again = openDatabase(path);
    expect(patternRules.phoneRegions(again)).toEqual(['GB', 'IE', 'US']);
    again.close();
  });

  it('reads the single region an older project stored first, then the defaults without it', () => {
    const { db } = createProject();
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('detect.phoneRegion', JSON.stringify('AU'));
    expect(patternRules.phoneRegions(db)).toEqual(['AU', ...DEFAULT_PHONE_REGIONS.filter((r) => r !== 'AU')]);
    db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(JSON.stringify('FR'), 'detect.phoneRegion');
    const regions = patternRules.phoneRegions(db);
    expect(regions[0]).toBe('FR');
    expect(regions.filter((r) => r === 'FR')).toHaveLength(1);
    expect(new Set(regions)).toEqual(new Set(['FR', ...DEFAULT_PHONE_REGIONS]));
    // Saving the list replaces the old setting.
    patternRules.setPhoneRegions(db, ['DE']);
    expect(patternRules.phoneRegions(db)).toEqual(['DE']);
    expect(db.prepare('SELECT 1 FROM settings WHERE key = ?').get('detect.phoneRegion')).toBeUndefined();
    db.close();
  });

  it('refuses unknown, missing or too many phone regions, naming the bad codes, and keeps the list', () => {
    const { db } = createProject();
    patternRules.setPhoneRegions(db, ['GB']);
    const refused = (regions: string[]) => {
      try {
        patternRules.setPhoneRegions(db, regions);
      } catch (error) {
        return error as DocketError;
      }
      throw new Error(`${regions.join(' ')} was accepted`);
    };
    const one = refused(['US', 'xx']);
    expect(one).toBeInstanceOf(DocketError);
    expect(one.code).toBe('invalid_region');
    expect(one.message).toMatch(/^"XX" is not a region libphonenumber knows; type two-letter country codes .*such as US GB DE/);
    expect(refused(['US', 'ZZ', 'USA']).message).toMatch(/^"ZZ", "USA" are not regions/);
    expect(refused([]).message).toMatch(/No phone region given/);
    expect(refused([' ', '']).code).toBe('invalid_region');
    const thirteen = ['US', 'GB', 'DE', 'FR', 'IN', 'IE', 'AU', 'NZ', 'CA', 'ES', 'IT', 'NL', 'BE'];
    expect(thirteen).toHaveLength(MAX_PHONE_REGIONS + 1);
    expect(refused(thirteen).message).toMatch(/13 phone regions given; list at most 12/);
    expect(patternRules.setPhoneRegions(db, [...thirteen.slice(0, MAX_PHONE_REGIONS), 'us'])).toHaveLength(MAX_PHONE_REGIONS); // 12 once deduped
    patternRules.setPhoneRegions(db, ['GB']);
    expect(patternRules.phoneRegions(db)).toEqual(['GB']);
    db.close();
  });

  it('records each change of the phone regions in the audit log', () => {
    const { db } = createProject();
    patternRules.setPhoneRegions(db, ['gb', 'fr']);
    patternRules.setPhoneRegions(db, ['IE']);
    const entries = [...audit.iterate(db)].filter((e) => e.action === 'phone_regions.update');
    expect(entries.map(({ actor, entity, entityId, before, after }) => ({ actor, entity, entityId, before, after }))).toEqual([
      { actor: 'human', entity: 'setting', entityId: null, before: [...DEFAULT_PHONE_REGIONS], after: ['GB', 'FR'] },
      { actor: 'human', entity: 'setting', entityId: null, before: ['GB', 'FR'], after: ['IE'] },
    ]);
    expect(() => patternRules.setPhoneRegions(db, ['XX'])).toThrow();
    expect([...audit.iterate(db)].filter((e) => e.action === 'phone_regions.update')).toHaveLength(2);
    db.close();
  });
});
