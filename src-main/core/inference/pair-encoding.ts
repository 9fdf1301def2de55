// Where a tokenizer puts its special tokens around one sequence and around a pair, read from the
// tokenizer's own post-processor (tokenizer.json), not hard-coded per family:
//   BERT        [CLS] A [SEP] B [SEP]          type ids 0…0 1…1
//   RoBERTa/BART <s> A </s></s> B </s>
//   DeBERTa-v3  [CLS] A [SEP] B [SEP]          type ids 0…0 1…1
//   XLM-R       <s> A </s></s> B </s>
// so a premise can be cut into windows that each still carry the whole hypothesis, exactly as
// `tokenizer(premise, { text_pair: hypothesis })` would lay out a short premise.
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import { HostTaskError } from './host-task-error.ts';
import { tokenizerView } from './token-classification/encode.ts';

/** Special tokens (ids) and token type ids around the sequences of one layout. */
export interface Layout {
  /** Special token ids before A, between A and B (pair only), after the last sequence. */
  prefix: number[];
  middle: number[];
  suffix: number[];
  prefixTypes: number[];
  middleTypes: number[];
  suffixTypes: number[];
  typeA: number;
  typeB: number;
}

export interface PairEncoding {
  single: Layout;
  pair: Layout;
  /** Whether the post-processor gives token type ids (BERT, DeBERTa; RoBERTa's are unused). */
  hasTypes: boolean;
}

export interface EncodedSequence {
  inputIds: number[];
  tokenTypeIds: number[];
}

const MARK_A = '\u0000docket-sequence-a\u0000';
const MARK_B = '\u0000docket-sequence-b\u0000';
const encodings = new WeakMap<PreTrainedTokenizer, PairEncoding>();

/** The tokenizer's single and pair layouts (cached per tokenizer). */
export function pairEncoding(tokenizer: PreTrainedTokenizer): PairEncoding {
  let found = encodings.get(tokenizer);
  if (found) return found;
  const { raw } = tokenizerView(tokenizer);
  const toId = (token: string): number => {
    const id = raw.added_tokens_map.get(token)?.id ?? raw.model.tokens_to_ids.get(token);
    if (id === undefined)
      throw new HostTaskError('tokenizer_unsupported', `The tokenizer's special token "${token}" is not in its vocabulary (tokenizer.json).`);
    return id;
  };
  const process = (pair: boolean) =>
    raw.post_processor ? raw.post_processor([MARK_A], pair ? [MARK_B] : null, true) : { tokens: pair ? [MARK_A, MARK_B] : [MARK_A] };
  const single = process(false);
  const double = process(true);
  const a1 = single.tokens.indexOf(MARK_A);
  const a2 = double.tokens.indexOf(MARK_A);
  const b2 = double.tokens.indexOf(MARK_B);
  if (a1 < 0)
    throw new HostTaskError(
      'tokenizer_unsupported',
      "The tokenizer's post-processor does not keep the text where Docket can find it; this model cannot classify documents.",
    );
  if (a2 < 0 || b2 < a2) {
    throw new HostTaskError(
      'tokenizer_unsupported',
      "The tokenizer's post-processor does not place a second sequence after the first (no text-pair template in tokenizer.json); NLI and zero-shot need a model trained on sentence pairs.",
    );
  }
  const types1 = single.token_type_ids;
  const types2 = double.token_type_ids;
  const slice = (types: number[] | undefined, from: number, to: number) => (types ? types.slice(from, to) : new Array<number>(to - from).fill(0));
  found = {
    single: {
      prefix: single.tokens.slice(0, a1).map(toId),
      middle: [],
      suffix: single.tokens.slice(a1 + 1).map(toId),
      prefixTypes: slice(types1, 0, a1),
      middleTypes: [],
      suffixTypes: slice(types1, a1 + 1, single.tokens.length),
      typeA: types1?.[a1] ?? 0,
      typeB: 0,
    },
    pair: {
      prefix: double.tokens.slice(0, a2).map(toId),
      middle: double.tokens.slice(a2 + 1, b2).map(toId),
      suffix: double.tokens.slice(b2 + 1).map(toId),
      prefixTypes: slice(types2, 0, a2),
      middleTypes: slice(types2, a2 + 1, b2),
      suffixTypes: slice(types2, b2 + 1, double.tokens.length),
      typeA: types2?.[a2] ?? 0,
      typeB: types2?.[b2] ?? 0,
    },
    hasTypes: Array.isArray(types2),
  };
  encodings.set(tokenizer, found);
  return found;
}

/** Special tokens a layout adds (1 + 1 for BERT singles, 4 for RoBERTa pairs…). */
export function specialCount(layout: Layout): number {
  return layout.prefix.length + layout.middle.length + layout.suffix.length;
}

/** `layout` around token ids A (and B): what the tokenizer's post-processor makes of them. */
export function encodeWithLayout(layout: Layout, a: ArrayLike<number>, b: readonly number[] = []): EncodedSequence {
  const inputIds = [...layout.prefix, ...Array.from(a), ...layout.middle, ...b, ...layout.suffix];
  const tokenTypeIds = [
    ...layout.prefixTypes,
    ...new Array<number>(a.length).fill(layout.typeA),
    ...layout.middleTypes,
    ...new Array<number>(b.length).fill(layout.typeB),
    ...layout.suffixTypes,
  ];
  return { inputIds, tokenTypeIds };
}

/** Token ids of a text without special tokens (the library's own encoding of one sequence). */
export function plainIds(tokenizer: PreTrainedTokenizer, text: string): number[] {
  return tokenizer.encode(text, { add_special_tokens: false });
}
