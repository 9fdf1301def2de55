// Results of many small items (one document's proposals and its done mark each) committed
// together: one write transaction per batch, not per item. A commit (BEGIN IMMEDIATE, the WAL
// pages it writes, COMMIT) cost more than detecting a short document: over 200,000 CSV rows,
// per-document transactions were most of a pattern run. Each item is still written whole inside
// one transaction, so a crash or a cancel leaves every item either fully stored or not at all.
import { writeTransaction, type Db } from '../store/database.ts';

export interface BatchLimits {
  /**
   * A batch closes after this much work (ms since the last commit): progress, the event loop (a
   * cancel from the app arrives there) and other writers never wait longer than about this.
   */
  ms: number;
  /** ...or at this many items: bounds what is held in memory and written in one transaction. */
  items: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { ms: 50, items: 1_000 };

export class BatchCommit<T, R> {
  #pending: T[] = [];
  #since = performance.now();
  readonly #db: Db;
  readonly #write: (item: T) => R;
  readonly #limits: BatchLimits;

  /** `write` stores one item; it runs inside the batch's transaction. */
  constructor(db: Db, write: (item: T) => R, limits: BatchLimits = DEFAULT_BATCH_LIMITS) {
    this.#db = db;
    this.#write = write;
    this.#limits = limits;
  }

  /** Queues one item's results; true when the batch is full and should be committed now. */
  add(item: T): boolean {
    this.#pending.push(item);
    return this.#pending.length >= this.#limits.items || performance.now() - this.#since >= this.#limits.ms;
  }

  /**
   * Writes every queued item in one transaction; returns what `write` returned for each. The queue
   * is emptied first: when the transaction fails it is rolled back whole (none of its items is
   * stored) and a later commit does not try them again.
   */
  commit(): R[] {
    const items = this.#pending;
    this.#pending = [];
    this.#since = performance.now();
    return items.length === 0 ? [] : writeTransaction(this.#db, () => items.map((item) => this.#write(item)));
  }
}
