// A pattern-detector run: fast enough to run in the job itself (no model). Each document's
// proposals go in the same transaction as its "done" mark, documents committed in batches;
// cancellable between documents.
import { createHash } from 'node:crypto';
import type { RunSummary } from '../model/run.ts';
import { BatchCommit } from '../jobs/batch-commit.ts';
import { throwIfCancelled, type JobContext } from '../jobs/jobs.ts';
import type { Db } from '../store/database.ts';
import * as documents from '../store/queries/documents.ts';
import * as pages from '../store/queries/pages.ts';
import * as patternRules from '../store/queries/pattern-rules.ts';
import * as runs from '../store/queries/runs.ts';
import * as spans from '../store/queries/spans.ts';
import { withOcrConfidence } from '../ocr/ocr-confidence.ts';
import { detectPatterns, type DetectedSpan, type PatternRuleInput } from './index.ts';
import { endRunOnError } from '../jobs/run-outcome.ts';

/** What makes two pattern runs the same run: the project's rules (their content) and phone regions. */
export function patternRunSettings(db: Db, documentIds?: number[], proposeDecided = false): runs.RunSettings {
  const rules = createHash('sha256')
    .update(JSON.stringify(patternRules.listEnabled(db)))
    .digest('hex')
    .slice(0, 16);
  return {
    task: 'patterns',
    model: 'patterns',
    params: { rules, phoneRegions: patternRules.phoneRegions(db), ...(documentIds ? { documentIds } : {}), ...(proposeDecided ? { proposeDecided } : {}) },
  };
}

export async function runPatterns(
  db: Db,
  job: Pick<JobContext, 'signal' | 'report'>,
  options: { documentIds?: number[]; resumeRunId?: number; proposeDecided?: boolean } = {},
): Promise<RunSummary> {
  const ids = options.documentIds ?? documents.listIds(db);
  let rules = patternRules.listEnabled(db);
  const phoneRegions = patternRules.phoneRegions(db);
  // A custom rule that runs over its time budget is disabled for the rest of this run, with a
  // message; the built-in detectors and the other rules complete.
  const disabled: string[] = [];
  const onRuleTimeout = (rule: PatternRuleInput, message: string) => {
    rules = rules.filter((r) => r !== rule);
    disabled.push(`${message} It was skipped for the rest of this run.`);
  };
  if (options.resumeRunId !== undefined) runs.resume(db, options.resumeRunId);
  const runId = options.resumeRunId ?? runs.create(db, { ...patternRunSettings(db, options.documentIds, options.proposeDecided), docsTotal: ids.length });
  const done = runs.doneDocumentIds(db, runId);
  const counts: Record<string, number> = { documents: done.size, spans: 0, alreadyDecided: 0 };
  // One transaction per short document cost more than detecting it (a 200,000-row CSV is
  // 200,000 documents), so documents are committed in batches of about 50 ms of work. Detection
  // runs outside the transaction: the write lock is held only while a batch is written, and
  // decisions an analyst made meanwhile are still respected (withoutDecided reads them inside).
  const batch = new BatchCommit(db, ({ id, found }: { id: number; found: DetectedSpan[] }) => {
    const rows = found.map((s) => ({
      documentId: id,
      start: s.start,
      end: s.end,
      label: s.label,
      score: s.score,
      source: 'pattern' as const,
      sourceName: s.detector,
      runId,
    }));
    const decided = spans.replacePatternProposals(db, id, rows, options.proposeDecided);
    runs.markDocumentDone(db, runId, id, undefined);
    return { found, decided };
  });
  // Counts follow what is committed: a batch whose transaction failed counts for nothing.
  const commit = () => {
    for (const { found, decided } of batch.commit()) {
      counts.documents!++;
      counts.spans! += found.length - decided;
      counts.alreadyDecided! += decided;
      for (const s of found) counts[s.label] = (counts[s.label] ?? 0) + 1;
    }
    job.report({ done: counts.documents!, total: ids.length, unit: 'documents' });
  };
  try {
    for (const id of ids) {
      if (done.has(id)) continue;
      throwIfCancelled(job.signal);
      const detected = detectPatterns(documents.text(db, id), rules, { phoneRegions, onRuleTimeout });
      const found = pages.hasOcrText(db, id)
        ? withOcrConfidence(
            detected,
            pages.forDocument(db, id).flatMap((p) => p.runs),
          )
        : detected;
      if (!batch.add({ id, found })) continue;
      commit();
      // A turn of the event loop once per batch, not per document: requests are still served,
      // and a cancel sent by the app arrives, every ~50 ms.
      await new Promise((resolve) => setImmediate(resolve));
    }
    commit();
    counts.rulesDisabled = disabled.length;
    runs.finish(db, runId, 'completed', counts, disabled.length > 0 ? disabled.join(' ') : undefined);
  } catch (error) {
    // What was detected before a cancel (or a failure) is kept: each document whole, with its done mark.
    try {
      commit();
    } catch {
      // That batch's transaction was rolled back whole: none of its documents is marked done.
    }
    endRunOnError(db, runId, counts, error, job.signal);
  }
  return runs.get(db, runId)!;
}
