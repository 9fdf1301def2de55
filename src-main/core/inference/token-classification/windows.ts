/**
 * Cover a whole document with model-sized windows.
 *
 * The document is tokenized once (encode.ts); windows are slices of that token sequence with the
 * model's special tokens added around each slice exactly as its post-processor adds them to a
 * single sequence ([CLS] … [SEP], <s> … </s>, …). Consecutive windows overlap by `stride` tokens.
 * Each token belongs to the "core" of exactly one window — the one where it sits furthest from an
 * edge (the cut is the middle of the overlap, moved to the nearest word start inside the overlap
 * so a word's tokens are scored in one window) — which is how decodeEntities merges seams: every
 * token is read once, from its most central window.
 */
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import { DocketError } from '../../errors.ts';
import { encodeDocument, tokenizerView, type DocumentEncoding, type TokenizerView } from './encode.ts';
import type { TokenWindow } from './types.ts';

interface SpecialTemplate {
  prefix: number[];
  suffix: number[];
  prefixTypes: number[];
  suffixTypes: number[];
  contentType: number;
  hasTypes: boolean;
}

const templates = new WeakMap<TokenizerView, SpecialTemplate>();
const MARKER = '\u0000docket-sequence\u0000';

/** Special tokens around one sequence, read from the tokenizer's own post-processor. */
export function specialTemplate(view: TokenizerView): SpecialTemplate {
  let t = templates.get(view);
  if (t) return t;
  const processed = view.raw.post_processor ? view.raw.post_processor([MARKER], null, true) : { tokens: [MARKER] };
  const at = processed.tokens.indexOf(MARKER);
  if (at < 0)
    throw new DocketError(
      'tokenizer_unsupported',
      'The tokenizer post-processor does not place the text sequence where Docket can find it; token classification cannot add special tokens for windows.',
    );
  const toId = (tok: string): number => {
    const id = view.raw.added_tokens_map.get(tok)?.id ?? view.raw.model.tokens_to_ids.get(tok);
    if (id === undefined) throw new DocketError('tokenizer_unsupported', `The tokenizer's special token "${tok}" is not in its vocabulary (tokenizer.json).`);
    return id;
  };
  const types = processed.token_type_ids;
  t = {
    prefix: processed.tokens.slice(0, at).map(toId),
    suffix: processed.tokens.slice(at + 1).map(toId),
    prefixTypes: types ? types.slice(0, at) : [],
    suffixTypes: types ? types.slice(at + 1) : [],
    contentType: types?.[at] ?? 0,
    hasTypes: Array.isArray(types),
  };
  templates.set(view, t);
  return t;
}

export interface WindowOptions {
  /** Tokens per window including special tokens (the model's max length). */
  maxLength: number;
  /** Tokens shared by consecutive windows. */
  stride: number;
}

export function planWindows(tokenizer: PreTrainedTokenizer, text: string, options: WindowOptions): TokenWindow[] {
  const view = tokenizerView(tokenizer);
  return windowsFromEncoding(encodeDocument(tokenizer, text), specialTemplate(view), options);
}

export function windowsFromEncoding(enc: DocumentEncoding, template: SpecialTemplate, options: WindowOptions): TokenWindow[] {
  const { maxLength, stride } = options;
  const budget = maxLength - template.prefix.length - template.suffix.length;
  if (!Number.isInteger(maxLength) || budget < 1) {
    throw new DocketError(
      'invalid_window',
      `Window length ${maxLength} leaves no room for text after the model's ${template.prefix.length + template.suffix.length} special tokens; use a larger maxLength.`,
    );
  }
  if (!Number.isInteger(stride) || stride < 0 || stride >= budget) {
    throw new DocketError(
      'invalid_window',
      `Stride ${stride} must be a whole number from 0 to ${budget - 1} (less than the ${budget} text tokens per window).`,
    );
  }
  const n = enc.length;
  if (n === 0) return [];
  const ranges = windowRanges(n, budget, budget - stride);
  const cuts = coreCuts(ranges, enc.wordIds, n);
  return ranges.map(([s, e], w) => buildWindow(enc, template, s, e, cuts[w]!, cuts[w + 1]!));
}

/**
 * [start, end) token ranges: as few windows as a step of at most `step` allows, spread evenly
 * from the start to the end of the document, each only as long as that needs (so every overlap
 * is at least the stride, and a document just over one window is read as two half-length windows
 * rather than two full ones: fewer tokens and cheaper attention).
 */
function windowRanges(n: number, budget: number, step: number): Array<[number, number]> {
  if (n <= budget) return [[0, n]];
  const count = Math.ceil((n - budget) / step) + 1;
  const stride = budget - step;
  // count·length ≥ n + (count−1)·stride keeps every overlap ≥ stride; count was chosen so length ≤ budget.
  const length = Math.min(budget, Math.ceil((n + (count - 1) * stride) / count));
  const span = n - length;
  return Array.from({ length: count }, (_, k): [number, number] => {
    const s = Math.floor((k * span) / (count - 1));
    return [s, s + length];
  });
}

/** cuts[w]..cuts[w+1] is window w's core: middle of each overlap, snapped to a word start. */
function coreCuts(ranges: Array<[number, number]>, wordIds: Int32Array, n: number): number[] {
  const cuts = [0];
  for (let w = 0; w + 1 < ranges.length; w++) {
    const lo = Math.max(ranges[w + 1]![0], cuts[w]!);
    const hi = ranges[w]![1];
    const mid = Math.max(lo, Math.floor((ranges[w + 1]![0] + hi) / 2));
    let cut = mid;
    for (let d = 0; mid - d >= lo || mid + d <= hi; d++) {
      if (mid - d >= lo && isWordStart(mid - d)) {
        cut = mid - d;
        break;
      }
      if (mid + d <= hi && isWordStart(mid + d)) {
        cut = mid + d;
        break;
      }
    }
    cuts.push(cut);
  }
  cuts.push(n);
  return cuts;

  function isWordStart(t: number): boolean {
    return t <= 0 || t >= n || wordIds[t] !== wordIds[t - 1];
  }
}

function buildWindow(enc: DocumentEncoding, t: SpecialTemplate, s: number, e: number, coreFrom: number, coreTo: number): TokenWindow {
  const len = t.prefix.length + (e - s) + t.suffix.length;
  const inputIds = new Array<number>(len);
  const offsets = new Array<[number, number] | null>(len);
  const wordIds = new Array<number | null>(len);
  let k = 0;
  for (const id of t.prefix) {
    inputIds[k] = id;
    offsets[k] = null;
    wordIds[k++] = null;
  }
  for (let i = s; i < e; i++) {
    inputIds[k] = enc.ids[i]!;
    offsets[k] = [enc.starts[i]!, enc.ends[i]!];
    wordIds[k++] = enc.wordIds[i]!;
  }
  for (const id of t.suffix) {
    inputIds[k] = id;
    offsets[k] = null;
    wordIds[k++] = null;
  }
  const window: TokenWindow = {
    inputIds,
    attentionMask: new Array<number>(len).fill(1),
    offsets,
    wordIds,
    coreStart: t.prefix.length + (coreFrom - s),
    coreEnd: t.prefix.length + (coreTo - s),
  };
  if (t.hasTypes) window.tokenTypeIds = [...t.prefixTypes, ...new Array<number>(e - s).fill(t.contentType), ...t.suffixTypes];
  return window;
}
