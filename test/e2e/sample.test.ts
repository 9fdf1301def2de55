// A new user's first minutes in the real browser UI, with no network and no model downloaded:
// on a fresh user-data folder, "Try the sample" makes a project, its import shows as any import
// does, the documents table lists every sample document; patterns and the built-in names
// detector run, the queue is reviewed, a redacted export has the names gone; the next window's
// picker offers the project as recent.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/api/create-core.ts';
import { SAMPLE_DOCUMENTS } from '../../src-main/core/sample/sample-batch.ts';
import { startServer } from '../../src-main/core/server/server.ts';
import { browserMissing, buildRenderer, openSession, type Session } from './harness.ts';

const missing = browserMissing();
if (missing) console.warn(`Skipping the browser sample test: ${missing}`);

describe.skipIf(missing !== null)('"Try the sample" in the browser UI', () => {
  let s: Session;
  const samplePath = () => join(s.work, 'user-data', 'projects', 'Sample project.docket');

  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('offers the sample on the picker, saying that nothing is downloaded', async () => {
    const button = s.page.getByTestId('try-sample');
    await button.waitFor();
    expect(await button.textContent()).toBe('Try the sample');
    expect(await s.page.getByTestId('project-picker').textContent()).toContain('nothing is downloaded');
    await s.screenshot('sample-picker');
  });

  it('creates the project and shows every sample document once the import finishes', async () => {
    await s.page.getByTestId('try-sample').click();
    await s.page.getByTestId('nav-documents').waitFor();
    expect(await s.page.locator('nav .project').getAttribute('title')).toBe(samplePath());
    await s.page.locator('[data-testid=job-progress][data-status=completed]').waitFor({ timeout: 120_000 });
    await s.page.waitForFunction((n) => document.querySelector('[data-testid=documents-total]')?.textContent === `${n} documents`, SAMPLE_DOCUMENTS.length);
    const names = await s.page.locator('[data-testid=documents-row] .name').allTextContents();
    expect(names.sort()).toEqual(SAMPLE_DOCUMENTS.map((d) => d.name).sort());
    await s.screenshot('sample-documents');
  });

  it('runs the pattern detectors and the built-in names detector, with nothing downloaded', async () => {
    const completedJobs = (n: number) =>
      s.page.waitForFunction((want) => document.querySelectorAll('[data-testid=job-progress][data-status=completed]').length >= want, n, { timeout: 120_000 });
    await s.page.getByTestId('nav-run').click();
    await s.page.getByTestId('run-task').selectOption('patterns');
    await s.page.getByTestId('run-start').click();
    await completedJobs(2); // the import, then this run
    await s.page.getByTestId('run-task').selectOption('ner');
    // No model was downloaded: the built-in detector is offered, and the panel says a transformer does better.
    expect(await s.page.getByTestId('run-model').inputValue()).toBe('builtin/names');
    expect(await s.page.getByTestId('run-builtin-note').textContent()).toContain('a transformer model is more accurate');
    await s.page.getByTestId('run-start').click();
    await completedJobs(3);
    await s.page.waitForFunction(() => document.querySelectorAll('[data-testid=run-row][data-status=completed]').length === 2);
  });

  it('reviews the least confident first by keyboard, then accepts the rest', async () => {
    await s.page.getByTestId('nav-review').click();
    await s.page.getByTestId('review-item').first().waitFor();
    const scores = await s.page.locator('[data-testid=review-item]').evaluateAll((items) => items.map((i) => Number(i.getAttribute('data-score'))));
    expect(scores.length).toBeGreaterThan(10);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    await s.page.keyboard.press('a');
    await s.page.waitForFunction(() => document.querySelector('[data-testid=review-item][data-index="0"]')?.getAttribute('data-status') === 'accepted');
    await s.page.getByTestId('bulk-threshold').fill('0');
    await s.page.waitForFunction(() => /^[1-9]/.test(document.querySelector('[data-testid=bulk-count]')?.textContent ?? ''));
    await s.page.getByTestId('bulk-accept').click();
    await s.page.getByTestId('bulk-message').waitFor();
  });

  it('exports redacted text from which the names and contact details are gone', async () => {
    const out = join(s.work, 'sample-export');
    await s.page.getByTestId('nav-export').click();
    await s.page.getByTestId('export-format').selectOption('txt');
    await s.page.getByTestId('export-dir').fill(out);
    await s.page.getByTestId('export-start').click();
    await s.page.getByTestId('export-ok').waitFor({ timeout: 120_000 });
    const letter = readFileSync(
      join(
        out,
        readdirSync(out).find((f) => f.endsWith('complaint-letter.txt'))!,
      ),
      'utf8',
    );
    for (const secret of ["Siobhán O'Sullivan", 'Daniel Whitfield', '4111 1111 1111 1111', '07700 900461']) expect(letter).not.toContain(secret);
    expect(letter).toContain('I am furious.'); // the rest of the letter is still there
    await s.screenshot('sample-export');
  });

  it('lists the sample project among the recent projects of the next window', async () => {
    // A second core on the same user-data folder, with no project open: its window shows the picker.
    const core = createCore(join(s.work, 'user-data'));
    const server = await startServer({ core, rendererDir: await buildRenderer() });
    const page = await s.page.context().newPage();
    try {
      await page.goto(server.url);
      await page.getByTestId('project-picker').waitFor();
      await page.locator('.recent button', { hasText: 'Sample project.docket' }).waitFor();
      expect(await page.locator('.recent button').allTextContents()).toEqual([samplePath()]);
    } finally {
      await page.close();
      await server.close();
      await core.app.close();
    }
  });

  it('logged no console errors and no CSP violations', () => {
    expect(s.problems).toEqual([]);
  });
});
