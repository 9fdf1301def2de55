// The review queue in the real browser UI with more proposals than its first page: it opens on
// one page, reads the next as J or scrolling nears the end, and the items the analyst decided on
// the way never make it skip the ones still waiting.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPatterns } from '../../src-main/core/detect/run-patterns.ts';
import { importPaths } from '../../src-main/core/ingest/import-job.ts';
import { openDatabase } from '../../src-main/core/store/database.ts';
import { routerCaller } from '../unit/core/api/router-session.ts';
import { browserMissing, openSession, type Session } from './harness.ts';

const missing = browserMissing();
if (missing) console.warn(`Skipping the browser review queue: ${missing}`);

const ROWS = 130;
const job = () => ({ signal: new AbortController().signal, report: () => {} });

describe.skipIf(missing !== null)('the review queue, page by page', () => {
  let s: Session;
  let call: ReturnType<typeof routerCaller>['call'];
  const listed = () =>
    s.page.locator('[data-testid=review-item]').evaluateAll((items) => items.map((i) => `${i.getAttribute('data-kind')}${i.getAttribute('data-id')}`));

  beforeAll(async () => {
    s = await openSession();
    const csv = join(s.work, 'tickets.csv');
    const rows = Array.from({ length: ROWS }, (_, i) => `r${i + 1},"Ticket ${i + 1}: write to person${i + 1}@example.com please."`);
    writeFileSync(csv, `id,text\n${rows.join('\n')}\n`);
    const project = join(s.work, 'queue.docket');
    const db = openDatabase(project, { create: true });
    await importPaths(db, { paths: [csv], csvColumn: 'text' }, job());
    await runPatterns(db, job());
    db.close();
    call = routerCaller(s.core.router).call;
    await call('project:file.open', { path: project });
    await s.page.reload();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('opens on its first page, reads on as J nears the end, and skips nothing the analyst left', async () => {
    await s.page.getByTestId('nav-review').click();
    await s.page.getByTestId('review-item').first().waitFor();
    expect(await s.page.getByTestId('review-total').textContent()).toBe(`${ROWS} to review`);
    const firstPage = await listed();
    expect(firstPage.length).toBeLessThan(ROWS);
    expect(await s.page.getByTestId('review-end').textContent()).toContain('Reading more');

    // Five decisions leave the queue on the server; the next page must still start after the fifth.
    for (let i = 0; i < 5; i++) {
      await s.page.keyboard.press('a');
      await s.page.waitForFunction(
        (n) => document.querySelector(`[data-testid=review-item][data-index="${n}"]`)?.getAttribute('data-status') === 'accepted',
        i,
      );
    }
    for (let i = 5; i < firstPage.length - 1; i++) await s.page.keyboard.press('j');
    await s.page.waitForFunction((n) => document.querySelectorAll('[data-testid=review-item]').length > n, firstPage.length, { timeout: 10_000 });
    await s.page.getByTestId('review-end').scrollIntoViewIfNeeded();
    await s.page.waitForFunction((n) => document.querySelectorAll('[data-testid=review-item]').length === n, ROWS, { timeout: 20_000 });
    const all = await listed();
    expect(new Set(all).size).toBe(ROWS);
    // The same items, in the same order, as the core's queue of everything (the five accepted apart).
    const queue = await call<{ items: Array<{ kind: string; id: number }> }>('review:queue.get', { limit: 500 });
    expect(all.slice(5)).toEqual(queue.items.map((i) => `${i.kind}${i.id}`));
    expect(await s.page.getByTestId('review-end').textContent()).toContain(`End of the queue: ${ROWS} listed`);
    expect(await s.page.getByTestId('review-total').textContent()).toBe(`${ROWS - 5} to review`);
    expect(s.problems).toEqual([]);
  });
});
