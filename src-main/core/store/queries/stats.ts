import type { Stats } from '../../model/stats.ts';
import type { Db } from '../database.ts';

// Where the batch stands: documents, decisions by status per kind ("span.accepted", …, plus
// totals "accepted"/"rejected"/"proposed"), and per label its count and a 10-bin confidence
// histogram ([0,0.1) … [0.9,1.0]). Rejected proposals are not labels, so they are not counted
// per label; items without a score (human) count but sit in no bin.

export const BINS = 10;

export function summary(db: Db): Stats {
  const documents = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  const byStatus: Record<string, number> = { proposed: 0, accepted: 0, rejected: 0 };
  const labels: Stats['labels'] = [];
  for (const [kind, table] of [
    ['span', 'spans'],
    ['label', 'doc_labels'],
  ] as const) {
    for (const status of ['proposed', 'accepted', 'rejected']) byStatus[`${kind}.${status}`] = 0;
    for (const r of db.prepare(`SELECT status, count(*) AS n FROM ${table} GROUP BY status`).all() as Array<{ status: string; n: number }>) {
      byStatus[`${kind}.${r.status}`] = r.n;
      byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
    }
    const perLabel = new Map<string, Stats['labels'][number]>();
    for (const r of db.prepare(`SELECT label, count(*) AS n FROM ${table} WHERE status <> 'rejected' GROUP BY label ORDER BY n DESC, label`).all() as Array<{
      label: string;
      n: number;
    }>) {
      const entry = { label: r.label, kind, count: r.n, histogram: new Array<number>(BINS).fill(0) };
      perLabel.set(r.label, entry);
      labels.push(entry);
    }
    const bins = db
      .prepare(
        `SELECT label, MAX(0, MIN(CAST(score * ${BINS} AS INTEGER), ${BINS - 1})) AS bin, count(*) AS n
           FROM ${table} WHERE status <> 'rejected' AND score IS NOT NULL GROUP BY label, bin`,
      )
      .all() as Array<{ label: string; bin: number; n: number }>;
    for (const b of bins) perLabel.get(b.label)!.histogram[b.bin] = b.n;
  }
  return { documents, byStatus, labels };
}
