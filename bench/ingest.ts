// `npm run bench -- ingest`: imports 10,000 small text files, then one large CSV (100 MB by
// default; BENCH_CSV_MB to change), each into a fresh project, through the same import job the
// app runs. Prints files/s, MB/s and peak memory: memory must stay flat as inputs grow.
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { importPaths } from '../src-main/core/ingest/import-job.ts';
import { openDatabase } from '../src-main/core/store/database.ts';
import { watchMemory } from './peak-memory.ts';

const FILES = Number(process.env.BENCH_FILES ?? 10_000);
const CSV_MB = Number(process.env.BENCH_CSV_MB ?? 100);
const job = { signal: new AbortController().signal, report: () => {} };
const SENTENCE = 'The committee met on Monday to review the quarterly budget, and Ana García from Globex presented the figures. ';

async function writeCsv(path: string, megabytes: number): Promise<number> {
  const out = createWriteStream(path);
  out.write('id,text\n');
  let bytes = 0;
  for (let row = 1; bytes < megabytes * 1024 * 1024; row++) {
    const line = `${row},"${SENTENCE.repeat(1 + (row % 9))}Row ${row} says ""done"".\n"\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

async function timedImport(dir: string, paths: string[], options: { csvColumn?: string } = {}) {
  const db = openDatabase(join(dir, 'bench.docket'), { create: true });
  const memory = watchMemory();
  const t0 = performance.now();
  const report = await importPaths(db, { paths, ...options }, job);
  const seconds = (performance.now() - t0) / 1000;
  const mem = memory.stop();
  db.close();
  return { report, seconds, ...mem };
}

export async function benchIngest(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'docket-bench-ingest-'));
  try {
    const small = join(work, 'small');
    mkdirSync(small);
    let bytes = 0;
    for (let i = 0; i < FILES; i++) {
      const text = `Memo ${i}\n${SENTENCE.repeat(1 + (i % 7))}\n`;
      bytes += text.length;
      writeFileSync(join(small, `memo-${String(i).padStart(5, '0')}.txt`), text);
    }
    const a = await timedImport(join(work), [small]);
    console.log(`ingest: ${FILES.toLocaleString('en')} small TXT files (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
    console.log(
      `  ${a.report.imported.toLocaleString('en')} imported in ${a.seconds.toFixed(1)} s = ${(a.report.imported / a.seconds).toFixed(0)} files/s; peak RSS ${a.peakMb} MB (+${a.growthMb} MB over ${a.baselineMb} MB)`,
    );

    const csvDir = join(work, 'csv');
    mkdirSync(csvDir);
    const csvBytes = await writeCsv(join(csvDir, 'big.csv'), CSV_MB);
    const b = await timedImport(csvDir, [join(csvDir, 'big.csv')], { csvColumn: 'text' });
    const mb = csvBytes / 1024 / 1024;
    console.log(`ingest: one ${mb.toFixed(0)} MB CSV (quoted fields with commas and escaped quotes)`);
    console.log(
      `  ${b.report.imported.toLocaleString('en')} rows in ${b.seconds.toFixed(1)} s = ${(mb / b.seconds).toFixed(1)} MB/s, ${(b.report.imported / b.seconds).toFixed(0)} rows/s; peak RSS ${b.peakMb} MB (+${b.growthMb} MB over ${b.baselineMb} MB; bounded by caches, not by the file size)`,
    );
    if (a.report.failed.length || b.report.failed.length) {
      console.log(`  FAILED: ${[...a.report.failed, ...b.report.failed].map((f) => `${f.path}: ${f.reason}`).join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) await benchIngest();
