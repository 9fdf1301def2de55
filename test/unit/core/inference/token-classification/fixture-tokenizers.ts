/**
 * Small real tokenizer.json configurations, one per tokenizer family, built in memory for the
 * offset tests (no model needed). They go through the same @huggingface/transformers
 * PreTrainedTokenizer as a tokenizer loaded from disk.
 */
import { PreTrainedTokenizer } from '@huggingface/transformers';
import { BYTE_TO_UNICODE, byteLevel } from '../../../../../src-main/core/inference/token-classification/byte-level.ts';

const special = (id: number, content: string) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });

const WORDS = [
  'hello',
  'world',
  'paris',
  'berlin',
  'new',
  'york',
  'ana',
  'maría',
  'garcía',
  'josé',
  'café',
  'the',
  'in',
  'at',
  'of',
  'and',
  'acme',
  'corp',
  'ltd',
  'inc',
  'to',
  'a',
  'is',
];
const CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?\'"()-éíñç東京大阪'];

function template(cls: string, sep: string) {
  return {
    type: 'TemplateProcessing',
    single: [{ SpecialToken: { id: cls, type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: sep, type_id: 0 } }],
    pair: [
      { SpecialToken: { id: cls, type_id: 0 } },
      { Sequence: { id: 'A', type_id: 0 } },
      { SpecialToken: { id: sep, type_id: 0 } },
      { Sequence: { id: 'B', type_id: 1 } },
      { SpecialToken: { id: sep, type_id: 1 } },
    ],
    special_tokens: {},
  };
}

/** BERT WordPiece; uncased = lowercase + strip accents (normalisation changes lengths). */
export function wordPieceTokenizer(uncased: boolean): PreTrainedTokenizer {
  const vocab: Record<string, number> = {};
  const add = (t: string) => {
    if (!(t in vocab)) vocab[t] = Object.keys(vocab).length;
  };
  ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'].forEach(add);
  const words = uncased ? WORDS.map((w) => w.normalize('NFD').replace(/\p{Mn}/gu, '')) : [...WORDS, ...WORDS.map((w) => w[0]!.toUpperCase() + w.slice(1))];
  words.forEach(add);
  for (const c of CHARS) {
    add(c);
    add(`##${c}`);
  }
  ['##ing', '##s', '##ed', 'ber', '##lin', '😀', '##\u0301'].forEach(add);
  const json = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'].map((t, i) => special(i, t)),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: uncased },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: template('[CLS]', '[SEP]'),
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
  return new PreTrainedTokenizer(json, {
    model_max_length: 512,
    do_lower_case: uncased,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    unk_token: '[UNK]',
    pad_token: '[PAD]',
    mask_token: '[MASK]',
  });
}

/** RoBERTa-style byte-level BPE: every byte is a token, some words merged with and without 'Ġ'. */
export function byteLevelBpeTokenizer(): PreTrainedTokenizer {
  const vocab: Record<string, number> = {};
  const add = (t: string) => {
    if (!(t in vocab)) vocab[t] = Object.keys(vocab).length;
  };
  ['<s>', '<pad>', '</s>', '<unk>', '<mask>'].forEach(add);
  BYTE_TO_UNICODE.forEach(add);
  const merges: Array<[string, string]> = [];
  const learn = (word: string) => {
    const pieces = [...byteLevel(word)];
    let acc = pieces[0]!;
    for (const p of pieces.slice(1)) {
      merges.push([acc, p]);
      acc += p;
      add(acc);
    }
  };
  for (const w of [...WORDS, 'Paris', 'Berlin', 'New', 'York', 'Ana', 'María', 'García', 'Acme']) {
    learn(w);
    learn(` ${w}`);
  }
  learn('😀'); // the emoji's 4 bytes merge into one token only without a leading space
  const seen = new Set<string>();
  const uniqueMerges = merges.filter(([a, b]) => {
    const k = `${a} ${b}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const json = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: ['<s>', '<pad>', '</s>', '<unk>', '<mask>'].map((t, i) => special(i, t)),
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: { type: 'RobertaProcessing', sep: ['</s>', 2], cls: ['<s>', 0], trim_offsets: true, add_prefix_space: false },
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      byte_fallback: false,
      vocab,
      merges: uniqueMerges,
    },
  };
  return new PreTrainedTokenizer(json, {
    model_max_length: 512,
    bos_token: '<s>',
    eos_token: '</s>',
    cls_token: '<s>',
    sep_token: '</s>',
    unk_token: '<unk>',
    pad_token: '<pad>',
    mask_token: '<mask>',
  });
}

/** XLM-R-style SentencePiece Unigram with Metaspace '▁' and an NFKC-like Precompiled normaliser. */
export function unigramTokenizer(): PreTrainedTokenizer {
  const vocab: Array<[string, number]> = [
    ['<s>', 0],
    ['<pad>', 0],
    ['</s>', 0],
    ['<unk>', 0],
  ];
  const have = new Set(vocab.map((v) => v[0]));
  const add = (t: string, score: number) => {
    if (!have.has(t)) {
      have.add(t);
      vocab.push([t, score]);
    }
  };
  for (const w of [...WORDS, 'Paris', 'Berlin', 'New', 'York', 'Ana', 'María', 'García', 'Acme']) add(`\u2581${w}`, -3);
  add('\u2581', -4);
  for (const c of CHARS) add(c, -6);
  add('😀', -6);
  const json = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: ['<s>', '<pad>', '</s>', '<unk>'].map((t, i) => special(i, t)),
    normalizer: { type: 'Precompiled', precompiled_charsmap: null },
    pre_tokenizer: { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'always', split: true },
    post_processor: template('<s>', '</s>'),
    decoder: { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'always', split: true },
    model: { type: 'Unigram', unk_id: 3, vocab, byte_fallback: false },
  };
  return new PreTrainedTokenizer(json, { model_max_length: 512, bos_token: '<s>', eos_token: '</s>', unk_token: '<unk>', pad_token: '<pad>' });
}

/** Llama-style BPE: the normaliser turns spaces into '▁', no pre-tokenizer, byte fallback. */
export function byteFallbackBpeTokenizer(): PreTrainedTokenizer {
  const vocab: Record<string, number> = {};
  const add = (t: string) => {
    if (!(t in vocab)) vocab[t] = Object.keys(vocab).length;
  };
  ['<unk>', '<s>', '</s>'].forEach(add);
  for (let b = 0; b < 256; b++) add(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
  add('\u2581');
  for (const c of CHARS) add(c);
  const merges: Array<[string, string]> = [];
  for (const w of ['hello', 'world', 'Paris', 'Berlin', 'New', 'York']) {
    let acc = '\u2581';
    for (const c of w) {
      merges.push([acc, c]);
      acc += c;
      add(acc);
    }
  }
  const json = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: ['<unk>', '<s>', '</s>'].map((t, i) => special(i, t)),
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'Prepend', prepend: '\u2581' },
        { type: 'Replace', pattern: { String: ' ' }, content: '\u2581' },
      ],
    },
    pre_tokenizer: null,
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }],
      pair: [],
      special_tokens: {},
    },
    decoder: {
      type: 'Sequence',
      decoders: [
        { type: 'Replace', pattern: { String: '\u2581' }, content: ' ' },
        { type: 'ByteFallback' },
        { type: 'Fuse' },
        { type: 'Strip', content: ' ', start: 1, stop: 0 },
      ],
    },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: '<unk>',
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: true,
      byte_fallback: true,
      vocab,
      merges,
    },
  };
  return new PreTrainedTokenizer(json, { model_max_length: 4096, bos_token: '<s>', eos_token: '</s>', unk_token: '<unk>' });
}
