// NER / PoS with a built-in detector: the same request and results as a model's token task, so
// runs, resume, review ordering and exports treat both alike. Read slice by slice: cancelling
// is honoured and progress moves within a long document, not only between documents.
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { HostTaskError } from './host-task-error.ts';
import type { BuiltinDetector } from './builtin/index.ts';
import type { DocResult, TaskOptions } from './protocol.ts';
import type { TaskHooks } from './token-task.ts';

const WORD = /[\p{L}\p{N}]+/gu;

export async function runBuiltinTask(
  detector: BuiltinDetector,
  docs: ReadonlyArray<{ id: number; text: string }>,
  options: TaskOptions,
  hooks: TaskHooks,
): Promise<Map<number, DocResult>> {
  const words = docs.map((doc) => doc.text.match(WORD)?.length ?? 0);
  hooks.plan(words.reduce((a, b) => a + b, 0));
  const keep = spanFilter(options);
  const results = new Map<number, DocResult>();
  for (const [i, doc] of docs.entries()) {
    const spans: Array<{ start: number; end: number; label: string; score: number }> = [];
    let read = 0;
    for (const chunk of detector.detect(doc.text)) {
      // The cancel message is an event: it is only seen if the loop lets events in.
      await yieldToEvents();
      if (hooks.cancelled()) throw new HostTaskError('cancelled', 'The run was cancelled.');
      spans.push(...chunk.spans.filter(keep));
      // Progress in words, like a model's tokens: the share of this document's words now read.
      const before = Math.round((words[i]! * read) / Math.max(1, doc.text.length));
      read = chunk.end;
      hooks.progress(Math.round((words[i]! * read) / Math.max(1, doc.text.length)) - before);
    }
    results.set(doc.id, { kind: 'spans', spans, tokens: words[i]! });
  }
  return results;
}

/** The run's threshold, per-label thresholds and ignored labels, as a model's token task applies them. */
function spanFilter(options: TaskOptions): (span: { label: string; score: number }) => boolean {
  const ignored = new Set(options.ignoreLabels ?? []);
  return (span) => !ignored.has(span.label) && span.score >= (options.thresholds?.[span.label] ?? options.threshold ?? 0);
}
