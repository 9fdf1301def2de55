// One run of a model over the project: documents in length-sorted groups to the inference
// host, each document's results stored in one transaction together with "this document is
// done", so a cancelled run, a crashed host or a killed app leaves the store consistent and a
// restarted host resumes with the documents not yet done.
import type { RunSummary } from '../model/run.ts';
import type { DocketError } from '../errors.ts';
import { throwIfCancelled, type JobContext } from '../jobs/jobs.ts';
import { writeTransaction, type Db } from '../store/database.ts';
import * as docLabels from '../store/queries/doc-labels.ts';
import * as documents from '../store/queries/documents.ts';
import * as labelSet from '../store/queries/labels.ts';
import * as runs from '../store/queries/runs.ts';
import * as spans from '../store/queries/spans.ts';
import type { InferenceClient } from './client.ts';
import { labelResolver } from './label-mapping.ts';
import type { OnnxDtype } from './models/dtypes.ts';
import type { DocResult, InferenceTask, TaskOptions } from './protocol.ts';
import { endRunOnError } from '../jobs/run-outcome.ts';

export interface ModelRunRequest {
  task: InferenceTask;
  model: { id: string; path: string; dtype: OnnxDtype };
  options: TaskOptions;
  /** Only these documents (default: all). */
  documentIds?: number[];
  /** Continue this run instead of starting a new one. */
  resumeRunId?: number;
  /** Propose again what the analyst already accepted or rejected (an explicit choice; off by default). */
  proposeDecided?: boolean;
}

/** Characters per request to the host: enough windows to batch well, small enough to resume cheaply. */
const GROUP_CHARS = 40_000;
const GROUP_DOCS = 32;
/** A host that dies this many times on the same group is not a fluke: the run fails. */
const MAX_RESTARTS = 3;
/** Multi-label outputs at or above this become proposals; all scores stay in the run's outputs. */
const MULTI_LABEL_CUTOFF = 0.5;

type Job = Pick<JobContext, 'signal' | 'report'>;

/** What makes two runs the same run: a stopped one with these settings is resumed, not redone. */
export function modelRunSettings(request: Omit<ModelRunRequest, 'resumeRunId'>): runs.RunSettings {
  return {
    task: request.task,
    model: request.model.id,
    params: {
      ...request.options,
      dtype: request.model.dtype,
      ...(request.documentIds ? { documentIds: request.documentIds } : {}),
      ...(request.proposeDecided ? { proposeDecided: true } : {}),
    },
  };
}

export async function runModel(db: Db, client: InferenceClient, request: ModelRunRequest, job: Job): Promise<RunSummary> {
  const ids = request.documentIds ?? documents.listIds(db);
  if (request.resumeRunId !== undefined) runs.resume(db, request.resumeRunId);
  const runId = request.resumeRunId ?? runs.create(db, { ...modelRunSettings(request), docsTotal: ids.length });
  const counts = { documents: 0, spans: 0, labels: 0, tokens: 0, truncated: 0, restarts: 0, alreadyDecided: 0 };
  try {
    const done = runs.doneDocumentIds(db, runId);
    counts.documents = done.size;
    const lengths = documents.lengths(
      db,
      ids.filter((id) => !done.has(id)),
    );
    const groups = group([...lengths].sort((a, b) => a[1] - b[1]));
    let restarts = 0;
    // The ETA follows characters, not documents: groups go shortest first, so a count-based
    // rate would promise the long documents at the speed of the short ones.
    const work = { total: sum([...lengths.values()]), stored: 0, inFlight: 0, share: 0 };
    const started = Date.now();
    const report = () => {
      const perSecond = counts.tokens / Math.max(0.001, (Date.now() - started) / 1000);
      job.report({
        done: counts.documents,
        total: ids.length,
        unit: 'documents',
        message: `${counts.tokens.toLocaleString('en')} tokens · ${Math.round(perSecond).toLocaleString('en')} tokens/s`,
        effort: { done: work.stored + work.share * work.inFlight, total: work.total },
      });
    };
    report();
    for (let g = 0; g < groups.length; g++) {
      throwIfCancelled(job.signal);
      const pending = groups[g]!.filter((id) => !runs.doneDocumentIds(db, runId).has(id));
      Object.assign(work, { inFlight: sum(pending.map((id) => lengths.get(id)!)), share: 0 });
      if (pending.length === 0) continue;
      try {
        await client.run(
          {
            task: request.task,
            model: { path: request.model.path, dtype: request.model.dtype },
            docs: pending.map((id) => ({ id, text: documents.text(db, id) })),
            options: request.options,
          },
          {
            onDoc: (docId, result) => {
              store(db, runId, request, docId, result, counts);
              counts.documents++;
              work.stored += lengths.get(docId) ?? 0;
              work.inFlight -= lengths.get(docId) ?? 0;
              report();
            },
            onProgress: (tokens, share) => {
              counts.tokens += tokens;
              work.share = share;
              report();
            },
          },
          job.signal,
        );
      } catch (error) {
        if ((error as DocketError).code === 'host_crashed' && !job.signal.aborted && restarts < MAX_RESTARTS) {
          // The next client.run starts a fresh host; documents already stored are skipped.
          restarts++;
          counts.restarts++;
          g--;
          continue;
        }
        throw error;
      }
      restarts = 0;
    }
    runs.finish(db, runId, 'completed', counts);
  } catch (error) {
    endRunOnError(db, runId, counts, error, job.signal);
  }
  return runs.get(db, runId)!;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

function group(sorted: ReadonlyArray<[number, number]>): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let chars = 0;
  for (const [id, length] of sorted) {
    if (current.length > 0 && (chars + length > GROUP_CHARS || current.length >= GROUP_DOCS)) {
      groups.push(current);
      current = [];
      chars = 0;
    }
    current.push(id);
    chars += length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** A document's results and its "done" mark, in one transaction; re-runs replace only this model's proposals. */
function store(db: Db, runId: number, request: ModelRunRequest, documentId: number, result: DocResult, counts: Record<string, number>): void {
  const sourceName = request.model.id;
  writeTransaction(db, () => {
    if (result.kind === 'spans') {
      // Each tag under the project's label (B-PER → PERSON): the analyst's mapping, the catalog's,
      // the common names, else the tag itself; part-of-speech tags as they are.
      const labelOf = labelResolver(db, request.model, request.task);
      const rows = result.spans.map((s) => ({
        documentId,
        start: s.start,
        end: s.end,
        label: labelOf(s.label),
        score: s.score,
        source: 'model' as const,
        sourceName,
        runId,
      }));
      const decided = spans.replaceProposals(db, documentId, sourceName, rows, request.proposeDecided);
      counts.alreadyDecided = (counts.alreadyDecided ?? 0) + decided;
      // A tag no label maps (a model's own MISC-like tag, NOUN…) joins the label set, so every span
      // it finds has a colour and can be picked when relabelling.
      for (const name of new Set(rows.map((r) => r.label))) labelSet.ensure(db, name);
      counts.spans! += rows.length - decided;
      runs.markDocumentDone(db, runId, documentId, { tokens: result.tokens });
      return;
    }
    const task = labelTask(request);
    const chosen = result.multiLabel ? result.distribution.filter((d) => d.score >= MULTI_LABEL_CUTOFF) : result.distribution.slice(0, 1);
    const rows = chosen.map((d) => ({ documentId, task, label: d.label, score: d.score, source: 'model' as const, sourceName, runId }));
    const decided = docLabels.replaceProposals(db, documentId, task, sourceName, rows);
    counts.alreadyDecided = (counts.alreadyDecided ?? 0) + decided;
    counts.labels! += rows.length - decided;
    if (result.truncated) counts.truncated!++;
    runs.markDocumentDone(db, runId, documentId, {
      distribution: result.distribution,
      logits: result.logits,
      tokens: result.tokens,
      truncated: result.truncated,
      ...(result.evidence ? { evidence: result.evidence } : {}),
    });
  });
}

/** The task name a document label is filed under: NLI per hypothesis, zero-shot per label set. */
export function labelTask(request: Pick<ModelRunRequest, 'task' | 'options'>): string {
  if (request.task === 'nli') return `nli: ${request.options.hypothesis ?? ''}`;
  if (request.task === 'zero-shot') return `zero-shot${request.options.multiLabel ? ' (multi-label)' : ''}`;
  return request.task;
}
