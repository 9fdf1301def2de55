import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import type { PatternRule } from '../../api/contract.ts';
import { DEFAULT_PHONE_REGION, validateRule, type PatternRuleInput } from '../../detect/index.ts';
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
    if (input.id !== undefined && !before) throw new DocketError('not_found', `Pattern rule ${input.id} does not exist (deleted elsewhere?); reload the rules.`);
    let id = input.id;
    if (id === undefined) {
      id = Number(
        db.prepare('INSERT INTO pattern_rules (kind, label, pattern, flags, enabled) VALUES (?, ?, ?, ?, ?)').run(rule.kind, rule.label, rule.pattern, rule.flags, input.enabled ? 1 : 0)
          .lastInsertRowid,
      );
    } else {
      db.prepare('UPDATE pattern_rules SET kind = ?, label = ?, pattern = ?, flags = ?, enabled = ? WHERE id = ?').run(rule.kind, rule.label, rule.pattern, rule.flags, input.enabled ? 1 : 0, id);
    }
    const after = get(db, id)!;
    audit.append(db, { actor: 'human', action: before ? 'pattern_rule.update' : 'pattern_rule.create', entity: 'setting', entityId: id, before: before ?? null, after });
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

const PHONE_REGION_KEY = 'detect.phoneRegion';

/** Region for phone numbers written without a country code (project setting, default US). */
export function phoneRegion(db: Db): CountryCode {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(PHONE_REGION_KEY) as { value: string } | undefined;
  const value = row ? (JSON.parse(row.value) as string) : DEFAULT_PHONE_REGION;
  return isSupportedCountry(value) ? value : DEFAULT_PHONE_REGION;
}

export function setPhoneRegion(db: Db, region: string): CountryCode {
  const code = region.trim().toUpperCase();
  if (!isSupportedCountry(code)) throw new DocketError('invalid_region', `"${region}" is not a region libphonenumber knows; use a two-letter country code such as US, GB or DE.`);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(PHONE_REGION_KEY, JSON.stringify(code));
  return code;
}
