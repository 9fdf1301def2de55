import type { RunSummary } from '../../model/run.ts';
import type { Db } from '../database.ts';
import { hostname } from 'node:os';
import { now } from '../clock.ts';
import { prepared } from '../statements.ts';

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
  owner: string | null;
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

/** This process, as a run's owner: a run whose owner is gone was interrupted. */
const OWNER = `${hostname()}:${process.pid}`;

export interface RunSettings {
  task: string;
  model: string | null;
  params: unknown;
}

export function create(db: Db, run: RunSettings & { docsTotal: number }): number {
  const info = db
    .prepare('INSERT INTO runs (task, model, params, status, started_at, docs_total, owner) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(run.task, run.model, canonicalJson(run.params ?? {}), 'running', now(), run.docsTotal, OWNER);
  return Number(info.lastInsertRowid);
}

/** Keys sorted at every level: equal settings give equal text, whatever order they were built in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * Marks runs whose process is gone (killed, crashed, machine restarted) as interrupted. A run
 * owned by a live process of this machine, or by another machine, is left as it is.
 */
export function reconcile(db: Db): number {
  const running = db.prepare("SELECT id, owner FROM runs WHERE status = 'running'").all() as Array<{ id: number; owner: string | null }>;
  const gone = running.filter((r) => !ownerAlive(r.owner)).map((r) => r.id);
  const mark = db.prepare("UPDATE runs SET status = 'interrupted', finished_at = ? WHERE id = ? AND status = 'running'");
  for (const id of gone) mark.run(now(), id);
  return gone.length;
}

function ownerAlive(owner: string | null): boolean {
  if (!owner) return false;
  const at = owner.lastIndexOf(':');
  const host = owner.slice(0, at);
  const pid = Number(owner.slice(at + 1));
  if (host !== hostname()) return true; // cannot tell: never take another machine's run
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The run that running these settings again should continue: the latest run of this task and
 * model, when it has the same settings and stopped before finishing (interrupted or cancelled).
 * Runs whose process is gone are marked interrupted first, so a killed run is found here.
 */
export function resumable(db: Db, settings: RunSettings): (RunSummary & { params: Record<string, unknown> }) | undefined {
  reconcile(db);
  const row = db
    .prepare('SELECT * FROM runs WHERE task = ? AND model IS ? AND params = ? ORDER BY id DESC LIMIT 1')
    .get(settings.task, settings.model, canonicalJson(settings.params ?? {})) as RunRow | undefined;
  return row && (row.status === 'interrupted' || row.status === 'cancelled') ? toRun(row) : undefined;
}

/** Takes a stopped run back up in this process. */
export function resume(db: Db, id: number): void {
  db.prepare("UPDATE runs SET status = 'running', finished_at = NULL, error = NULL, owner = ? WHERE id = ?").run(OWNER, id);
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
  const json = outputs === undefined ? null : JSON.stringify(outputs);
  // Constant time: the count goes up by one for a new document, never by recounting the run.
  const added = prepared(db, 'INSERT OR IGNORE INTO run_documents (run_id, document_id, outputs) VALUES (?, ?, ?)').run(runId, documentId, json);
  if (added.changes > 0) prepared(db, 'UPDATE runs SET docs_done = docs_done + 1 WHERE id = ?').run(runId);
  else prepared(db, 'UPDATE run_documents SET outputs = ? WHERE run_id = ? AND document_id = ?').run(json, runId, documentId);
}

export function doneDocumentIds(db: Db, runId: number): Set<number> {
  const rows = db.prepare('SELECT document_id FROM run_documents WHERE run_id = ?').all(runId) as Array<{ document_id: number }>;
  return new Set(rows.map((r) => r.document_id));
}

export function finish(db: Db, id: number, status: 'completed' | 'cancelled' | 'failed' | 'interrupted', counts: Record<string, number>, error?: string): void {
  db.prepare('UPDATE runs SET status = ?, finished_at = ?, counts = ?, error = ? WHERE id = ?').run(status, now(), JSON.stringify(counts), error ?? null, id);
}
