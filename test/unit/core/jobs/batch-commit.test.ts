// Committing many small items together: batches closed by count or time, each one transaction.
import { describe, expect, it } from 'vitest';
import { BatchCommit } from '../../../../src-main/core/jobs/batch-commit.ts';
import { writeTransaction } from '../../../../src-main/core/store/database.ts';
import { createProject } from '../store/project-fixture.ts';

describe('BatchCommit', () => {
  it('asks for a commit at its item limit and writes each batch in one transaction', () => {
    const { db } = createProject();
    writeTransaction(db, () => db.exec('CREATE TABLE items (n INTEGER)'));
    const inTransaction: boolean[] = [];
    const batch = new BatchCommit(
      db,
      (n: number) => {
        inTransaction.push(db.inTransaction);
        db.prepare('INSERT INTO items (n) VALUES (?)').run(n);
        return n * 10;
      },
      { ms: Infinity, items: 3 },
    );
    expect([1, 2, 3].map((n) => batch.add(n))).toEqual([false, false, true]);
    expect(batch.commit()).toEqual([10, 20, 30]);
    expect(batch.add(4)).toBe(false);
    expect(batch.commit()).toEqual([40]);
    expect(batch.commit()).toEqual([]); // nothing queued: no transaction
    expect(inTransaction).toEqual([true, true, true, true]);
    expect(db.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: 4 });
  });

  it('asks for a commit once its time is spent', () => {
    const { db } = createProject();
    const batch = new BatchCommit(db, () => {}, { ms: 0, items: 1_000 });
    expect(batch.add(1)).toBe(true);
  });

  it('rolls a failed batch back whole and does not try its items again', () => {
    const { db } = createProject();
    writeTransaction(db, () => db.exec('CREATE TABLE items (n INTEGER CHECK (n < 3))'));
    const batch = new BatchCommit(db, (n: number) => db.prepare('INSERT INTO items (n) VALUES (?)').run(n), { ms: Infinity, items: 10 });
    for (const n of [1, 2, 3]) batch.add(n);
    expect(() => batch.commit()).toThrow(/CHECK constraint/);
    expect(db.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: 0 });
    expect(batch.commit()).toEqual([]);
  });
});
