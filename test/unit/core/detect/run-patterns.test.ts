import { describe, expect, it, vi } from 'vitest';
import { detectPatterns } from '../../../../src-main/core/detect/index.ts';
import { runPatterns } from '../../../../src-main/core/detect/run-patterns.ts';
import type { ProgressUpdate } from '../../../../src-main/core/jobs/jobs.ts';
import { openDatabase, writeTransaction, type Db } from '../../../../src-main/core/store/database.ts';
import * as patternRules from '../../../../src-main/core/store/queries/pattern-rules.ts';
import * as runs from '../../../../src-main/core/store/queries/runs.ts';
import * as spans from '../../../../src-main/core/store/queries/spans.ts';
import { addDocument, createProject } from '../store/project-fixture.ts';

const job = () => ({ signal: new AbortController().signal, report: () => {} });

/**
 * Many short documents, like the rows of a CSV: each has an email, every other one a phone number
 * too (international, so the project's phone regions do not matter), so a document that was
 * stored has proposals and one that was not has none.
 */
function addTickets(db: Db, count: number): number[] {
  return writeTransaction(db, () =>
    Array.from({ length: count }, (_, i) => {
      const phone = i % 2 === 0 ? ` or call +1 201-555-01${String(i % 100).padStart(2, '0')}` : '';
      return addDocument(db, `row-${i}`, `Ticket about a late parcel. Write to customer.${i}@example.com${phone} before the end of the week.`);
    }),
  );
}

/** A document's spans as a run stores them, in order: what must not depend on how the run went. */
const stored = (db: Db, id: number) => spans.forDocument(db, id).map((s) => `${s.start}-${s.end} ${s.label} ${s.sourceName} ${s.status}`);

/** A signal that reads as aborted from its `after`+1-th check on: a cancel in the middle of a batch. */
function abortedAfter(after: number): AbortSignal {
  let checks = 0;
  return {
    get aborted() {
      return ++checks > after;
    },
  } as AbortSignal;
}

describe('a pattern run', () => {
  it('disables a custom rule that runs over its time budget, with a message, and completes every other detector', async () => {
    const { db } = createProject();
    // (x|xx)*y passes the save-time probes but backtracks exponentially on a long run of x without y.
    patternRules.save(db, { kind: 'regex', label: 'XY', pattern: '(x|xx)*y', flags: '', enabled: true });
    const slow = addDocument(db, 'slow.txt', `${'x'.repeat(60)}z — write to first@example.com`);
    const fine = addDocument(db, 'fine.txt', 'Call second@example.com about xxy.');
    const run = await runPatterns(db, job());
    expect(run.status).toBe('completed');
    expect(run.counts.rulesDisabled).toBe(1);
    expect(run.error).toMatch(/Pattern rule "XY" \/\(x\|xx\)\*y\/ took longer than \d+ ms on one document .*skipped for the rest of this run/);
    const labels = (id: number) =>
      spans
        .forDocument(db, id)
        .map((s) => s.label)
        .sort();
    expect(labels(slow)).toEqual(['EMAIL']);
    expect(labels(fine)).toEqual(['EMAIL']); // the rule stays off after it timed out, even where it would be quick
  }, 60_000);

  it('over many short documents stores exactly the spans detectPatterns finds in each, committing in batches', async () => {
    const { db } = createProject();
    const ids = addTickets(db, 2_500);
    const reports: ProgressUpdate[] = [];
    const run = await runPatterns(db, { signal: new AbortController().signal, report: (p) => reports.push(p) });
    expect(run).toMatchObject({
      status: 'completed',
      docsDone: ids.length,
      counts: expect.objectContaining({ documents: ids.length, spans: ids.length * 1.5 }),
    });
    for (const id of ids) {
      const text = (db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string }).text;
      const expected = detectPatterns(text).map((s) => `${s.start}-${s.end} ${s.label} ${s.detector} proposed`);
      expect(stored(db, id)).toEqual(expected);
    }
    // Progress (and the turn of the event loop) once per batch, not once per document; the last says all done.
    expect(reports.length).toBeLessThan(ids.length / 10);
    expect(reports.at(-1)).toMatchObject({ done: ids.length, total: ids.length });
  });

  it('cancelled from its progress report, leaves each document done with its proposals or neither, and resumes to the same spans as a run never stopped', async () => {
    const whole = createProject();
    const wholeIds = addTickets(whole.db, 2_500);
    await runPatterns(whole.db, job());

    const { db } = createProject();
    const ids = addTickets(db, 2_500);
    const controller = new AbortController();
    const cancelled = runPatterns(db, { signal: controller.signal, report: (p) => p.done > 0 && controller.abort() });
    await expect(cancelled).rejects.toThrow(/cancelled/);
    const run = runs.list(db)[0]!;
    expect(run.status).toBe('cancelled');
    const done = runs.doneDocumentIds(db, run.id);
    expect(done.size).toBeGreaterThan(0);
    expect(done.size).toBeLessThan(ids.length);
    expect(run.docsDone).toBe(done.size);
    for (const id of ids) expect({ id, proposals: stored(db, id).length > 0 }).toEqual({ id, proposals: done.has(id) });

    const resumedReports: ProgressUpdate[] = [];
    const resumed = await runPatterns(db, { signal: new AbortController().signal, report: (p) => resumedReports.push(p) }, { resumeRunId: run.id });
    expect(resumed).toMatchObject({ id: run.id, status: 'completed', docsDone: ids.length, counts: expect.objectContaining({ documents: ids.length }) });
    // Only the documents not done were detected again: the first report already counts the done ones.
    expect(resumedReports[0]!.done).toBeGreaterThan(done.size);
    expect(ids.map((id) => stored(db, id))).toEqual(wholeIds.map((id) => stored(whole.db, id)));
  });

  it('cancelled in the middle of a batch, commits every document detected before the cancel, each whole', async () => {
    const { db } = createProject();
    const ids = addTickets(db, 2_500);
    // The run checks the signal once before each document: documents 1 to 1,234 are detected.
    await expect(runPatterns(db, { signal: abortedAfter(1_234), report: () => {} })).rejects.toThrow(/cancelled/);
    const run = runs.list(db)[0]!;
    expect(run).toMatchObject({ status: 'cancelled', docsDone: 1_234 });
    const done = runs.doneDocumentIds(db, run.id);
    expect([...done].sort((a, b) => a - b)).toEqual(ids.slice(0, 1_234));
    for (const id of ids) expect({ id, proposals: stored(db, id).length > 0 }).toEqual({ id, proposals: done.has(id) });
    expect((await runPatterns(db, job(), { resumeRunId: run.id })).status).toBe('completed');
    for (const id of ids) expect(stored(db, id).length).toBeGreaterThan(0);
  });

  it('when storing a batch fails, rolls that batch back whole (no document done without its proposals) and resumes to the same spans', async () => {
    const whole = createProject();
    const wholeIds = addTickets(whole.db, 2_500);
    await runPatterns(whole.db, job());

    const { db } = createProject();
    const ids = addTickets(db, 2_500);
    // The disk fills up (say) while the batch holding document 1,800 is written.
    writeTransaction(db, () =>
      db.exec(`CREATE TRIGGER disk_full BEFORE INSERT ON spans WHEN NEW.document_id = ${ids[1_799]} BEGIN SELECT RAISE(ABORT, 'disk full'); END`),
    );
    await expect(runPatterns(db, job())).rejects.toThrow(/disk full/);
    const run = runs.list(db)[0]!;
    expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/disk full/) });
    const done = runs.doneDocumentIds(db, run.id);
    expect(done.size).toBeGreaterThan(0); // the batches before it stay stored
    expect(done.has(ids[1_799]!)).toBe(false);
    expect(run.docsDone).toBe(done.size);
    for (const id of ids) expect({ id, proposals: stored(db, id).length > 0 }).toEqual({ id, proposals: done.has(id) });

    writeTransaction(db, () => db.exec('DROP TRIGGER disk_full'));
    expect(await runPatterns(db, job(), { resumeRunId: run.id })).toMatchObject({ status: 'completed', docsDone: ids.length });
    expect(ids.map((id) => stored(db, id))).toEqual(wholeIds.map((id) => stored(whole.db, id)));
  });

  it('never undoes an analyst decision, even one made while its batch was being detected', async () => {
    const { path, db } = createProject();
    const ids = addTickets(db, 50);
    await runPatterns(db, job());
    const email = (id: number) => spans.forDocument(db, id).find((s) => s.label === 'EMAIL')!;
    writeTransaction(db, () => {
      spans.update(db, email(ids[3]!).id, { status: 'rejected' }, 'human', null);
      spans.update(db, email(ids[5]!).id, { status: 'accepted', start: email(ids[5]!).start - 3 }, 'human', null); // widened
    });
    // The app's process decides on document 10 after the run detected it, before its batch commits.
    const app = openDatabase(path);
    let checks = 0;
    const signal = {
      get aborted() {
        if (++checks === 20) writeTransaction(app, () => spans.update(app, email(ids[10]!).id, { status: 'rejected' }, 'human', null));
        return false;
      },
    } as AbortSignal;
    // Time stands still, so the 50 documents make one batch, committed after the decision.
    vi.useFakeTimers({ toFake: ['performance'] });
    const run = await runPatterns(db, { signal, report: () => {} }).finally(() => vi.useRealTimers());
    app.close();
    expect(run.status).toBe('completed');
    expect(run.counts.alreadyDecided).toBe(3);
    for (const [id, status] of [
      [ids[3]!, 'rejected'],
      [ids[5]!, 'accepted'],
      [ids[10]!, 'rejected'],
    ] as const) {
      expect(
        spans
          .forDocument(db, id)
          .filter((s) => s.label === 'EMAIL')
          .map((s) => s.status),
      ).toEqual([status]);
    }
  });
});
