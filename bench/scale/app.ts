// Steps 4-5 of the scale bench: the project opened in the real app (real core in this process,
// real server, renderer build, Debian's Chromium), each view timed from its tab's click to its
// data rendered, the documents table scrolled and sorted, then a bulk accept of every proposal
// and its undo through the router.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserMissing, openSession } from '../../test/e2e/harness.ts';
import { routerCaller } from '../../test/unit/core/api/router-session.ts';
import { fmt, step, VIEWS, type Figures, type View } from './figures.ts';
import { measured } from './memory.ts';
import { clickUntil, scrollUntil, TIMEOUT_MS, type Condition, type Timing } from './page-timing.ts';

const FIRST_ROW = '[data-testid=documents-row][aria-rowindex="1"] .name';

/** What each view shows only once its data is in. */
export const READY: Record<View, { title: string; conditions: Condition[] }> = {
  documents: { title: 'Documents', conditions: [{ sel: FIRST_ROW }] },
  review: {
    title: 'Review',
    conditions: [{ sel: '[data-testid=review-item]' }, { sel: '[data-testid=bulk-count]', not: '…' }, { sel: '[data-testid=review-total]', not: '^0 ' }],
  },
  stats: { title: 'Statistics', conditions: [{ sel: '[data-testid=stats-row]' }, { sel: '[data-testid=stats-documents]' }] },
  run: { title: 'Run', conditions: [{ sel: '[data-testid=run-row]' }] },
  labels: { title: 'Labels', conditions: [{ sel: '[data-testid=label-row]' }, { sel: '[data-testid=phone-regions-current] code' }] },
  models: { title: 'Models', conditions: [{ sel: '[data-testid=catalog-row]' }, { sel: '[data-testid=model-row]' }] },
};

/** What the view shows, in a few words, for the log. */
async function describe(page: Page, view: View): Promise<string> {
  return page.evaluate((view) => {
    const text = (sel: string) => document.querySelector(sel)?.textContent?.trim() ?? '';
    const count = (sel: string) => document.querySelectorAll(sel).length;
    if (view === 'documents') return text('[data-testid=documents-total]');
    if (view === 'review')
      return `${text('[data-testid=review-total]')}, ${count('[data-testid=review-item]')} listed, ${text('[data-testid=bulk-count]')} ≥ 0.9`;
    if (view === 'stats') return `${text('[data-testid=stats-documents]')} documents, ${count('[data-testid=stats-row]')} labels`;
    if (view === 'run') return `${count('[data-testid=run-row]')} run(s), the first over ${text('[data-testid=run-row] td:nth-child(5)')} documents`;
    if (view === 'labels') return `${count('[data-testid=label-row]')} labels, phone regions ${text('[data-testid=phone-regions-current]')}`;
    return `${count('[data-testid=model-row]')} models, ${count('[data-testid=catalog-row]')} in the catalog`;
  }, view);
}

const shown = (t: Timing | null) => (t ? `${t.painted.toFixed(0)} ms (data in the DOM at ${t.dom.toFixed(0)} ms)` : `timed out after ${TIMEOUT_MS / 1000} s`);

async function views(page: Page, f: Figures): Promise<void> {
  // Tabs in this build (a view without one is left out).
  const tabs = await page.evaluate((names) => names.filter((n) => document.querySelector(`[data-testid=nav-${n}]`)), [...VIEWS]);
  const order = [...tabs.filter((t) => t !== 'documents'), ...tabs.filter((t) => t === 'documents')] as View[];
  for (let round = 0; round < 2; round++) {
    for (const view of order) {
      await step(`view ${view}`, async () => {
        const t = await clickUntil(page, { sel: `[data-testid=nav-${view}]` }, READY[view].conditions);
        (f.views[view] ??= []).push(t ? t.painted : null);
        if (round === 1) {
          const [first, second] = f.views[view]!;
          const says = t ? await describe(page, view) : 'timed out';
          console.log(`  ${READY[view].title.padEnd(10)} first ${fmt.ms(first).padStart(6)} ms, second ${fmt.ms(second).padStart(6)} ms  (${says})`);
        }
      });
    }
  }
}

/** Scrolls to the middle and the end, in the current order; `prefix` names the order. */
async function scrolls(page: Page, f: Figures, prefix: string): Promise<void> {
  for (const where of ['middle', 'end'] as const) {
    await step(`scroll ${prefix} ${where}`, async () => {
      const t = await scrollUntil(page, where);
      f.table[`${prefix} ${where}`] = t ? t.painted : null;
      console.log(
        `  table, ${prefix} order, scrolled to the ${where}: ${shown(t)}${t ? `, row ${fmt.int(t.row)} ${t.says}` : ''}${t?.clipped ? ` (${t.clipped})` : ''}`,
      );
    });
  }
}

async function table(page: Page, f: Figures): Promise<void> {
  await scrolls(page, f, 'import');
  for (const [column, key, direction] of [
    ['Spans', 'spans', 'descending'],
    ['Lowest confidence', 'lowest', 'ascending'],
  ] as const) {
    const sorted = await step(`sort by ${column}`, async () => {
      const conditions = [{ sel: `[role=columnheader][aria-sort=${direction}]`, text: column }, { sel: FIRST_ROW }];
      const t = await clickUntil(page, { sel: '[role=columnheader] button', text: column }, conditions);
      f.table[`sort ${key}`] = t ? t.painted : null;
      const cells = t
        ? await page.evaluate((sel) => [...document.querySelector(sel)!.parentElement!.children].map((c) => c.textContent?.trim()), FIRST_ROW)
        : [];
      console.log(`  table sorted by ${column} (${direction}): ${shown(t)}; first row ${cells.filter(Boolean).join(' | ')}`);
      return t !== null;
    });
    if (sorted) await scrolls(page, f, key);
  }
}

type Call = ReturnType<typeof routerCaller>['call'];

async function bulk(call: Call, page: Page, f: Figures): Promise<void> {
  // The models view does not reload on a change: the page stays quiet while the core works.
  await step('models tab', () => clickUntil(page, { sel: '[data-testid=nav-models]' }, READY.models.conditions));
  await step('bulk accept', async () => {
    const m = await measured(() => call<{ changed: number }>('annotations:bulk.accept', { minScore: 0 }));
    f.acceptS = m.seconds;
    f.accepted = m.value.changed;
    f.acceptPeakMb = m.peakMb;
    f.acceptGrowthMb = m.growthMb;
    console.log(`  bulk accept (minScore 0): ${fmt.s(m.seconds)} s, ${fmt.int(m.value.changed)} proposals; core peak RSS ${m.peakMb} MB (+${m.growthMb} MB)`);
  });
  await new Promise((r) => setTimeout(r, 500)); // the change event reaches the page
  await step('undo', async () => {
    const m = await measured(() => call<{ changed: boolean }>('annotations:history.undo', {}));
    f.undoS = m.seconds;
    f.undoPeakMb = m.peakMb;
    f.undoGrowthMb = m.growthMb;
    console.log(`  undo of it: ${fmt.s(m.seconds)} s (changed: ${m.value.changed}); core peak RSS ${m.peakMb} MB (+${m.growthMb} MB)`);
  });
  await new Promise((r) => setTimeout(r, 500));
}

/** Opens `project` in the app and runs steps 4 and 5; the app is closed after (the project file stays). */
export async function benchApp(project: string, f: Figures): Promise<void> {
  const missing = browserMissing();
  if (missing) return void console.log(`  app: skipped: ${missing}`);
  const s = await step('start the app', () => openSession());
  if (!s) return;
  try {
    const { call } = routerCaller(s.core.router);
    const opened = await step('open the project', async () => {
      const t0 = performance.now();
      await call('project:file.open', { path: project });
      f.openS = (performance.now() - t0) / 1000;
      return true;
    });
    if (!opened) return;
    const loaded = await step('page load', async () => {
      const t0 = performance.now();
      await s.page.reload();
      await s.page.waitForSelector(FIRST_ROW, { timeout: 300_000 });
      f.loadMs = performance.now() - t0;
      const total = await s.page.getByTestId('documents-total').textContent();
      console.log(`  app: project opened in ${fmt.s(f.openS)} s (core); page reloaded to the first rows in ${fmt.ms(f.loadMs)} ms (${total})`);
      return true;
    });
    if (!loaded) return;
    console.log(`  views, click on the tab to its data painted:`);
    await views(s.page, f);
    await table(s.page, f);
    await bulk(call, s.page, f);
    await step('reopen', async () => {
      // Another project is opened, so the app closes this one cleanly (and notes it); then this one again.
      await call('project:file.create', { path: join(s.work, 'other.docket') });
      const t0 = performance.now();
      await call('project:file.open', { path: project });
      f.reopenS = (performance.now() - t0) / 1000;
      console.log(`  app: the project opened again after a clean close in ${fmt.s(f.reopenS)} s (first open ${fmt.s(f.openS)} s: read through by quick_check)`);
    });
    if (s.problems.length) console.log(`  console errors: ${s.problems.slice(0, 5).join(' | ')}`);
  } finally {
    await step('close the app', () => s.close());
    rmSync(s.work, { recursive: true, force: true });
  }
}
