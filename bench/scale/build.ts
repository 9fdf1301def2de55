// Steps 1-3 of the scale bench: the tickets CSV, its import into a new project file and the
// pattern run over it, in this process with real SQLite, as the app's job process does them.
import { statSync } from 'node:fs';
import { runPatterns } from '../../src-main/core/detect/run-patterns.ts';
import { importPaths } from '../../src-main/core/ingest/import-job.ts';
import { openDatabase, type Db } from '../../src-main/core/store/database.ts';
import { writeCsv } from '../pattern-run.ts';
import { fmt, MB, step, type Figures } from './figures.ts';
import { measured } from './memory.ts';

/** One row in four gives an email or a phone number: 1,000,000 rows give 250,000 spans. */
export const CONTACT_EVERY = 4;

const quietJob = () => ({ signal: new AbortController().signal, report: () => {} });

/** Generates the CSV, imports it and runs the pattern detectors; the project file is closed after. */
export async function buildProject(csv: string, project: string, f: Figures): Promise<void> {
  const generated = await step('generate CSV', async () => {
    const t0 = performance.now();
    await writeCsv(csv, f.rows, { contactEvery: CONTACT_EVERY });
    f.generateS = (performance.now() - t0) / 1000;
    f.csvBytes = statSync(csv).size;
    console.log(`  CSV: ${fmt.mb(f.csvBytes)} MB written in ${fmt.s(f.generateS)} s (one row in ${CONTACT_EVERY} with an email or a phone number)`);
    return true;
  });
  if (!generated) return;

  let db: Db | undefined;
  try {
    db = await step('open new project', () => openDatabase(project, { create: true }));
    if (!db) return;
    const open = db;
    await step('import', async () => {
      const m = await measured(() => importPaths(open, { paths: [csv], csvColumn: 'text' }, quietJob()));
      f.importS = m.seconds;
      f.importPeakMb = m.peakMb;
      f.importGrowthMb = m.growthMb;
      f.documents = m.value.imported;
      const failed = m.value.failed.map((x) => x.reason).join('; ');
      console.log(
        `  import: ${fmt.s(m.seconds)} s, ${fmt.int(m.value.imported)} documents = ${((f.csvBytes ?? 0) / MB / m.seconds).toFixed(1)} MB/s;` +
          ` peak RSS ${m.peakMb} MB (+${m.growthMb} MB)${failed ? `; FAILED: ${failed}` : ''}`,
      );
    });
    await step('pattern run', async () => {
      const m = await measured(() => runPatterns(open, quietJob()));
      const run = m.value;
      f.runS = m.seconds;
      f.spans = run.counts.spans;
      const found = Object.entries(run.counts)
        .filter(([k]) => /^[A-Z_]+$/.test(k))
        .map(([k, v]) => `${k} ${fmt.int(v)}`)
        .join(', ');
      console.log(
        `  pattern run: ${fmt.s(m.seconds)} s, ${((m.seconds * 1000) / Math.max(1, run.docsDone)).toFixed(3)} ms per document, ` +
          `${fmt.int(run.counts.spans)} spans (${found}); ${run.status}; peak RSS ${m.peakMb} MB (+${m.growthMb} MB)`,
      );
    });
    await step('project size', () => {
      open.pragma('wal_checkpoint(TRUNCATE)');
      f.builtBytes = statSync(project).size;
      const ratio = f.csvBytes ? ` = ${(f.builtBytes / f.csvBytes).toFixed(2)} × the CSV` : '';
      console.log(`  project file after import and run: ${fmt.mb(f.builtBytes)} MB${ratio}`);
    });
  } finally {
    db?.close();
  }
}
