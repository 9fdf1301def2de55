import type { Stats } from '../../model/stats.ts';
import type { Db } from '../database.ts';
import * as tallies from './tallies.ts';

// Where the batch stands: documents, decisions by status per kind ("span.accepted", …, plus
// totals "accepted"/"rejected"/"proposed"), and per label its count and a 10-bin confidence
// histogram ([0,0.1) … [0.9,1.0]). Rejected proposals are not labels, so they are not counted
// per label; items without a score (human) count but sit in no bin. All of it comes from the
// tallies the store keeps as rows change: the same few rows at any size.

export const BINS = 10;

export function summary(db: Db): Stats {
  let documents = 0;
  const byStatus: Record<string, number> = { proposed: 0, accepted: 0, rejected: 0 };
  for (const kind of ['span', 'label']) for (const status of ['proposed', 'accepted', 'rejected']) byStatus[`${kind}.${status}`] = 0;
  const perLabel = new Map<string, Stats['labels'][number]>();
  for (const t of tallies.all(db)) {
    if (t.kind === 'document') {
      documents += t.n;
      continue;
    }
    byStatus[`${t.kind}.${t.status}`] = (byStatus[`${t.kind}.${t.status}`] ?? 0) + t.n;
    byStatus[t.status] = (byStatus[t.status] ?? 0) + t.n;
    if (t.status === 'rejected') continue;
    const key = `${t.kind}\u0000${t.label}`;
    const entry = perLabel.get(key) ?? perLabel.set(key, { label: t.label, kind: t.kind, count: 0, histogram: new Array<number>(BINS).fill(0) }).get(key)!;
    entry.count += t.n;
    if (t.bin >= 0) entry.histogram[t.bin]! += t.n;
  }
  // Spans first, then document labels; each by count, most first, then by name.
  const order = (kind: string) => (kind === 'span' ? 0 : 1);
  const labels = [...perLabel.values()].sort(
    (a, b) => order(a.kind) - order(b.kind) || b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
  return { documents, byStatus, labels };
}
