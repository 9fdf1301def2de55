import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import type { PatternRule } from '../../model/pattern-rule.ts';
import { DEFAULT_PHONE_REGIONS, MAX_PHONE_REGIONS, validateRule, type PatternRuleInput } from '../../detect/index.ts';
import { DocketError } from '../../errors.ts';
import { writeTransaction, type Db } from '../database.ts';
import * as audit from './audit.ts';

interface RuleRow {
  id: number;
  kind: PatternRule['kind'];
  label: string;
  pattern: string;
  flags: string;
  enabled: number;
}

function toRule(row: RuleRow): PatternRule {
  return { id: row.id, kind: row.kind, label: row.label, pattern: row.pattern, flags: row.flags, enabled: row.enabled === 1 };
}

export function list(db: Db): PatternRule[] {
  return (db.prepare('SELECT * FROM pattern_rules ORDER BY kind, id').all() as RuleRow[]).map(toRule);
}

export function get(db: Db, id: number): PatternRule | undefined {
  const row = db.prepare('SELECT * FROM pattern_rules WHERE id = ?').get(id) as RuleRow | undefined;
  return row && toRule(row);
}

/** What detectPatterns takes (I4): the enabled rules only. */
export function listEnabled(db: Db): PatternRuleInput[] {
  return (db.prepare('SELECT kind, label, pattern, flags FROM pattern_rules WHERE enabled = 1 ORDER BY id').all() as PatternRuleInput[]).map((r) => ({ ...r }));
}

export type RuleInput = Omit<PatternRule, 'id'> & { id?: number };

/** Validates (a bad regex is refused with an error naming the rule), then creates or updates. */
export function save(db: Db, input: RuleInput): PatternRule {
  const rule = { kind: input.kind, label: input.label.trim(), pattern: input.kind === 'regex' ? input.pattern : input.pattern.trim(), flags: input.flags };
  validateRule(rule);
  return writeTransaction(db, () => {
    const before = input.id === undefined ? undefined : get(db, input.id);
    if (input.id !== undefined && !before)
      throw new DocketError('not_found', `Pattern rule ${input.id} does not exist (deleted elsewhere?); reload the rules.`);
    let id = input.id;
    if (id === undefined) {
      id = Number(
        db
          .prepare('INSERT INTO pattern_rules (kind, label, pattern, flags, enabled) VALUES (?, ?, ?, ?, ?)')
          .run(rule.kind, rule.label, rule.pattern, rule.flags, input.enabled ? 1 : 0).lastInsertRowid,
      );
    } else {
      db.prepare('UPDATE pattern_rules SET kind = ?, label = ?, pattern = ?, flags = ?, enabled = ? WHERE id = ?').run(
        rule.kind,
        rule.label,
        rule.pattern,
        rule.flags,
        input.enabled ? 1 : 0,
        id,
      );
    }
    const after = get(db, id)!;
    audit.append(db, {
      actor: 'human',
      action: before ? 'pattern_rule.update' : 'pattern_rule.create',
      entity: 'setting',
      entityId: id,
      before: before ?? null,
      after,
    });
    return after;
  });
}

export function remove(db: Db, id: number): boolean {
  return writeTransaction(db, () => {
    const before = get(db, id);
    if (!before) return false;
    db.prepare('DELETE FROM pattern_rules WHERE id = ?').run(id);
    audit.append(db, { actor: 'human', action: 'pattern_rule.delete', entity: 'setting', entityId: id, before, after: null });
    return true;
  });
}

/** The project's phone regions (JSON array, most likely first). */
const PHONE_REGIONS_KEY = 'detect.phoneRegions';
/** The single region older projects stored; read only, and dropped when the list is first saved. */
const LEGACY_PHONE_REGION_KEY = 'detect.phoneRegion';

function setting(db: Db, key: string): unknown {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

/** Known regions of a stored list, each once, at most MAX_PHONE_REGIONS; empty when none is usable. */
function knownRegions(value: unknown): CountryCode[] {
  if (!Array.isArray(value)) return [];
  const known = value.filter((v): v is CountryCode => typeof v === 'string' && isSupportedCountry(v));
  return [...new Set(known)].slice(0, MAX_PHONE_REGIONS);
}

/**
 * Regions whose national formats phone numbers without a country code are read in, most likely
 * first (project setting). A project that stored one region (before lists) has it first, then
 * the defaults; a project that stored nothing has `DEFAULT_PHONE_REGIONS`.
 */
export function phoneRegions(db: Db): CountryCode[] {
  const listed = knownRegions(setting(db, PHONE_REGIONS_KEY));
  if (listed.length > 0) return listed;
  const legacy = setting(db, LEGACY_PHONE_REGION_KEY);
  if (typeof legacy === 'string' && isSupportedCountry(legacy))
    return [legacy, ...DEFAULT_PHONE_REGIONS.filter((r) => r !== legacy)].slice(0, MAX_PHONE_REGIONS);
  return [...DEFAULT_PHONE_REGIONS];
}

/**
 * Validates (trimmed, upper-cased, each once in the order given, 1..MAX_PHONE_REGIONS regions
 * libphonenumber knows; otherwise an error naming the bad codes), then stores the list.
 */
export function setPhoneRegions(db: Db, regions: readonly string[]): CountryCode[] {
  const codes = [...new Set(regions.map((r) => r.trim().toUpperCase()).filter((r) => r !== ''))];
  const unknown = codes.filter((c) => !isSupportedCountry(c));
  if (unknown.length > 0) {
    const named = unknown.map((c) => `"${c}"`).join(', ');
    throw new DocketError(
      'invalid_region',
      `${named} ${unknown.length === 1 ? 'is not a region' : 'are not regions'} libphonenumber knows; type two-letter country codes separated by spaces, such as US GB DE.`,
    );
  }
  if (codes.length === 0) throw new DocketError('invalid_region', 'No phone region given; type at least one two-letter country code, such as US.');
  if (codes.length > MAX_PHONE_REGIONS) {
    throw new DocketError(
      'invalid_region',
      `${codes.length} phone regions given; list at most ${MAX_PHONE_REGIONS}, most likely first (each one slows detection).`,
    );
  }
  const after = codes as CountryCode[];
  return writeTransaction(db, () => {
    const before = phoneRegions(db);
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      PHONE_REGIONS_KEY,
      JSON.stringify(after),
    );
    db.prepare('DELETE FROM settings WHERE key = ?').run(LEGACY_PHONE_REGION_KEY);
    audit.append(db, { actor: 'human', action: 'phone_regions.update', entity: 'setting', entityId: null, before, after });
    return after;
  });
}
