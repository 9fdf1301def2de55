import type { RunSummary } from '../../api/contract.ts';
import type { Db } from '../database.ts';
import { now } from '../clock.ts';

interface RunRow {
  id: number;
  task: string;
  model: string | null;
  params: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  docs_total: number;
  docs_done: number;
  counts: string;
  error: string | null;
}

function toRun(row: RunRow): RunSummary & { params: Record<string, unknown> } {
  return {
    id: row.id,
    task: row.task,
    model: row.model,
    params: JSON.parse(row.params) as Record<string, unknown>,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    docsTotal: row.docs_total,
    docsDone: row.docs_done,
    counts: JSON.parse(row.counts) as Record<string, number>,
    error: row.error,
  };
}

export function create(db: Db, run: { task: string; model: string | null; params: unknown; docsTotal: number }): number {
  const info = db
    .prepare('INSERT INTO runs (task, model, params, status, started_at, docs_total) VALUES (?, ?, ?, ?, ?, ?)')
    .run(run.task, run.model, JSON.stringify(run.params ?? {}), 'running', now(), run.docsTotal);
  return Number(info.lastInsertRowid);
}

export function get(db: Db, id: number) {
  const row = db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
  return row && toRun(row);
}

export function list(db: Db) {
  return (db.prepare('SELECT * FROM runs ORDER BY id DESC').all() as RunRow[]).map(toRun);
}

/** Marks one document finished in a run; call in the transaction that stores its results. */
export function markDocumentDone(db: Db, runId: number, documentId: number, outputs: unknown): void {
  db.prepare('INSERT OR REPLACE INTO run_documents (run_id, document_id, done_at, outputs) VALUES (?, ?, ?, ?)').run(
    runId,
    documentId,
    now(),
    outputs === undefined ? null : JSON.stringify(outputs),
  );
  db.prepare('UPDATE runs SET docs_done = (SELECT count(*) FROM run_documents WHERE run_id = ?) WHERE id = ?').run(runId, runId);
}

export function doneDocumentIds(db: Db, runId: number): Set<number> {
  const rows = db.prepare('SELECT document_id FROM run_documents WHERE run_id = ?').all(runId) as Array<{ document_id: number }>;
  return new Set(rows.map((r) => r.document_id));
}

export function finish(db: Db, id: number, status: 'completed' | 'cancelled' | 'failed' | 'interrupted', counts: Record<string, number>, error?: string): void {
  db.prepare('UPDATE runs SET status = ?, finished_at = ?, counts = ?, error = ? WHERE id = ?').run(
    status,
    now(),
    JSON.stringify(counts),
    error ?? null,
    id,
  );
}
