// The view figures recomputed from the rows themselves, in JS (not the migration's SQL), to
// compare with what the triggers kept.
import type { Db } from '../../../../src-main/core/store/database.ts';

interface Item {
  document_id: number;
  label: string;
  status: string;
  score: number | null;
  id: number;
}

export interface Figures {
  document_id: number;
  span_count: number;
  span_min: number | null;
  label_min: number | null;
  top_score: number | null;
  top_label: string | null;
  min_confidence: number | null;
}

const lowest = (xs: Array<number | null>) => xs.filter((x): x is number => x !== null).reduce<number | null>((m, x) => (m === null || x < m ? x : m), null);

export function figuresRecomputed(db: Db): Figures[] {
  const spans = db.prepare('SELECT id, document_id, label, status, score FROM spans').all() as Item[];
  const labels = db.prepare('SELECT id, document_id, label, status, score FROM doc_labels').all() as Item[];
  const ids = (db.prepare('SELECT id FROM documents ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
  return ids.map((id) => {
    const own = spans.filter((s) => s.document_id === id);
    const ownLabels = labels.filter((l) => l.document_id === id);
    const live = ownLabels.filter((l) => l.status !== 'rejected').sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || a.id - b.id);
    const spanMin = lowest(own.filter((s) => s.status === 'proposed').map((s) => s.score));
    const labelMin = lowest(ownLabels.filter((l) => l.status === 'proposed').map((l) => l.score));
    const topScore = live.length ? lowest(live.map((l) => (l.score === null ? null : -l.score))) : null;
    return {
      document_id: id,
      span_count: own.filter((s) => s.status !== 'rejected').length,
      span_min: spanMin,
      label_min: labelMin,
      top_score: topScore === null ? null : -topScore,
      top_label: live[0]?.label ?? null,
      min_confidence: lowest([spanMin, labelMin]),
    };
  });
}

export function talliesRecomputed(db: Db): Array<{ kind: string; label: string; status: string; bin: number; n: number }> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const bin = (score: number | null) => (score === null ? -1 : Math.max(0, Math.min(Math.floor(score * 10), 9)));
  for (const [kind, table] of [
    ['span', 'spans'],
    ['label', 'doc_labels'],
  ]) {
    for (const r of db.prepare(`SELECT label, status, score FROM ${table}`).all() as Item[]) add(JSON.stringify([kind, r.label, r.status, bin(r.score)]));
  }
  for (const r of db.prepare('SELECT status FROM documents').all() as Array<{ status: string }>) add(JSON.stringify(['document', '', r.status, -1]));
  return [...counts.entries()]
    .map(([key, n]) => {
      const [kind, label, status, b] = JSON.parse(key) as [string, string, string, number];
      return { kind, label, status, bin: b, n };
    })
    .sort((a, b) =>
      a.kind + a.label + a.status < b.kind + b.label + b.status ? -1 : a.kind + a.label + a.status > b.kind + b.label + b.status ? 1 : a.bin - b.bin,
    );
}

/** What the triggers kept, in the same shapes. */
export function stored(db: Db): { tallies: ReturnType<typeof talliesRecomputed>; figures: Figures[] } {
  const tallies = db.prepare('SELECT kind, label, status, bin, n FROM tallies WHERE n <> 0').all() as ReturnType<typeof talliesRecomputed>;
  tallies.sort((a, b) =>
    a.kind + a.label + a.status < b.kind + b.label + b.status ? -1 : a.kind + a.label + a.status > b.kind + b.label + b.status ? 1 : a.bin - b.bin,
  );
  const figures = db
    .prepare('SELECT document_id, span_count, span_min, label_min, top_score, top_label, min_confidence FROM document_figures ORDER BY document_id')
    .all() as Figures[];
  return { tallies, figures };
}

/** The undo history's action groups, from every audit entry, as history.ts once grouped them. */
export function historyGroupsRecomputed(db: Db): unknown[] {
  return db
    .prepare(
      `SELECT group_id, MIN(id) AS first_id,
              MAX(CASE WHEN entity = 'history' THEN action END) AS marker,
              MAX(CASE WHEN entity = 'history' THEN json_extract(after, '$.target') END) AS target
         FROM audit_log WHERE actor = 'human' AND group_id IS NOT NULL AND entity IN ('span', 'doc_label', 'history')
        GROUP BY group_id ORDER BY 2`,
    )
    .all();
}

export function historyGroupsStored(db: Db): unknown[] {
  return db.prepare('SELECT group_id, first_id, marker, target FROM history_groups ORDER BY first_id').all();
}
