// Steps 6-7 of the scale bench: a JSONL export of every document through the export job's own
// entry (runExport over the store reader), in a process of its own as in the app, so its peak RSS
// is the export's; then the project file's size, checkpointed, and what takes the room in it.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../src-main/core/store/database.ts';
import { fmt, MB, step, type Figures } from './figures.ts';

function folderBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

/** Which part of the project a table or index belongs to, by the table it is on. */
function part(table: string): string {
  if (/fts/i.test(table)) return 'full-text index';
  if (table === 'audit_log' || table === 'history_groups') return 'audit log';
  if (table === 'documents') return 'documents';
  if (table === 'document_figures') return 'document figures';
  if (table === 'blob_chunks' || table === 'blobs') return 'original bytes';
  if (table === 'spans') return 'spans';
  if (table === 'doc_labels') return 'document labels';
  if (table === 'pages' || table === 'ocr_pages') return 'pages';
  if (table === 'runs' || table === 'run_documents') return 'runs';
  if (table.startsWith('sqlite_') || /^(label_sets|labels|label_mappings|pattern_rules|settings|tallies)$/.test(table)) return 'schema, labels, settings';
  return table;
}

function breakdown(db: Db): Array<[string, number]> {
  const tableOf = new Map(
    (db.prepare('SELECT name, tbl_name FROM sqlite_master').all() as Array<{ name: string; tbl_name: string }>).map((r) => [r.name, r.tbl_name]),
  );
  let rows: Array<{ name: string; bytes: number }>;
  try {
    rows = db.prepare('SELECT name, pgsize AS bytes FROM dbstat WHERE aggregate = TRUE').all() as typeof rows;
  } catch {
    rows = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as typeof rows;
  }
  const parts = new Map<string, number>();
  for (const r of rows) {
    const name = part(tableOf.get(r.name) ?? r.name);
    parts.set(name, (parts.get(name) ?? 0) + r.bytes);
  }
  return [...parts].sort((a, b) => b[1] - a[1]);
}

/** Exports to `outDir`, then measures the project file; the project is closed after. */
export async function benchExportAndSize(project: string, outDir: string, f: Figures): Promise<void> {
  const db = await step('open the project for export', () => openDatabase(project, { checked: true }));
  if (!db) return;
  try {
    await step('export', async () => {
      // In a process of its own, as the app's job process runs it: its peak is the export's.
      const child = spawnSync(process.execPath, [...process.execArgv, join(import.meta.dirname, 'export-process.ts'), project, outDir], {
        encoding: 'utf8',
        maxBuffer: 16 * MB,
      });
      if (child.status !== 0) throw new Error(`the export process exited ${child.status}: ${child.stderr.slice(-2000)}`);
      const m = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { seconds: number; ok: boolean; failures: string[]; startMb: number; peakMb: number };
      const out = folderBytes(outDir);
      f.exportS = m.seconds;
      f.exportPeakMb = m.peakMb;
      f.exportGrowthMb = m.peakMb - m.startMb;
      f.exportBytes = out.bytes;
      console.log(
        `  export JSONL (all documents, all statuses), in a process of its own: ${fmt.s(m.seconds)} s, ${fmt.mb(out.bytes)} MB in ${out.files} files, ` +
          `${(out.bytes / MB / m.seconds).toFixed(1)} MB/s; ok ${m.ok}; peak RSS ${m.peakMb} MB (${m.startMb} MB before the export)` +
          `${m.failures.length ? `; failures: ${m.failures.join('; ')}` : ''}`,
      );
    });
    await step('project size', () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      f.projectBytes = statSync(project).size;
      const per1000 = (f.projectBytes / (f.documents ?? f.rows) / MB) * 1000;
      const ratio = f.csvBytes ? ` = ${(f.projectBytes / f.csvBytes).toFixed(2)} × the CSV` : '';
      console.log(`  project file after the decisions too: ${fmt.mb(f.projectBytes)} MB, ${per1000.toFixed(2)} MB per 1,000 documents${ratio}`);
      f.breakdown = breakdown(db);
      const total = f.breakdown.reduce((sum, [, b]) => sum + b, 0);
      console.log(`    ${f.breakdown.map(([name, b]) => `${name} ${fmt.mb(b)} MB (${Math.round((100 * b) / total)}%)`).join(', ')}`);
    });
  } finally {
    db.close();
  }
}
