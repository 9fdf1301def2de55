import type { AuditRow } from '../store/queries/audit.ts';

/** The audit log as JSON lines, oldest first, exactly as recorded (before/after as objects). */
export function* auditLines(rows: Iterable<AuditRow>): Generator<string> {
  for (const row of rows) {
    yield (
      JSON.stringify({
        id: row.id,
        at: row.at,
        actor: row.actor,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        groupId: row.groupId,
        before: row.before,
        after: row.after,
      }) + '\n'
    );
  }
}
