// Whole-sequence tasks on one model head: text classification, NLI (premise = document,
// hypothesis = the analyst's), zero-shot (NLI over "template with each label"), with the label
// math of Python's pipelines.
//
// Text classification reads the first maxLength tokens, as Python's pipeline does with
// truncation (the closing special token kept) and says so in `truncated`. NLI and zero-shot read
// the whole document: the premise is cut into overlapping windows that each keep the whole
// hypothesis (sequence-windows.ts), and each label is scored from its best window (see
// runZeroShot / runNli for the rule), whose character range is kept as evidence.
import { HostTaskError } from './host-task-error.ts';
import type { LoadedModel } from './loaded-models.ts';
import { maxSequenceLength } from './max-length.ts';
import { encodeWithLayout, pairEncoding, plainIds, specialCount, type EncodedSequence } from './pair-encoding.ts';
import type { DocResult, TaskOptions } from './protocol.ts';
import { pairWindow, premiseBudget, premiseStride, premiseWindows, runSequenceInputs, type PremiseWindow } from './sequence-windows.ts';
import { encodeDocument } from './token-classification/index.ts';
import type { TaskHooks } from './token-task.ts';

type Doc = { id: number; text: string };
type Evidence = NonNullable<Extract<DocResult, { kind: 'labels' }>['evidence']>;

export function softmax(values: readonly number[]): number[] {
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

const padId = (loaded: LoadedModel): number => {
  const id = loaded.tokenizer.pad_token_id ?? loaded.config['pad_token_id'];
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : 0;
};

/** Runs inputs through the model with the task's hooks: plan, cancellation, progress. */
async function runInputs(loaded: LoadedModel, inputs: readonly EncodedSequence[], options: TaskOptions, hooks: TaskHooks): Promise<number[][]> {
  hooks.plan(inputs.reduce((n, x) => n + x.inputIds.length, 0));
  return runSequenceInputs(loaded.model, inputs, padId(loaded), options.batchSize ?? 32, hooks);
}

/** Labels in output order, from id2label (label2id when a config has only that). */
function labelsOf(config: Record<string, unknown>): string[] {
  const id2label = (config['id2label'] ?? {}) as Record<string, string>;
  const n = Object.keys(id2label).length;
  if (n === 0) {
    const label2id = (config['label2id'] ?? {}) as Record<string, number>;
    const out: string[] = [];
    for (const [label, id] of Object.entries(label2id)) out[Number(id)] = label;
    return Array.from({ length: out.length }, (_, i) => out[i] ?? `LABEL_${i}`);
  }
  return Array.from({ length: n }, (_, i) => id2label[String(i)] ?? `LABEL_${i}`);
}

function ranked(labels: readonly string[], scores: readonly number[]) {
  return labels.map((label, i) => ({ label, score: scores[i]! })).sort((a, b) => b.score - a.score);
}

/** Index of the largest value (the first one on ties). */
function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

export async function runTextClassification(
  loaded: LoadedModel,
  docs: readonly Doc[],
  options: TaskOptions,
  hooks: TaskHooks,
): Promise<Map<number, DocResult>> {
  const labels = labelsOf(loaded.config);
  const multiLabel = options.multiLabel ?? loaded.config['problem_type'] === 'multi_label_classification';
  const limit = maxSequenceLength(loaded.tokenizer, loaded.config);
  const single = pairEncoding(loaded.tokenizer).single;
  const budget = limit - specialCount(single);
  // The first `budget` tokens between the model's special tokens (transformers.js would cut the
  // assembled sequence instead, dropping the closing [SEP] / </s>); truncated = tokens were left out.
  const encoded = docs.map((doc) => {
    const ids = plainIds(loaded.tokenizer, doc.text);
    return { input: encodeWithLayout(single, ids.slice(0, Math.max(0, budget))), truncated: ids.length > budget };
  });
  const logits = await runInputs(
    loaded,
    encoded.map((e) => e.input),
    options,
    hooks,
  );
  return new Map(
    docs.map((doc, i) => {
      const row = logits[i]!;
      const scores = multiLabel ? row.map(sigmoid) : softmax(row);
      const { input, truncated } = encoded[i]!;
      return [doc.id, { kind: 'labels', distribution: ranked(labels, scores), multiLabel, logits: [row], tokens: input.inputIds.length, truncated }];
    }),
  );
}

/**
 * Where "entailment" and "contradiction" sit in the model's outputs, from id2label (else
 * label2id), case-insensitively: a label starting with "entail" (ENTAILMENT, entailment), one
 * starting with "contradict"; a two-class model's other class (not_entailment) stands in for
 * contradiction. -1: none. Throws when no label is an entailment (generic LABEL_0… included).
 */
export function nliIndices(config: Record<string, unknown>): { entailment: number; contradiction: number } {
  const labels = labelsOf(config);
  const find = (prefix: string) => labels.findIndex((name) => name.trim().toLowerCase().startsWith(prefix));
  const entailment = find('entail');
  if (entailment < 0) {
    const generic = labels.length > 0 && labels.every((l) => /^LABEL_\d+$/i.test(l));
    throw new HostTaskError(
      'no_entailment_label',
      `This model's config has no "entailment" label (its labels: ${labels.join(', ') || 'none'}${generic ? ', generic names that do not say which output is entailment' : ''}); zero-shot needs an NLI model such as Xenova/nli-deberta-v3-xsmall.`,
    );
  }
  let contradiction = find('contradict');
  if (contradiction < 0 && labels.length === 2) contradiction = 1 - entailment;
  return { entailment, contradiction };
}

/** The document's premise windows for hypotheses of at most `hypothesisTokens` tokens. */
function premisePlan(loaded: LoadedModel, text: string, limit: number, hypothesisTokens: number) {
  const budget = premiseBudget(loaded.tokenizer, limit, hypothesisTokens);
  const enc = encodeDocument(loaded.tokenizer, text);
  return { enc, windows: premiseWindows(enc, budget, premiseStride(budget)) };
}

const evidenceOf = (label: string, w: PremiseWindow) => ({ label, start: w.start, end: w.end });

/**
 * NLI over the whole document. Each window is read as premise with the full hypothesis; the
 * document's result is the window with the highest entailment probability (softmax over the
 * model's classes): its distribution and logits, and its character range as evidence under the
 * entailment label. A pair classifier without an entailment label (no "best" window to speak of)
 * gets the mean of its windows' probabilities, every window's logits and no evidence.
 */
export async function runNli(loaded: LoadedModel, docs: readonly Doc[], options: TaskOptions, hooks: TaskHooks): Promise<Map<number, DocResult>> {
  const hypothesis = options.hypothesis;
  if (!hypothesis) throw new HostTaskError('invalid_request', 'NLI needs a hypothesis.');
  const labels = labelsOf(loaded.config);
  const entailment = labels.findIndex((name) => name.trim().toLowerCase().startsWith('entail'));
  const limit = maxSequenceLength(loaded.tokenizer, loaded.config);
  const hypothesisIds = plainIds(loaded.tokenizer, hypothesis);
  const plans = docs.map((doc) => premisePlan(loaded, doc.text, limit, hypothesisIds.length));
  const inputs = plans.flatMap(({ enc, windows }) => windows.map((w) => pairWindow(loaded.tokenizer, enc, w, hypothesisIds)));
  const logits = await runInputs(loaded, inputs, options, hooks);
  const results = new Map<number, DocResult>();
  let at = 0;
  docs.forEach((doc, d) => {
    const windows = plans[d]!.windows;
    const rows = logits.slice(at, at + windows.length);
    const tokens = inputs.slice(at, at + windows.length).reduce((n, x) => n + x.inputIds.length, 0);
    at += windows.length;
    const probs = rows.map(softmax);
    if (entailment >= 0) {
      const best = argmax(probs.map((p) => p[entailment]!));
      results.set(doc.id, {
        kind: 'labels',
        distribution: ranked(labels, probs[best]!),
        multiLabel: false,
        logits: [rows[best]!],
        tokens,
        truncated: false,
        evidence: [evidenceOf(labels[entailment]!, windows[best]!)],
      });
    } else {
      const mean = labels.map((_, j) => probs.reduce((s, p) => s + p[j]!, 0) / probs.length);
      results.set(doc.id, { kind: 'labels', distribution: ranked(labels, mean), multiLabel: false, logits: rows, tokens, truncated: false });
    }
  });
  return results;
}

/**
 * Zero-shot over the whole document: every candidate's hypothesis ("This example is {label}.")
 * is read against every window of the document. Scores follow Python's pipeline, with each label
 * taking its best window:
 * - several labels, single-label: softmax across labels of each label's highest entailment
 *   logit over the windows (the window where that label is most entailed);
 * - one label, or multi-label: per label, the highest over windows of softmax([contradiction,
 *   entailment])[entailment] (entailment against contradiction only; a two-class model's other
 *   class is its contradiction).
 * Each label's logits and evidence (the window's character range) are those of its best window.
 */
export async function runZeroShot(loaded: LoadedModel, docs: readonly Doc[], options: TaskOptions, hooks: TaskHooks): Promise<Map<number, DocResult>> {
  const candidates = options.labels ?? [];
  if (candidates.length === 0) throw new HostTaskError('invalid_request', 'Zero-shot needs at least one candidate label.');
  const template = options.template ?? 'This example is {}.';
  const { entailment, contradiction } = nliIndices(loaded.config);
  const multiLabel = options.multiLabel ?? false;
  const independent = multiLabel || candidates.length === 1;
  if (independent && contradiction < 0) {
    throw new HostTaskError(
      'no_contradiction_label',
      `${multiLabel ? 'Multi-label' : 'One-label'} zero-shot scores entailment against contradiction, and this model has no "contradiction" label (its labels: ${labelsOf(loaded.config).join(', ')}).`,
    );
  }
  const limit = maxSequenceLength(loaded.tokenizer, loaded.config);
  const hypotheses = candidates.map((label) => plainIds(loaded.tokenizer, template.replace('{}', label)));
  // One set of windows per document for every candidate: sized for the longest hypothesis.
  const longest = Math.max(...hypotheses.map((h) => h.length));
  const plans = docs.map((doc) => premisePlan(loaded, doc.text, limit, longest));
  const inputs = plans.flatMap(({ enc, windows }) => candidates.flatMap((_, c) => windows.map((w) => pairWindow(loaded.tokenizer, enc, w, hypotheses[c]!))));
  const logits = await runInputs(loaded, inputs, options, hooks);
  const results = new Map<number, DocResult>();
  let at = 0;
  docs.forEach((doc, d) => {
    const windows = plans[d]!.windows;
    const count = candidates.length * windows.length;
    const tokens = inputs.slice(at, at + count).reduce((n, x) => n + x.inputIds.length, 0);
    const best = candidates.map((_, c) => {
      const rows = logits.slice(at + c * windows.length, at + (c + 1) * windows.length);
      const measure = independent ? rows.map((r) => softmax([r[contradiction]!, r[entailment]!])[1]!) : rows.map((r) => r[entailment]!);
      const w = argmax(measure);
      return { row: rows[w]!, window: windows[w]!, measure: measure[w]! };
    });
    at += count;
    const scores = independent ? best.map((b) => b.measure) : softmax(best.map((b) => b.row[entailment]!));
    const evidence: Evidence = candidates.map((label, c) => evidenceOf(label, best[c]!.window));
    results.set(doc.id, {
      kind: 'labels',
      distribution: ranked(candidates, scores),
      multiLabel,
      logits: best.map((b) => b.row),
      tokens,
      truncated: false,
      evidence,
    });
  });
  return results;
}
