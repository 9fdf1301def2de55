// `npm run bench -- lag`: how the process that answers the UI (Electron main, `docket serve`)
// fares while heavy work runs: an import of 5,000 files, a pattern run over 10 MB, a 200-page
// redacted export. Each job runs twice, as the app runs it (in a job process) and in the
// answering process itself (as Docket did before), side by side. Printed: event-loop delay
// (p50/p99/max) and how long a request (labels:list.get, sent every 25 ms) took to be answered.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { JobFinished } from '../src-main/core/api/contract.ts';
import { jobKinds, type JobKind } from '../src-main/core/jobs/job-kinds.ts';
import { routerSession } from '../test/unit/core/api/router-session.ts';
import { makePdf } from './export.ts';

const MEMO = [
  'The committee met on 2024-03-14 to review the quarterly budget and the travel policy.',
  'Write to ana.garcia@globex.example or call +1 415 555 0132 before Friday.',
  'Refund card 4111 1111 1111 1111 and transfer to GB82 WEST 1234 5698 7654 32 next week.',
  'Nothing sensitive in this line, only words about budgets, meetings and the weather.',
].join('\n');

interface Figures {
  lag: { p50: number; p99: number; max: number };
  answer: { p50: number; p99: number; max: number };
  seconds: number;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Runs `work` while sampling the event loop and answering a request every 25 ms. */
async function measure(ping: () => Promise<unknown>, work: () => Promise<unknown>): Promise<Figures> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  const answers: number[] = [];
  let running = true;
  const pinger = (async () => {
    while (running) {
      const due = performance.now() + 25;
      await new Promise((r) => setTimeout(r, 25));
      await ping();
      answers.push(performance.now() - due); // waiting for the loop + answering
    }
  })();
  histogram.enable();
  const t0 = performance.now();
  await work();
  const seconds = (performance.now() - t0) / 1000;
  histogram.disable();
  running = false;
  await pinger;
  answers.sort((a, b) => a - b);
  const ms = (ns: number) => ns / 1e6;
  return {
    lag: { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) },
    answer: { p50: pct(answers, 50), p99: pct(answers, 99), max: answers.at(-1) ?? 0 },
    seconds,
  };
}

function files(dir: string, count: number, tag: string): string {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `${tag}-${i}.txt`), `Note ${tag} ${i}: write to person${i}@${tag}.example about the shipment.`);
  return dir;
}

export async function benchLag(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'docket-bench-lag-'));
  const s = routerSession('docket-bench-lag-', root);
  await s.call('project:file.create', { path: join(root, 'p.docket') });
  // The project: 10 MB of PII-dense memos and the 200-page PDF, with its names accepted as spans.
  const memos = join(root, 'memos');
  mkdirSync(memos);
  const memo = (MEMO + '\n').repeat(Math.ceil(10_240 / MEMO.length));
  for (let i = 0; i < 1000; i++) writeFileSync(join(memos, `memo-${i}.txt`), `Memo ${i}\n${memo}`);
  writeFileSync(join(root, 'report.pdf'), await makePdf());
  await s.runJob('documents:import.start', { paths: [memos, join(root, 'report.pdf')] });
  const db = s.app.db();
  const pdf = db.prepare("SELECT id, text FROM documents WHERE name = 'report.pdf'").get() as { id: number; text: string };
  const insert = db.prepare(
    "INSERT INTO spans (document_id, start, end, label, score, source, source_name, status, created_at, updated_at) VALUES (?, ?, ?, 'PER', NULL, 'human', '', 'accepted', '', '')",
  );
  for (const m of pdf.text.matchAll(/Person Number\d+x\d+/g)) insert.run(pdf.id, m.index, m.index + m[0].length);

  const ping = () => s.call('labels:list.get', {});
  const jobs: Array<{ name: string; channel: string; kind: JobKind; request: (mode: string) => unknown }> = [
    {
      name: 'import of 5,000 files',
      channel: 'documents:import.start',
      kind: 'import',
      request: (mode) => ({ paths: [files(join(root, `inbox-${mode}`), 5000, mode)] }),
    },
    { name: 'pattern run over 10 MB', channel: 'runs:job.start', kind: 'patterns', request: () => ({ task: 'patterns', restart: true }) },
    {
      name: '200-page redacted export',
      channel: 'export:job.start',
      kind: 'export',
      request: (mode) => ({
        format: 'pdf',
        outDir: join(root, `out-${mode}`),
        documentIds: [pdf.id],
        acceptResidual: ['EMAIL', 'PHONE', 'CARD', 'IBAN', 'DATE'],
        pixelCheck: false,
      }),
    },
  ];
  console.log('lag: the answering process while a job runs (event-loop delay; time to answer a request sent every 25 ms)');
  console.log('  job                        where              lag p50/p99/max ms    answer p50/p99/max ms   job s');
  const row = (name: string, where: string, f: Figures) =>
    console.log(
      `  ${name.padEnd(26)} ${where.padEnd(18)} ${[f.lag.p50, f.lag.p99, f.lag.max]
        .map((v) => v.toFixed(0))
        .join(' / ')
        .padEnd(21)} ${[f.answer.p50, f.answer.p99, f.answer.max]
        .map((v) => v.toFixed(0))
        .join(' / ')
        .padEnd(23)} ${f.seconds.toFixed(1)}`,
    );
  for (const job of jobs) {
    const inJob = await measure(ping, async () => {
      const end: JobFinished = await s.runJob(job.channel, job.request('process'));
      if (end.status !== 'completed') throw new Error(`${job.name}: ${end.error?.message}`);
    });
    row(job.name, 'job process (app)', inJob);
    const request = job.kind === 'patterns' ? { restart: true } : job.request('inline');
    const inline = await measure(ping, () =>
      (jobKinds[job.kind] as (db: unknown, r: unknown, j: unknown) => Promise<unknown>)(db, request, {
        jobId: 'bench',
        signal: new AbortController().signal,
        report: () => {},
      }),
    );
    row(job.name, 'same process', inline);
    console.log(`  ${''.padEnd(26)} p99 answer, same process / job process: ${(inline.answer.p99 / Math.max(1, inJob.answer.p99)).toFixed(1)}x`);
  }
  await s.app.close();
}

if (import.meta.main) await benchLag();
