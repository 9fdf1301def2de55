// Whole-sequence tasks on one model head: text classification, NLI (premise = document,
// hypothesis = the analyst's), zero-shot (NLI over "template with each label"), with the label
// math of Python's pipelines.
import type { LoadedModel } from './loaded-models.ts';
import type { DocResult, TaskOptions } from './protocol.ts';
import type { TaskHooks } from './token-task.ts';
import { batchesByTokens } from './batches.ts';
import { HostTaskError } from './host-task-error.ts';

type Doc = { id: number; text: string };

export function softmax(values: readonly number[]): number[] {
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

function maxLength(loaded: LoadedModel): number {
  const fromTokenizer = Number(loaded.tokenizer.model_max_length);
  const positions = Number(loaded.config['max_position_embeddings'] ?? 512);
  const limit = Number.isFinite(fromTokenizer) && fromTokenizer > 0 && fromTokenizer <= 100_000 ? fromTokenizer : 512;
  return Math.min(limit, positions);
}

/** Runs [text, pair?] sequences in length-sorted batches; returns logits per sequence and token counts. */
async function runSequences(loaded: LoadedModel, seqs: ReadonlyArray<[string, string | null]>, options: TaskOptions, hooks: TaskHooks) {
  const limit = maxLength(loaded);
  // Token lengths first (tokenizing is cheap next to the model), so batches can be cut by padded tokens.
  const lengths = seqs.map(([text, pair]) => {
    const one = loaded.tokenizer(text, { ...(pair !== null ? { text_pair: pair } : {}), truncation: true, max_length: limit });
    return (one.input_ids as { dims: number[] }).dims.at(-1)!;
  });
  hooks.plan(lengths.reduce((n, l) => n + l, 0));
  const order = seqs.map((_, i) => i).sort((a, b) => lengths[b]! - lengths[a]!);
  const logits: number[][] = new Array(seqs.length);
  const tokens: number[] = new Array(seqs.length);
  for (const idx of batchesByTokens(order, (i) => lengths[i]!, options.batchSize ?? 32)) {
    if (hooks.cancelled()) throw new HostTaskError('cancelled', 'The run was cancelled.');
    const texts = idx.map((i) => seqs[i]![0]);
    const pairs = idx.map((i) => seqs[i]![1]);
    const inputs = loaded.tokenizer(texts, {
      ...(pairs[0] !== null ? { text_pair: pairs as string[] } : {}),
      padding: true,
      truncation: true,
      max_length: limit,
    });
    const output = (await loaded.model(inputs)) as { logits: { tolist(): number[][] } };
    const rows = output.logits.tolist();
    const mask = (inputs.attention_mask as { tolist(): Array<Array<number | bigint>> }).tolist();
    idx.forEach((seq, j) => {
      logits[seq] = rows[j]!.map(Number);
      tokens[seq] = mask[j]!.reduce<number>((n, v) => n + Number(v), 0);
    });
    hooks.progress(idx.reduce((n, i) => n + tokens[i]!, 0));
  }
  return { logits, tokens, limit };
}

function labelsOf(loaded: LoadedModel): string[] {
  const id2label = (loaded.config['id2label'] ?? {}) as Record<string, string>;
  const n = Object.keys(id2label).length;
  return Array.from({ length: n }, (_, i) => id2label[String(i)] ?? `LABEL_${i}`);
}

function ranked(labels: readonly string[], scores: readonly number[]) {
  return labels.map((label, i) => ({ label, score: scores[i]! })).sort((a, b) => b.score - a.score);
}

export async function runTextClassification(loaded: LoadedModel, docs: readonly Doc[], options: TaskOptions, hooks: TaskHooks): Promise<Map<number, DocResult>> {
  const labels = labelsOf(loaded);
  const multiLabel = options.multiLabel ?? loaded.config['problem_type'] === 'multi_label_classification';
  const { logits, tokens, limit } = await runSequences(loaded, docs.map((d) => [d.text, null]), options, hooks);
  return new Map(
    docs.map((doc, i) => {
      const row = logits[i]!;
      const scores = multiLabel ? row.map(sigmoid) : softmax(row);
      return [doc.id, { kind: 'labels', distribution: ranked(labels, scores), multiLabel, logits: [row], tokens: tokens[i]!, truncated: tokens[i]! >= limit }];
    }),
  );
}

export async function runNli(loaded: LoadedModel, docs: readonly Doc[], options: TaskOptions, hooks: TaskHooks): Promise<Map<number, DocResult>> {
  const hypothesis = options.hypothesis;
  if (!hypothesis) throw new HostTaskError('invalid_request', 'NLI needs a hypothesis.');
  const labels = labelsOf(loaded);
  const { logits, tokens, limit } = await runSequences(loaded, docs.map((d) => [d.text, hypothesis]), options, hooks);
  return new Map(
    docs.map((doc, i) => [doc.id, { kind: 'labels', distribution: ranked(labels, softmax(logits[i]!)), multiLabel: false, logits: [logits[i]!], tokens: tokens[i]!, truncated: tokens[i]! >= limit }]),
  );
}

/** Where "entailment" and "contradiction" sit in the model's outputs (Python: label2id, lower-cased prefix). */
export function nliIndices(config: Record<string, unknown>): { entailment: number; contradiction: number } {
  const label2id = (config['label2id'] ?? {}) as Record<string, number>;
  const find = (prefix: string) => Object.entries(label2id).find(([name]) => name.toLowerCase().startsWith(prefix))?.[1];
  const entailment = find('entail');
  if (entailment === undefined) {
    throw new HostTaskError('no_entailment_label', `This model's config has no "entailment" label (label2id: ${JSON.stringify(label2id)}); zero-shot needs an NLI model such as Xenova/nli-deberta-v3-xsmall.`);
  }
  return { entailment, contradiction: find('contradict') ?? -1 };
}

export async function runZeroShot(loaded: LoadedModel, docs: readonly Doc[], options: TaskOptions, hooks: TaskHooks): Promise<Map<number, DocResult>> {
  const candidates = options.labels ?? [];
  if (candidates.length === 0) throw new HostTaskError('invalid_request', 'Zero-shot needs at least one candidate label.');
  const template = options.template ?? 'This example is {}.';
  const { entailment, contradiction } = nliIndices(loaded.config);
  const multiLabel = options.multiLabel ?? false;
  if (multiLabel && contradiction < 0) throw new HostTaskError('no_contradiction_label', 'Multi-label zero-shot needs a "contradiction" label in the model config.');
  const seqs = docs.flatMap((d) => candidates.map((label): [string, string] => [d.text, template.replace('{}', label)]));
  const { logits, tokens, limit } = await runSequences(loaded, seqs, options, hooks);
  return new Map(
    docs.map((doc, i) => {
      const rows = logits.slice(i * candidates.length, (i + 1) * candidates.length);
      // Python: single-label = softmax over the entailment logits of all candidates;
      // multi-label = per candidate, softmax of [contradiction, entailment].
      const scores = multiLabel ? rows.map((r) => softmax([r[contradiction]!, r[entailment]!])[1]!) : softmax(rows.map((r) => r[entailment]!));
      const used = Math.max(...tokens.slice(i * candidates.length, (i + 1) * candidates.length));
      return [doc.id, { kind: 'labels', distribution: ranked(candidates, scores), multiLabel, logits: rows, tokens: used, truncated: used >= limit }];
    }),
  );
}
