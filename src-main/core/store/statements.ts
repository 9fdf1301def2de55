import type { Statement } from 'better-sqlite3';
import type { Db } from './database.ts';

// Prepared statements reused per connection: bulk edits (accept 50,000 proposals, undo them)
// would otherwise spend most of their time re-preparing the same few statements. And a
// statement prepared per document holds native memory V8 does not see until its object is
// collected: reading each of 200,000 documents through uncached statements grew an export to
// 4.6 GB. Anything run once per document or per row goes through here (fixed SQL only: the
// cache keeps every distinct text).
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
