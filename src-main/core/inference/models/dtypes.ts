// The ONNX weight files of a transformers.js model, named exactly as transformers.js names them
// (DEFAULT_DTYPE_SUFFIX_MAPPING in @huggingface/transformers): dtype → onnx/model<suffix>.onnx, and
// external data beside a graph as <graph>_data, <graph>_data_1, <graph>_data_2, …

export const ONNX_DTYPES = {
  fp32: 'onnx/model.onnx',
  fp16: 'onnx/model_fp16.onnx',
  q8: 'onnx/model_quantized.onnx',
  int8: 'onnx/model_int8.onnx',
  uint8: 'onnx/model_uint8.onnx',
  q4: 'onnx/model_q4.onnx',
  q4f16: 'onnx/model_q4f16.onnx',
  bnb4: 'onnx/model_bnb4.onnx',
  q2: 'onnx/model_q2.onnx',
  q2f16: 'onnx/model_q2f16.onnx',
  q1: 'onnx/model_q1.onnx',
  q1f16: 'onnx/model_q1f16.onnx',
} as const;

export type OnnxDtype = keyof typeof ONNX_DTYPES;
export const ONNX_DTYPE_NAMES = Object.keys(ONNX_DTYPES) as OnnxDtype[];

/** What a pull takes when the analyst does not choose: the quantized graph (a quarter of the bytes), else fp32. */
export const DEFAULT_DTYPES: readonly OnnxDtype[] = ['q8', 'fp32'];

/** transformers.js refuses more chunks than this (MAX_EXTERNAL_DATA_CHUNKS). */
export const MAX_EXTERNAL_DATA_CHUNKS = 100;

export function isOnnxDtype(value: string): value is OnnxDtype {
  return Object.hasOwn(ONNX_DTYPES, value);
}

/** <graph>_data, <graph>_data_1, … (transformers.js getExternalDataChunkNames). */
export function externalDataName(graph: string, chunk: number): string {
  return `${graph}_data${chunk === 0 ? '' : `_${chunk}`}`;
}

/** The external data files of a graph that a repo's file list names: chunks 0, 1, 2, … up to the first gap. */
export function externalDataFiles(graph: string, files: ReadonlySet<string> | readonly string[]): string[] {
  const has = files instanceof Set ? (f: string) => files.has(f) : (f: string) => (files as readonly string[]).includes(f);
  const found: string[] = [];
  for (let chunk = 0; chunk < MAX_EXTERNAL_DATA_CHUNKS && has(externalDataName(graph, chunk)); chunk++) found.push(externalDataName(graph, chunk));
  return found;
}
