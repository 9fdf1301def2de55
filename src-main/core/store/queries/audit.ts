import type { Db } from '../database.ts';
import { now } from '../clock.ts';
import { prepared } from '../statements.ts';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
  groupId?: string | null;
}

export interface AuditRow extends AuditEntry {
  id: number;
  at: string;
  groupId: string | null;
}

/** Appends one change. Call it inside the same transaction as the change it records. */
export function append(db: Db, entry: AuditEntry): number {
  // Cached: an import appends one entry per document (200,000 for a large CSV).
  const info = prepared(db, `INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after, group_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
    now(),
    entry.actor,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
    entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
    entry.groupId ?? null,
  );
  return Number(info.lastInsertRowid);
}

interface RawAuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  before: string | null;
  after: string | null;
  group_id: string | null;
}

function toAudit(row: RawAuditRow): AuditRow {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
    groupId: row.group_id,
  };
}

export function* iterate(db: Db): Generator<AuditRow> {
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate()) yield toAudit(row as RawAuditRow);
}

/** A group's entries newest first, `size` at a time: an undo of 100,000 changes holds one chunk. */
export function* byGroupNewestFirst(db: Db, groupId: string, size: number): Generator<AuditRow[]> {
  const next = prepared(db, 'SELECT * FROM audit_log WHERE group_id = ? AND id < ? ORDER BY id DESC LIMIT ?');
  for (let before = Number.MAX_SAFE_INTEGER; ;) {
    const rows = (next.all(groupId, before, size) as RawAuditRow[]).map(toAudit);
    if (rows.length === 0) return;
    yield rows;
    before = rows.at(-1)!.id;
  }
}

/** Appends many changes with one prepared statement (bulk edits); same rows as append(). */
export function appendMany(db: Db, entries: readonly AuditEntry[]): void {
  const statement = prepared(db, `INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after, group_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const at = now();
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  for (const e of entries) statement.run(at, e.actor, e.action, e.entity, e.entityId, json(e.before), json(e.after), e.groupId ?? null);
}
