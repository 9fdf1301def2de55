// `node bench/pattern-run.ts [rows]`: a CSV of short support-ticket rows (~370 bytes each, an
// email or a phone number in every 10th row) imported through the app's import job into a fresh
// project, then the app's pattern run over every row (one document each), with real SQLite.
// Prints import and run time, MB/s and ms per document at 10,000, 50,000 and 200,000 rows:
// the time per document must stay flat as the project grows.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPatterns } from '../src-main/core/detect/run-patterns.ts';
import { importPaths } from '../src-main/core/ingest/import-job.ts';
import { openDatabase } from '../src-main/core/store/database.ts';
import { mulberry32 } from '../test/fixtures/seeded-random.ts';

const SIZES = [10_000, 50_000, 200_000];

const OPENINGS = ['Hello support team,', 'Hi there,', 'Good morning,', 'Dear customer service,', 'Hello again,', 'Hi,'];
const PROBLEMS = [
  'the invoice I received this month shows a charge for a plan we cancelled last quarter.',
  'the mobile app logs me out every time I switch between the inbox and the settings page.',
  'our team cannot export the weekly report since the latest update, the button does nothing.',
  'the delivery was marked as complete but the parcel never arrived at our office reception.',
  'two of our users see an error about expired permissions when they open shared folders.',
  'the password reset email takes more than an hour to arrive, if it arrives at all.',
  'the dashboard loads very slowly in the afternoon and sometimes shows an empty chart.',
  'I was charged twice for the same order and would like one of the payments refunded.',
];
const DETAILS = [
  'We already tried clearing the cache and signing in again, without any change.',
  'This started after the maintenance window announced in your newsletter.',
  'It happens on both the desktop client and the browser version.',
  'Several colleagues in the finance department report the same behaviour.',
  'A screenshot is attached in case it helps your engineers.',
  'Nothing in our own configuration changed during that time.',
];
const CLOSINGS = [
  'Could you look into this as soon as possible? Thanks in advance.',
  'Please let me know if you need anything else from our side.',
  'Looking forward to a quick answer, this blocks our month end.',
  'Thank you for your help, kind regards.',
];
const PRIORITIES = ['low', 'normal', 'high'];
const FIRST = ['ana', 'jon', 'mei', 'omar', 'lena', 'raj', 'sofia', 'tom', 'ines', 'kofi'];
const LAST = ['garcia', 'smith', 'chen', 'haddad', 'novak', 'patel', 'rossi', 'berg', 'silva', 'mensah'];

/**
 * One ticket's text; one row in every `contactEvery` (every 10th unless told) also gives an email
 * address or a (US) phone number, the two taking turns.
 */
export function ticket(row: number, random: () => number, contactEvery = 10): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  let text = `${pick(OPENINGS)} ${pick(PROBLEMS)} ${pick(DETAILS)}`;
  if (row % contactEvery === 0) {
    text +=
      (row / contactEvery) % 2 === 0
        ? ` You can reach me at ${pick(FIRST)}.${pick(LAST)}${row % 97}@example.com for details.`
        : ` Call me on (201) 555-01${String(Math.floor(random() * 100)).padStart(2, '0')} if easier.`;
  }
  while (text.length < 260) text += ` ${pick(DETAILS)}`;
  return `${text} ${pick(CLOSINGS)}`;
}

/** Writes `rows` tickets as a CSV (id, priority, text); `contactEvery` as in ticket(). */
export async function writeCsv(path: string, rows: number, options: { contactEvery?: number } = {}): Promise<void> {
  const random = mulberry32(20240501); // the same CSV on every run
  const out = createWriteStream(path);
  out.write('id,priority,text\n');
  for (let row = 1; row <= rows; row++) {
    const line = `T-${row},${PRIORITIES[Math.floor(random() * 3)]},"${ticket(row, random, options.contactEvery).replaceAll('"', '""')}"\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function benchSize(rows: number): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'docket-bench-pattern-run-'));
  try {
    const csv = join(work, 'tickets.csv');
    await writeCsv(csv, rows);
    const mb = statSync(csv).size / 1024 / 1024;
    const db = openDatabase(join(work, 'bench.docket'), { create: true });
    try {
      // How often the run reports progress (and yields): once per batch, not once per document.
      let reports = 0;
      const job = { signal: new AbortController().signal, report: () => void reports++ };
      const t0 = performance.now();
      const imported = await importPaths(db, { paths: [csv], csvColumn: 'text' }, job);
      const importSeconds = (performance.now() - t0) / 1000;
      if (imported.failed.length) throw new Error(`import failed: ${imported.failed.map((f) => f.reason).join('; ')}`);
      reports = 0;
      const t1 = performance.now();
      const run = await runPatterns(db, job);
      const runSeconds = (performance.now() - t1) / 1000;
      const found = Object.entries(run.counts)
        .filter(([k]) => /^[A-Z_]+$/.test(k))
        .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
        .join(', ');
      console.log(`pattern run: ${rows.toLocaleString('en')} rows, ${mb.toFixed(1)} MB CSV`);
      console.log(`  import ${importSeconds.toFixed(1)} s = ${(mb / importSeconds).toFixed(1)} MB/s (${imported.imported.toLocaleString('en')} documents)`);
      console.log(
        `  run    ${runSeconds.toFixed(1)} s = ${(mb / runSeconds).toFixed(1)} MB/s, ${((runSeconds * 1000) / run.docsDone).toFixed(3)} ms per document, storage included` +
          ` (${run.status}; ${run.counts.spans?.toLocaleString('en')} spans: ${found}; ${reports.toLocaleString('en')} progress reports)`,
      );
    } finally {
      db.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function benchPatternRun(sizes: readonly number[] = SIZES): Promise<void> {
  for (const rows of sizes) await benchSize(rows);
}

if (import.meta.main) {
  // `node bench/pattern-run.ts 200000`: that size alone.
  const only = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  await benchPatternRun(only.length ? only : SIZES);
}
