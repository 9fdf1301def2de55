// `npm run bench -- scale`: how Docket holds up as a project grows. For each size in
// BENCH_SCALE_SIZES (row counts, comma-separated; 10,000, 100,000 and 1,000,000 unless told), in a
// fresh temporary folder:
//   1. a CSV of support tickets, one row in four with an email or a phone number
//   2. imported into a new project file (time, peak RSS)
//   3. the pattern detectors run over it (time, spans found)
//   4. the project opened in the real app (real core, server, renderer build, Chromium): each
//      view timed from its tab's click to its data painted, opened twice; the documents table
//      scrolled to its middle and end, also sorted by Spans and by Lowest confidence
//   5. every proposal bulk-accepted and the acceptance undone (time, the core's peak RSS)
//   6. a JSONL export of every document (time, peak RSS, output size)
//   7. the project file's size, per 1,000 documents, against the CSV, and by part
// then tables of every size's figures. A step that fails is reported and the next goes on.
// At 1,000,000 rows expect 10-20 minutes and about 2 GB of temporary disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRenderer } from '../test/e2e/harness.ts';
import { benchApp } from './scale/app.ts';
import { buildProject } from './scale/build.ts';
import { benchExportAndSize } from './scale/export-size.ts';
import { errorText, fmt, type Figures } from './scale/figures.ts';
import { printSummary } from './scale/report.ts';

const DEFAULT_SIZES = '10000,100000,1000000';

export function scaleSizes(spec = process.env.BENCH_SCALE_SIZES ?? DEFAULT_SIZES): number[] {
  const sizes = spec
    .split(',')
    .map((s) => Number(s.trim().replaceAll('_', '')))
    .filter((n) => Number.isInteger(n) && n > 0);
  if (sizes.length === 0) throw new Error(`BENCH_SCALE_SIZES="${spec}" names no row count; write e.g. 10000,100000,1000000.`);
  return sizes;
}

async function benchSize(rows: number): Promise<Figures> {
  const f: Figures = { rows, views: {}, table: {} };
  const work = mkdtempSync(join(tmpdir(), 'docket-bench-scale-'));
  const started = performance.now();
  console.log(`scale: ${fmt.int(rows)} rows (in ${work})`);
  try {
    const project = join(work, 'scale.docket');
    await buildProject(join(work, 'tickets.csv'), project, f);
    if (f.documents) {
      await benchApp(project, f);
      await benchExportAndSize(project, join(work, 'export'), f);
    }
  } catch (error) {
    console.log(`  FAILED: ${errorText(error)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`  (${fmt.s((performance.now() - started) / 1000)} s for this size)`);
  return f;
}

export async function benchScale(sizes = scaleSizes()): Promise<void> {
  const all: Figures[] = [];
  try {
    for (const rows of sizes) all.push(await benchSize(rows));
  } finally {
    printSummary(all);
    // The renderer build the app sessions shared (built once per process) goes too.
    if (all.some((f) => f.loadMs !== undefined || f.openS !== undefined)) rmSync(await buildRenderer(), { recursive: true, force: true });
  }
}

if (import.meta.main) await benchScale();
