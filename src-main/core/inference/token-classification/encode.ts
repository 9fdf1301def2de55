/**
 * Tokenize a whole document once, with character offsets and word ids per token.
 *
 * transformers.js (via @huggingface/tokenizers 0.2) has no offset mapping and no word ids, and its
 * pipeline (added-token splitting → normaliser → pre-tokenizer → model) is not exposed step by
 * step. We run the library's own `encode_text` so the token sequence is exactly what the model
 * expects, but through a shim whose `model` records which pre-token each token came from. Offsets
 * come from offsets.ts; words from pre-tokens (see `wordBoundaries`).
 */
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import { DocketError } from '../../errors.ts';
import { foldText } from './fold.ts';
import { alignTokens } from './offsets.ts';
import { SURFACE_TEXT, SURFACE_UNKNOWN, TokenSurfaces } from './surface.ts';

interface RawModel {
  encode(tokens: string[]): string[];
  tokens_to_ids: Map<string, number>;
  vocab: string[];
  unk_token_id?: number;
  fuse_unk: boolean;
}

interface RawTokenizer {
  model: RawModel;
  added_tokens_map: Map<string, { id: number; content: string }>;
  added_tokens: Array<{ id: number; content: string }>;
  post_processor: ((tokens: string[], pair: string[] | null, addSpecial: boolean) => { tokens: string[]; token_type_ids?: number[] }) | null;
  encode_text(text: string): string[] | null;
}

export interface TokenizerView {
  raw: RawTokenizer;
  json: Record<string, unknown>;
  surfaces: TokenSurfaces;
  unkId: number;
  /** 'pre-tokenizer': words are the pre-tokenizer's words; 'whitespace': words are whitespace-delimited runs. */
  wordBoundaries: 'pre-tokenizer' | 'whitespace';
}

export interface DocumentEncoding {
  length: number;
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** Document-global word index per token, non-decreasing. */
  wordIds: Int32Array;
  /** Tokens whose surface could not be located in the text (0 on well-formed input). */
  misses: number;
}

const views = new WeakMap<PreTrainedTokenizer, TokenizerView>();

/** Pre-tokenizers that split into words (everything else — Metaspace in transformers.js, none — does not). */
const WORD_SPLITTERS = new Set(['BertPreTokenizer', 'Whitespace', 'WhitespaceSplit', 'ByteLevel', 'Split', 'Punctuation']);

export function tokenizerView(tokenizer: PreTrainedTokenizer): TokenizerView {
  let view = views.get(tokenizer);
  if (view) return view;
  const holder = tokenizer as unknown as { _tokenizer?: RawTokenizer; _tokenizerJSON?: Record<string, unknown> };
  const raw = holder._tokenizer;
  const json = holder._tokenizerJSON;
  if (
    !raw ||
    !json ||
    typeof raw.encode_text !== 'function' ||
    !raw.model ||
    typeof raw.model.encode !== 'function' ||
    !(raw.added_tokens_map instanceof Map)
  ) {
    throw new DocketError(
      'tokenizer_unsupported',
      'This tokenizer does not expose the internals Docket needs for character offsets (expected a tokenizer.json loaded by @huggingface/transformers 4.x). Re-export the model with a fast tokenizer (tokenizer.json).',
    );
  }
  const added = new Map<number, string>();
  for (const t of raw.added_tokens) added.set(t.id, t.content);
  const unkId = raw.model.unk_token_id ?? -1;
  const surfaces = new TokenSurfaces(json, raw.model.vocab, added, unkId);
  view = { raw, json, surfaces, unkId, wordBoundaries: splitsWords(json['pre_tokenizer']) ? 'pre-tokenizer' : 'whitespace' };
  views.set(tokenizer, view);
  return view;
}

function splitsWords(config: unknown): boolean {
  if (!config || typeof config !== 'object') return false;
  const c = config as Record<string, unknown>;
  if (c['type'] === 'Sequence') return Array.isArray(c['pretokenizers']) && c['pretokenizers'].some(splitsWords);
  if (c['type'] === 'ByteLevel') return c['use_regex'] !== false;
  return WORD_SPLITTERS.has(String(c['type']));
}

export function encodeDocument(tokenizer: PreTrainedTokenizer, text: string): DocumentEncoding {
  const view = tokenizerView(tokenizer);
  const { raw, surfaces, unkId } = view;
  const model = raw.model;

  // Run the library's encode_text with a model that records pre-token membership.
  const modelTokens: string[] = [];
  const modelPre: number[] = [];
  const preStrings: string[] = [];
  let pre = 0;
  const shim = Object.create(raw) as Omit<RawTokenizer, 'model'> & { model: (preTokens: string[]) => string[] };
  shim.model = (preTokens: string[]): string[] => {
    const out: string[] = [];
    for (const preToken of preTokens) {
      preStrings.push(preToken);
      for (const t of model.encode([preToken])) {
        out.push(t);
        modelTokens.push(t);
        modelPre.push(pre);
      }
      pre++;
    }
    return out;
  };
  const tokens = raw.encode_text.call(shim, text) ?? [];

  const ids = new Int32Array(tokens.length);
  const preOf = new Int32Array(tokens.length);
  // Unigram's unknown pieces keep their text (only the id is <unk>): their folded length, else -1.
  const unknownText = new Int32Array(tokens.length).fill(-1);
  const unkContent = unkId >= 0 ? model.vocab[unkId] : undefined;
  let n = 0;
  let r = 0;
  for (const t of tokens) {
    const fromModel = r < modelTokens.length && modelTokens[r] === t;
    const id = raw.added_tokens_map.get(t)?.id ?? model.tokens_to_ids.get(t) ?? unkId;
    const preToken = fromModel ? modelPre[r++]! : -1 - n; // added tokens: a word of their own
    const textLength = id === unkId && t !== unkContent ? surfaces.foldPreToken(t).length : -1;
    // The model fuses runs of unknown tokens (as model._call does) within one pre-tokenized section.
    if (fromModel && model.fuse_unk && id === unkId && n > 0 && ids[n - 1] === unkId && preOf[n - 1]! >= 0) {
      unknownText[n - 1] = unknownText[n - 1]! >= 0 && textLength >= 0 ? unknownText[n - 1]! + textLength : -1;
      continue;
    }
    ids[n] = id;
    preOf[n] = preToken;
    unknownText[n] = textLength;
    n++;
  }
  const finalIds = ids.slice(0, n);
  const unknownLengths = unknownTokenLengths(finalIds, preOf.subarray(0, n), preStrings, surfaces);
  if (unknownLengths) for (let i = 0; i < n; i++) if (unknownText[i]! >= 0) unknownLengths[i] = unknownText[i]!;
  const { starts, ends, misses } = alignTokens(finalIds, foldText(text), text.length, surfaces, unknownLengths);
  const wordIds = assignWords(finalIds, preOf.subarray(0, n), starts, ends, surfaces);
  return { length: n, ids: finalIds, starts, ends, wordIds, misses };
}

/**
 * Folded length of each unknown token that is the only unknown token of its pre-token: the
 * pre-token's folded length minus its known tokens'. (A WordPiece [UNK] is a whole word; a fused
 * SentencePiece <unk> is whatever its neighbours leave.) -1 where it cannot be known.
 */
function unknownTokenLengths(ids: Int32Array, preOf: Int32Array, preStrings: string[], surfaces: TokenSurfaces): Int32Array | null {
  let result: Int32Array | null = null;
  for (let i = 0; i < ids.length;) {
    let j = i + 1;
    while (j < ids.length && preOf[j] === preOf[i]) j++;
    // Pre-token [i, j)
    let unknownAt = -1;
    let unknowns = 0;
    let known = 0;
    let measurable = preOf[i]! >= 0;
    for (let t = i; t < j && measurable; t++) {
      const kind = surfaces.kind(ids[t]!);
      if (kind === SURFACE_UNKNOWN) {
        unknowns++;
        unknownAt = t;
      } else if (kind === SURFACE_TEXT) known += surfaces.folded(ids[t]!).length;
      else measurable = false;
    }
    if (unknowns > 0) {
      result ??= new Int32Array(ids.length).fill(-1);
      if (measurable && unknowns === 1) result[unknownAt] = Math.max(1, surfaces.foldPreToken(preStrings[preOf[i]!]!).length - known);
    }
    i = j;
  }
  return result;
}

/**
 * A token starts a new word when it starts a new pre-token, when its surface begins with a space
 * (Ġ, ▁), or when whitespace separates it from the previous token. For word-splitting
 * pre-tokenizers this is exactly the pre-tokenizer's words (Hugging Face `word_ids()`); for
 * tokenizers without one it is Python's whitespace heuristic.
 */
function assignWords(ids: Int32Array, preOf: Int32Array, starts: Int32Array, ends: Int32Array, surfaces: TokenSurfaces): Int32Array {
  const words = new Int32Array(ids.length);
  let word = -1;
  let prevEnd = -1;
  // A lone space token ('▁', 'Ġ') starts the word of the characters that follow it.
  let afterLoneSpace = false;
  for (let i = 0; i < ids.length; i++) {
    const empty = starts[i] === ends[i];
    const spaced = surfaces.leadingSpace(ids[i]!) || (!empty && prevEnd >= 0 && starts[i]! > prevEnd);
    const newWord = i === 0 || preOf[i] !== preOf[i - 1] || (spaced && !afterLoneSpace);
    if (newWord) word++;
    words[i] = word;
    if (!empty) prevEnd = ends[i]!;
    afterLoneSpace = empty ? afterLoneSpace || spaced : false;
  }
  return words;
}
