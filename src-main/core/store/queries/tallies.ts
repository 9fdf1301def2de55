import type { Db } from '../database.ts';
import { prepared } from '../statements.ts';

// The counts the views show, read from the tallies migration 007's triggers keep: a few dozen
// rows whatever the size of the project, instead of a count(*) over every span or document.

export interface Tally {
  kind: 'span' | 'label' | 'document';
  label: string;
  status: string;
  /** Score bin 0-9 ([0,0.1) … [0.9,1.0]), -1 for no score. */
  bin: number;
  n: number;
}

export function all(db: Db): Tally[] {
  return prepared(db, 'SELECT kind, label, status, bin, n FROM tallies WHERE n > 0 ORDER BY kind, label, status, bin').all() as Tally[];
}

export function documents(db: Db): number {
  return (prepared(db, "SELECT coalesce(sum(n), 0) AS n FROM tallies WHERE kind = 'document'").get() as { n: number }).n;
}

/** Spans and document labels with this status. */
export function items(db: Db, status: string): number {
  return (prepared(db, "SELECT coalesce(sum(n), 0) AS n FROM tallies WHERE kind IN ('span', 'label') AND status = ?").get(status) as { n: number }).n;
}
