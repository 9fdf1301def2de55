/**
 * BERT-base-shaped benchmark models (12 layers, hidden 768, 12 heads, intermediate 3072, vocab
 * 30522, 512 positions; random weights, fixed seed): speed does not depend on the weights.
 * Written on demand into a cache folder (never into test fixtures, never committed), in the
 * transformers.js layout with fp32 onnx/model.onnx (dtype 'fp32') and int8 onnx/model_quantized.onnx
 * (dtype 'q8'). Run directly to generate: `node bench/models/bert-base-shaped.ts [cacheDir]`.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bertGraph, type BertHead, type BertShape } from './bert-graph.ts';
import { benchTokenizer } from './bench-vocabulary.ts';

export const BERT_BASE: BertShape = { vocabSize: 30522, hidden: 768, layers: 12, heads: 12, intermediate: 3072, maxPositions: 512, typeVocab: 2 };
const SEED = 20240611;
/** Bump when the graph or vocabulary changes. */
const VERSION = '1';

const NER_LABELS = ['O', 'B-MISC', 'I-MISC', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'];
const CLS_LABELS = ['NEGATIVE', 'POSITIVE'];

function config(architecture: string, labels: string[]) {
  return {
    model_type: 'bert',
    architectures: [architecture],
    vocab_size: BERT_BASE.vocabSize,
    hidden_size: BERT_BASE.hidden,
    num_hidden_layers: BERT_BASE.layers,
    num_attention_heads: BERT_BASE.heads,
    intermediate_size: BERT_BASE.intermediate,
    hidden_act: 'gelu',
    max_position_embeddings: BERT_BASE.maxPositions,
    type_vocab_size: BERT_BASE.typeVocab,
    layer_norm_eps: 1e-12,
    pad_token_id: 0,
    id2label: Object.fromEntries(labels.map((l, i) => [String(i), l])),
    label2id: Object.fromEntries(labels.map((l, i) => [l, i])),
  };
}

function writeFolder(dir: string, head: BertHead, architecture: string, labels: string[]): void {
  const stamp = join(dir, '.version');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === VERSION) return;
  const staging = `${dir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'onnx'), { recursive: true });
  const tok = benchTokenizer();
  writeFileSync(join(staging, 'tokenizer.json'), JSON.stringify(tok.tokenizer));
  writeFileSync(join(staging, 'tokenizer_config.json'), JSON.stringify(tok.tokenizerConfig));
  writeFileSync(join(staging, 'special_tokens_map.json'), JSON.stringify(tok.specialTokensMap));
  writeFileSync(join(staging, 'config.json'), JSON.stringify(config(architecture, labels), null, 2));
  // One graph at a time: the fp32 model is ~440 MB and its encoding briefly doubles that.
  writeFileSync(join(staging, 'onnx', 'model.onnx'), bertGraph(BERT_BASE, head, { int8: false, seed: SEED }));
  writeFileSync(join(staging, 'onnx', 'model_quantized.onnx'), bertGraph(BERT_BASE, head, { int8: true, seed: SEED }));
  writeFileSync(join(staging, '.version'), VERSION);
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
}

/** Writes (if missing) and returns the NER and sequence-classification model folders. */
export async function ensureBertBaseShaped(cacheDir: string): Promise<{ ner: string; classifier: string }> {
  const ner = join(cacheDir, 'bert-base-shaped-ner');
  const classifier = join(cacheDir, 'bert-base-shaped-cls');
  writeFolder(ner, { kind: 'token', numLabels: NER_LABELS.length }, 'BertForTokenClassification', NER_LABELS);
  writeFolder(classifier, { kind: 'sequence', numLabels: CLS_LABELS.length }, 'BertForSequenceClassification', CLS_LABELS);
  return { ner, classifier };
}

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '..', '.cache', 'models'));
  const started = performance.now();
  const paths = await ensureBertBaseShaped(dir);
  console.log(`BERT-base-shaped models ready in ${((performance.now() - started) / 1000).toFixed(1)} s:`, paths);
}
