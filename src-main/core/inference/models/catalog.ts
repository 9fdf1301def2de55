// Recommended models per use, all transformers.js-ready (ONNX weights under onnx/), with what a
// pull costs (the sizes of onnx/model.onnx and onnx/model_quantized.onnx, which `docket models
// pull` both fetches, as the hub listed them), their labels, languages and licence. Plus the two
// built-in detectors that need no download. Nothing here is fetched: the analyst pulls a model
// when they choose to.
import type { CatalogModel } from '../../model/model-info.ts';
import type { AppPaths } from '../../app.ts';
import type { InferenceTask } from '../protocol.ts';
import { listModels } from './registry.ts';
import { PENN_TREEBANK_TAGS, UNIVERSAL_POS_TAGS } from '../../model/pos-tags.ts';

export type CatalogUse = CatalogModel['use'];

/** The uses in the order a catalog is shown. */
export const CATALOG_USES: readonly CatalogUse[] = ['sentiment', 'topic', 'toxicity', 'nli', 'zero-shot', 'ner', 'pos'];

export interface CatalogEntry {
  readonly id: string;
  readonly use: CatalogUse;
  readonly task: InferenceTask;
  readonly multiLabel?: boolean;
  readonly sizeMb: { readonly fp32: number; readonly q8: number | null };
  readonly labels: readonly string[];
  readonly languages: readonly string[];
  readonly licence: string;
  readonly note: string;
  readonly defaultMapping?: Readonly<Record<string, string>>;
  readonly builtin?: boolean;
}

const CONLL = ['O', 'B-MISC', 'I-MISC', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'];
const NLI_LOWER = ['contradiction', 'neutral', 'entailment'];
const UPOS = [...UNIVERSAL_POS_TAGS];
const PTB = [...PENN_TREEBANK_TAGS];

export const CATALOG = [
  {
    id: 'Xenova/distilbert-base-uncased-finetuned-sst-2-english',
    use: 'sentiment',
    task: 'text-classification',
    sizeMb: { fp32: 268, q8: 68 },
    labels: ['NEGATIVE', 'POSITIVE'],
    languages: ['en'],
    licence: 'apache-2.0',
    note: 'Small and fast positive/negative classifier (SST-2 movie reviews); no neutral class, so factual text is forced to one side.',
  },
  {
    id: 'Xenova/twitter-roberta-base-sentiment-latest',
    use: 'sentiment',
    task: 'text-classification',
    sizeMb: { fp32: 499, q8: 126 },
    labels: ['negative', 'neutral', 'positive'],
    languages: ['en'],
    licence: 'unspecified',
    note: 'Three classes including neutral; trained on tweets, best on short informal text. The model card states no licence: check before use.',
  },
  {
    id: 'Xenova/nli-deberta-v3-small',
    use: 'topic',
    task: 'zero-shot',
    sizeMb: { fp32: 568, q8: 172 },
    labels: NLI_LOWER,
    languages: ['en'],
    licence: 'apache-2.0',
    note: 'Topics you name yourself (finance, health, …) by zero-shot; no fixed-topic classifier in transformers.js format is recommended yet.',
  },
  {
    id: 'Xenova/toxic-bert',
    use: 'toxicity',
    task: 'text-classification',
    multiLabel: true,
    sizeMb: { fp32: 438, q8: 111 },
    labels: ['toxic', 'severe_toxic', 'obscene', 'threat', 'insult', 'identity_hate'],
    languages: ['en'],
    licence: 'apache-2.0',
    note: 'Multi-label (each label scored on its own): a document can be both toxic and an insult. Trained on Wikipedia comments.',
  },
  {
    id: 'Xenova/roberta-large-mnli',
    use: 'nli',
    task: 'nli',
    sizeMb: { fp32: 1420, q8: 358 },
    labels: ['CONTRADICTION', 'NEUTRAL', 'ENTAILMENT'],
    languages: ['en'],
    licence: 'mit',
    note: 'Accurate entailment of a hypothesis by each document; large and slow, prefer the q8 weights on a laptop.',
  },
  {
    id: 'Xenova/nli-deberta-v3-xsmall',
    use: 'nli',
    task: 'nli',
    sizeMb: { fp32: 284, q8: 87 },
    labels: ['contradiction', 'entailment', 'neutral'],
    languages: ['en'],
    licence: 'apache-2.0',
    note: 'Small, fast NLI cross-encoder; a good first pass, less accurate than roberta-large-mnli. Also works for zero-shot.',
  },
  {
    id: 'Xenova/bart-large-mnli',
    use: 'zero-shot',
    task: 'zero-shot',
    sizeMb: { fp32: 1630, q8: 411 },
    labels: NLI_LOWER,
    languages: ['en'],
    licence: 'mit',
    note: 'The usual zero-shot classifier: sort documents into labels you type. Large; each candidate label costs one pass per document.',
  },
  {
    id: 'Xenova/mobilebert-uncased-mnli',
    use: 'zero-shot',
    task: 'zero-shot',
    sizeMb: { fp32: 99, q8: 27 },
    labels: ['ENTAILMENT', 'NEUTRAL', 'CONTRADICTION'],
    languages: ['en'],
    licence: 'unspecified',
    note: 'Tiny zero-shot classifier for quick tries on a slow machine; noticeably less accurate. The model card states no licence.',
  },
  {
    id: 'Xenova/bert-base-NER',
    use: 'ner',
    task: 'ner',
    sizeMb: { fp32: 431, q8: 109 },
    labels: CONLL,
    languages: ['en'],
    licence: 'mit',
    note: 'English names of people, organisations and places (CoNLL-2003 news); much more accurate than the built-in names detector.',
    defaultMapping: { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' },
  },
  {
    id: 'Xenova/bert-base-multilingual-cased-ner-hrl',
    use: 'ner',
    task: 'ner',
    sizeMb: { fp32: 709, q8: 178 },
    labels: ['O', 'B-DATE', 'I-DATE', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'],
    languages: ['ar', 'de', 'en', 'es', 'fr', 'it', 'lv', 'nl', 'pt', 'zh'],
    licence: 'afl-3.0',
    note: 'People, organisations, places and dates in ten languages; no MISC class.',
    defaultMapping: { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', DATE: 'DATE' },
  },
  {
    id: 'onnx-community/mobilebert-finetuned-pos-ONNX',
    use: 'pos',
    task: 'pos',
    sizeMb: { fp32: 100, q8: 25 },
    labels: PTB,
    languages: ['en'],
    licence: 'mit',
    note: 'Small English tagger with Penn Treebank tags (NN, NNP, VB…), not universal tags; sizes are approximate. Tags are kept as they are.',
  },
  {
    id: 'builtin/names',
    use: 'ner',
    task: 'ner',
    sizeMb: { fp32: 0, q8: null },
    labels: ['PERSON', 'LOC', 'ORG'],
    languages: ['en'],
    licence: 'built in',
    note: 'Built in, no download: names found with word lists and rules. Quick, but a transformer such as Xenova/bert-base-NER is more accurate.',
    defaultMapping: { PERSON: 'PERSON', LOC: 'LOC', ORG: 'ORG' },
    builtin: true,
  },
  {
    id: 'builtin/pos',
    use: 'pos',
    task: 'pos',
    sizeMb: { fp32: 0, q8: null },
    labels: UPOS,
    languages: ['en'],
    licence: 'built in',
    note: 'Built in, no download: universal part-of-speech tags from a lexicon and rules.',
    builtin: true,
  },
] as const satisfies readonly CatalogEntry[];

export type CatalogId = (typeof CATALOG)[number]['id'];

export function catalogEntry(id: string): CatalogEntry | undefined {
  return (CATALOG as readonly CatalogEntry[]).find((e) => e.id === id);
}

/** The command that puts an entry on this machine (none for a built-in). */
export function pullCommand(entry: Pick<CatalogEntry, 'id' | 'builtin'>): string | null {
  return entry.builtin ? null : `docket models pull ${entry.id}`;
}

/** The catalog as the API and `docket models catalog --json` give it, in CATALOG_USES order, each entry knowing whether it is on this machine. */
export function catalog(paths: AppPaths): CatalogModel[] {
  const here = new Set(listModels(paths).map((m) => m.id));
  const entries = CATALOG as readonly CatalogEntry[];
  return CATALOG_USES.flatMap((use) => entries.filter((e) => e.use === use)).map((e) => ({
    id: e.id,
    use: e.use,
    task: e.task,
    multiLabel: e.multiLabel ?? false,
    sizeMb: { fp32: e.sizeMb.fp32, q8: e.sizeMb.q8 },
    labels: [...e.labels],
    languages: [...e.languages],
    licence: e.licence,
    note: e.note,
    defaultMapping: { ...e.defaultMapping },
    builtin: e.builtin ?? false,
    pulled: (e.builtin ?? false) || here.has(e.id),
  }));
}
