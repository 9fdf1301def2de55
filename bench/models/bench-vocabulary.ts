/**
 * A 30,522-entry uncased WordPiece vocabulary laid out like bert-base-uncased ([PAD] 0, [unused*],
 * [UNK] 100, [CLS] 101, [SEP] 102, [MASK] 103, characters, then words and ## pieces). Words are
 * made from syllables so that most text words are one token and unknown ones split into pieces,
 * which keeps tokenization cost realistic for the benchmark.
 */
import { addedToken, type TokenizerFiles } from '../../test/fixtures/models/tokenizers/vocab.ts';
import { allWords } from '../../test/fixtures/models/lexicon.ts';

export const BENCH_VOCAB_SIZE = 30522;
const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'ch', 'sh', 'th', 'st', 'tr', 'br', 'pl', 'gr'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'];
export const SYLLABLES = ONSETS.flatMap((o) => NUCLEI.map((n) => o + n));

function buildVocab(): { tokens: string[]; words: string[] } {
  const tokens: string[] = ['[PAD]'];
  for (let i = 1; i < 100; i++) tokens.push(`[unused${i - 1}]`);
  tokens.push('[UNK]', '[CLS]', '[SEP]', '[MASK]');
  for (let i = 99; tokens.length < 999; i++) tokens.push(`[unused${i}]`);
  const seen = new Set(tokens);
  const add = (t: string) => {
    if (tokens.length < BENCH_VOCAB_SIZE && !seen.has(t)) {
      seen.add(t);
      tokens.push(t);
    }
  };
  const chars: string[] = [];
  for (let c = 33; c < 127; c++) if (!/[A-Z]/.test(String.fromCharCode(c))) chars.push(String.fromCharCode(c));
  for (let c = 0xdf; c <= 0xff; c++) chars.push(String.fromCharCode(c));
  for (let c = 0x4e00; c < 0x4e00 + 600; c++) chars.push(String.fromCharCode(c));
  chars.forEach(add);
  chars.filter((c) => /[\p{L}\p{N}]/u.test(c)).forEach((c) => add(`##${c}`));
  SYLLABLES.forEach((s) => add(`##${s}`));
  const words: string[] = [];
  const addWord = (word: string) => {
    const before = tokens.length;
    add(word);
    if (tokens.length > before) words.push(word);
  };
  allWords()
    .map((w) =>
      w
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{Mn}/gu, ''),
    )
    .filter((w) => /^[a-z]+$/.test(w))
    .forEach(addWord);
  for (const a of SYLLABLES) addWord(a);
  for (const a of SYLLABLES) for (const b of SYLLABLES) addWord(a + b);
  return { tokens, words };
}

let cached: { tokens: string[]; words: string[] } | undefined;
const vocab = () => (cached ??= buildVocab());

/** Whole words of the vocabulary (each one token), for building benchmark documents. */
export function benchVocabularyWords(): string[] {
  return vocab().words;
}

export function benchTokenizer(): TokenizerFiles {
  const { tokens } = vocab();
  const special = (t: string) => ({ SpecialToken: { id: t, type_id: 0 } });
  const ids = (t: string) => tokens.indexOf(t);
  const specials = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specials.map((content) => addedToken({ id: ids(content), content })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]')],
      pair: [
        special('[CLS]'),
        { Sequence: { id: 'A', type_id: 0 } },
        special('[SEP]'),
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [ids(t)], tokens: [t] }])),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(tokens.map((t, i) => [t, i])),
    },
  };
  const specialTokensMap = { unk_token: '[UNK]', sep_token: '[SEP]', pad_token: '[PAD]', cls_token: '[CLS]', mask_token: '[MASK]' };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    tokenize_chinese_chars: true,
    clean_up_tokenization_spaces: true,
    model_max_length: 512,
    ...specialTokensMap,
  };
  if (tokens.length !== BENCH_VOCAB_SIZE) throw new Error(`bench vocabulary has ${tokens.length} tokens, wanted ${BENCH_VOCAB_SIZE}`);
  return { tokenizer, tokenizerConfig, specialTokensMap, vocabSize: tokens.length };
}
