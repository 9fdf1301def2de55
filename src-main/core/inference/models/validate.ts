// A model folder is checked before any session is created, so that a broken download or a
// wrong folder gives a message naming the file, not an ONNX Runtime stack trace.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DocketError } from '../../errors.ts';
import { externalDataFiles, ONNX_DTYPE_NAMES, ONNX_DTYPES, type OnnxDtype } from './dtypes.ts';

export interface ModelFolderInfo {
  config: Record<string, unknown>;
  labels: string[];
  dtypes: OnnxDtype[];
}

/** Every weights file transformers.js knows, by dtype (model.onnx, model_quantized.onnx, model_fp16.onnx…). */
export const ONNX_FILES = ONNX_DTYPES;

function readJson(dir: string, file: string): Record<string, unknown> {
  const path = join(dir, file);
  if (!existsSync(path))
    throw new DocketError(
      'model_invalid',
      `${path} is missing: a model folder needs config.json, tokenizer.json and onnx/model.onnx (or model_quantized.onnx).`,
    );
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (typeof value !== 'object' || value === null) throw new Error('not a JSON object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new DocketError('model_invalid', `${path} is not valid JSON (${(error as Error).message}); the download may be incomplete: pull the model again.`);
  }
}

export function validateModelFolder(dir: string): ModelFolderInfo {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new DocketError('model_not_found', `${dir} is not a folder.`);
  const config = readJson(dir, 'config.json');
  const id2label = config['id2label'];
  if (typeof id2label !== 'object' || id2label === null || Object.keys(id2label).length === 0) {
    throw new DocketError(
      'model_invalid',
      `${join(dir, 'config.json')} has no id2label: Docket cannot name the model's outputs. Use a fine-tuned classification or token-classification model.`,
    );
  }
  const labels = Object.entries(id2label as Record<string, string>)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, l]) => l);
  const tokenizer = readJson(dir, 'tokenizer.json');
  checkVocabulary(dir, tokenizer, config);
  const dtypes = ONNX_DTYPE_NAMES.filter((d) => existsSync(join(dir, ONNX_FILES[d])));
  if (dtypes.length === 0)
    throw new DocketError('model_invalid', `${join(dir, 'onnx')} has neither model.onnx nor model_quantized.onnx (nor another transformers.js weights file).`);
  for (const dtype of dtypes) {
    checkOnnxFile(join(dir, ONNX_FILES[dtype]));
    checkExternalData(dir, dtype, config);
  }
  return { config, labels, dtypes };
}

function checkVocabulary(dir: string, tokenizer: Record<string, unknown>, config: Record<string, unknown>): void {
  const model = tokenizer['model'] as { vocab?: unknown } | undefined;
  const vocab = model?.vocab;
  const size = Array.isArray(vocab) ? vocab.length : vocab && typeof vocab === 'object' ? Object.keys(vocab).length : 0;
  const added = Array.isArray(tokenizer['added_tokens']) ? (tokenizer['added_tokens'] as Array<{ id: number }>) : [];
  const highest = Math.max(size - 1, ...added.map((t) => t.id));
  const vocabSize = Number(config['vocab_size']);
  if (Number.isFinite(vocabSize) && vocabSize > 0 && highest >= vocabSize) {
    throw new DocketError(
      'model_invalid',
      `${join(dir, 'tokenizer.json')} has token ids up to ${highest}, but config.json says vocab_size ${vocabSize}: the tokenizer does not belong to this model.`,
    );
  }
}

/**
 * Walks the ONNX file's top-level protobuf fields (tag, length, skip): a truncated or corrupt
 * file shows as a field running past the end or an impossible tag, without loading the graph.
 */
export function checkOnnxFile(path: string): void {
  const size = statSync(path).size;
  const fail = (why: string) => {
    throw new DocketError('model_invalid', `${path} is not a valid ONNX model (${why}); the download may be incomplete: pull the model again.`);
  };
  if (size < 16) fail(`${size} bytes`);
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(10);
  const varint = (pos: number): [number, number] => {
    readSync(fd, buf, 0, 10, pos);
    let value = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      const b = buf[i]!;
      value += (b & 0x7f) * mul;
      mul *= 128;
      if (b < 0x80) return [value, pos + i + 1];
    }
    return fail('bad varint at byte ' + pos);
  };
  try {
    let pos = 0;
    let sawGraph = false;
    while (pos < size) {
      const [tag, next] = varint(pos);
      const field = Math.floor(tag / 8);
      const wire = tag & 7;
      if (field < 1 || field > 30) fail(`unexpected field ${field} at byte ${pos}`);
      if (wire === 0) pos = varint(next)[1];
      else if (wire === 2) {
        const [length, start] = varint(next);
        if (start + length > size) fail(`field ${field} runs ${start + length - size} bytes past the end of the file`);
        if (field === 7) sawGraph = true;
        pos = start + length;
      } else if (wire === 5) pos = next + 4;
      else if (wire === 1) pos = next + 8;
      else fail(`wire type ${wire} at byte ${pos}`);
    }
    if (!sawGraph) fail('it has no graph');
  } finally {
    closeSync(fd);
  }
}

/** How many external data files (<graph>_data, <graph>_data_1, …) sit beside the dtype's graph. */
function externalDataChunks(dir: string, dtype: OnnxDtype): number {
  const graph = join(dir, ONNX_FILES[dtype]);
  const names = existsSync(dirname(graph)) ? readdirSync(dirname(graph)) : [];
  return externalDataFiles(basename(graph), names).length;
}

/** A config that says the weights are outside the graph, with no such file beside it, would fail deep in ONNX Runtime. */
function checkExternalData(dir: string, dtype: OnnxDtype, config: Record<string, unknown>): void {
  const declared = (config['transformers.js_config'] as { use_external_data_format?: unknown } | undefined)?.use_external_data_format;
  const wanted = typeof declared === 'number' ? declared : declared === true ? 1 : 0;
  if (wanted > 0 && externalDataChunks(dir, dtype) < wanted) {
    throw new DocketError(
      'model_invalid',
      `${join(dir, ONNX_FILES[dtype])}_data is missing: config.json says the ${dtype} weights are kept outside the graph in ${wanted} file(s). Pull the model again.`,
    );
  }
}
