// `npm run bench -- ui`: the real renderer in Debian's Chromium against the real core.
//   - opens a 1 MB document carrying 5,000 spans: time from click to the rendered view, and
//     frame times while scrolling through it
//   - scrolls a 10,000-row documents table top to bottom: frame times
// Frame times come from requestAnimationFrame in the page: p50/p95/max, and frames over 50 ms.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import * as spans from '../src-main/core/store/queries/spans.ts';
import { browserMissing, openSession } from '../test/e2e/harness.ts';
import { routerCaller } from '../test/unit/core/api/router-session.ts';

/** Scrolls `selector` to its end in fixed steps, one per frame; returns the frame intervals. */
async function scrollFrames(page: Page, selector: string, step: number): Promise<number[]> {
  return page.evaluate(
    ({ selector, step }) =>
      new Promise<number[]>((resolve) => {
        // Looked up each frame: a re-render may replace the element.
        const el = () => document.querySelector<HTMLElement>(selector)!;
        el().scrollTop = 0;
        const frames: number[] = [];
        let last = performance.now();
        const tick = (now: number) => {
          frames.push(now - last);
          last = now;
          const e = el();
          if (e.scrollTop + e.clientHeight >= e.scrollHeight - 1 || frames.length > 3000) return resolve(frames.slice(1));
          e.scrollTop += step;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { selector, step },
  );
}

function summary(frames: number[]): string {
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  return `${frames.length} frames: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${sorted.at(-1)!.toFixed(1)} ms, ${frames.filter((f) => f > 50).length} over 50 ms`;
}

export async function benchUi(): Promise<void> {
  const missing = browserMissing();
  if (missing) {
    console.log(`ui: skipped: ${missing}`);
    return;
  }
  const s = await openSession();
  try {
    const { call, runJob } = routerCaller(s.core.router);
    await call('project:file.create', { path: join(s.work, 'bench.docket') });

    // A 1 MB memo and a 10,000-row CSV.
    const line = 'On Monday Ana García of Globex wrote to the committee about the budget for Berlin. ';
    const big = Array.from({ length: Math.ceil((1024 * 1024) / line.length) }, (_, i) => line + (i % 6 === 5 ? '\n' : '')).join('');
    writeFileSync(join(s.work, 'big-memo.txt'), big);
    writeFileSync(join(s.work, 'rows.csv'), 'text\n' + Array.from({ length: 10_000 }, (_, i) => `Row ${i}: ${line}`).join('\n') + '\n');
    const report = (await runJob('documents:import.start', { paths: [join(s.work, 'big-memo.txt'), join(s.work, 'rows.csv')], csvColumn: 'text' })).result as {
      documentIds: number[];
    };
    const bigId = report.documentIds[0]!;
    const db = s.core.app.db();
    const names = ['PERSON', 'ORG', 'LOC', 'DATE'];
    const found = [...big.matchAll(/Ana García|Globex|Berlin|Monday/g)].slice(0, 5000);
    db.transaction(() =>
      spans.insertMany(
        db,
        found.map((m, i) => ({
          documentId: bigId,
          start: m.index,
          end: m.index + m[0].length,
          label: names[i % 4]!,
          score: 0.5 + (i % 50) / 100,
          source: 'model' as const,
          sourceName: 'bench',
          runId: null,
        })),
      ),
    )();

    const page = s.page;
    await page.reload(); // the page opened before the project existed: start it afresh
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid=documents-total]')?.textContent?.startsWith('10,001') &&
        document.querySelector('[data-testid=documents-row] .name') !== null,
    );
    console.log(
      `ui: 1 MB document (${big.length.toLocaleString('en')} characters) with ${found.length.toLocaleString('en')} spans; 10,001 documents in the table`,
    );

    const table = await scrollFrames(page, '[data-testid=documents-scroll]', 400);
    console.log(`  documents table, scrolled top to bottom 400 px per frame: ${summary(table)}`);

    await page.getByTestId('search-input').fill('big-memo');
    await page.waitForFunction(() => document.querySelector('[data-testid=documents-total]')?.textContent?.startsWith('1 '));
    const opened = await page.evaluate(async () => {
      const t0 = performance.now();
      (document.querySelector('[data-testid=documents-row]') as HTMLElement).click();
      for (;;) {
        const mark = performance.getEntriesByName('docket:document-view:rendered').at(-1);
        if (mark) {
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
          return { toMark: mark.startTime - t0, toPaint: performance.now() - t0, marks: document.querySelectorAll('mark').length };
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    console.log(
      `  open document: rendered in ${opened.toMark.toFixed(0)} ms from the click (${opened.toPaint.toFixed(0)} ms to the next frame), ${opened.marks} span marks live in the DOM at first`,
    );
    const doc = await scrollFrames(page, '[data-testid=document-text]', 600);
    const live = await page.evaluate(() => document.querySelectorAll('mark').length);
    console.log(`  document text, scrolled to the end 600 px per frame: ${summary(doc)}; ${live.toLocaleString('en')} marks live after`);
    const click = await page.evaluate(async () => {
      const mark = [...document.querySelectorAll<HTMLElement>('mark')].at(-1)!;
      const t0 = performance.now();
      mark.click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      return performance.now() - t0;
    });
    console.log(`  select a span near the end: next frame after ${click.toFixed(1)} ms`);
    if (s.problems.length) console.log(`  console errors: ${s.problems.join(' | ')}`);
  } finally {
    await s.close();
  }
}

if (import.meta.main) await benchUi();
