// NER / PoS for a group of documents: windows of every document batched together, longest
// first so a batch pads little, then decoded per document into exact character spans.
import { batchesByTokens } from './batches.ts';
import { HostTaskError } from './host-task-error.ts';
import type { LoadedModel } from './loaded-models.ts';
import type { DocResult, TaskOptions } from './protocol.ts';
import { decodeEntities, defaultStride, planWindows, resolveMaxLength, runWindows, type TokenWindow } from './token-classification/index.ts';

export interface TaskHooks {
  cancelled(): boolean;
  /** Tokens the request will put through the model, known once sequences are planned. */
  plan(tokens: number): void;
  /** Tokens just put through the model. */
  progress(tokens: number): void;
}

export async function runTokenTask(
  loaded: LoadedModel,
  docs: ReadonlyArray<{ id: number; text: string }>,
  options: TaskOptions,
  hooks: TaskHooks,
): Promise<Map<number, DocResult>> {
  const { model, tokenizer, config } = loaded;
  const maxLength = resolveMaxLength(tokenizer, model);
  const stride = defaultStride(maxLength);
  const planned = docs.map((doc) => planWindows(tokenizer, doc.text, { maxLength, stride }));
  const all: Array<{ doc: number; index: number; window: TokenWindow }> = [];
  planned.forEach((windows, doc) => windows.forEach((window, index) => all.push({ doc, index, window })));
  all.sort((a, b) => b.window.inputIds.length - a.window.inputIds.length);
  hooks.plan(all.reduce((n, x) => n + x.window.inputIds.length, 0));
  const logits = planned.map((windows) => new Array<Float32Array>(windows.length));
  for (const batch of batchesByTokens(all, (x) => x.window.inputIds.length, options.batchSize ?? 32)) {
    if (hooks.cancelled()) throw new HostTaskError('cancelled', 'The run was cancelled.');
    const out = await runWindows(
      model,
      batch.map((x) => x.window),
    );
    batch.forEach((x, i) => (logits[x.doc]![x.index] = out[i]!));
    hooks.progress(batch.reduce((n, x) => n + x.window.inputIds.length, 0));
  }
  const id2label = (config['id2label'] ?? {}) as Record<number, string>;
  const results = new Map<number, DocResult>();
  docs.forEach((doc, i) => {
    const spans = decodeEntities(doc.text, planned[i]!, logits[i]!, id2label, {
      aggregation: options.aggregation ?? 'simple',
      ignoreLabels: options.ignoreLabels ?? ['O'],
      threshold: options.threshold ?? 0,
      ...(options.thresholds ? { thresholds: options.thresholds } : {}),
    });
    results.set(doc.id, {
      kind: 'spans',
      spans: spans.map((s) => ({ start: s.start, end: s.end, label: s.label, score: s.score })),
      tokens: planned[i]!.reduce((n, w) => n + w.inputIds.length, 0),
    });
  });
  return results;
}
