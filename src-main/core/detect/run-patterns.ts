// A pattern-detector run: fast enough to run in the job itself (no model), still per document
// in one transaction with its "done" mark, cancellable between documents.
import type { RunSummary } from '../api/contract.ts';
import { CancelledError, throwIfCancelled, type JobContext } from '../jobs/jobs.ts';
import { writeTransaction, type Db } from '../store/database.ts';
import * as documents from '../store/queries/documents.ts';
import * as patternRules from '../store/queries/pattern-rules.ts';
import * as runs from '../store/queries/runs.ts';
import * as spans from '../store/queries/spans.ts';
import { detectPatterns } from './index.ts';

export async function runPatterns(db: Db, job: Pick<JobContext, 'signal' | 'report'>, documentIds?: number[]): Promise<RunSummary> {
  const ids = documentIds ?? documents.listIds(db);
  const rules = patternRules.listEnabled(db);
  const phoneRegion = patternRules.phoneRegion(db);
  const runId = runs.create(db, { task: 'patterns', model: 'patterns', params: { rules: rules.length, phoneRegion }, docsTotal: ids.length });
  const counts: Record<string, number> = { documents: 0, spans: 0, alreadyDecided: 0 };
  try {
    for (const id of ids) {
      throwIfCancelled(job.signal);
      const found = detectPatterns(documents.text(db, id), rules, { phoneRegion });
      let decided = 0;
      writeTransaction(db, () => {
        decided = spans.replacePatternProposals(
          db,
          id,
          found.map((s) => ({ documentId: id, start: s.start, end: s.end, label: s.label, score: s.score, source: 'pattern' as const, sourceName: s.detector, runId })),
        );
        runs.markDocumentDone(db, runId, id, undefined);
      });
      counts.documents!++;
      counts.spans! += found.length - decided;
      counts.alreadyDecided! += decided;
      for (const s of found) counts[s.label] = (counts[s.label] ?? 0) + 1;
      job.report({ done: counts.documents!, total: ids.length, unit: 'documents' });
      // Yield between documents so requests keep being served during a long run.
      await new Promise((resolve) => setImmediate(resolve));
    }
    runs.finish(db, runId, 'completed', counts);
  } catch (error) {
    const cancelled = error instanceof CancelledError || job.signal.aborted;
    runs.finish(db, runId, cancelled ? 'cancelled' : 'failed', counts, cancelled ? undefined : (error as Error).message);
    throw error;
  }
  return runs.get(db, runId)!;
}
