import type { Statement } from 'better-sqlite3';
import type { Db } from './database.ts';

// Prepared statements reused per connection: bulk edits (accept 50,000 proposals, undo them)
// would otherwise spend most of their time re-preparing the same few statements.
const cache = new WeakMap<Db, Map<string, Statement>>();

export function prepared(db: Db, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
