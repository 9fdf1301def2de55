/**
 * A BERT-base-shaped encoder as an ONNX graph with the ops of a real export: embeddings (word +
 * position + token type) → LayerNormalization → N × [self-attention with the additive mask,
 * residual + LayerNorm, GELU (Erf form) feed-forward, residual + LayerNorm] → head.
 *
 * int8 variant = what onnxruntime.quantization.quantize_dynamic writes and what the q8
 * model_quantized.onnx files of Xenova/* models contain: every weight MatMul becomes
 * DynamicQuantizeLinear(activation) → MatMulInteger(uint8, int8 weight) → Cast → Mul(scale_a·scale_w);
 * ORT fuses that into DynamicQuantizeMatMul on CPU. The word embedding table is int8 and
 * dequantized after the Gather (only the looked-up rows).
 */
import { OnnxGraph } from '../../test/fixtures/models/onnx/graph.ts';
import { SeededWeights, quantizeInt8 } from './seeded-weights.ts';

export interface BertShape {
  vocabSize: number;
  hidden: number;
  layers: number;
  heads: number;
  intermediate: number;
  maxPositions: number;
  typeVocab: number;
}

export type BertHead = { kind: 'token'; numLabels: number } | { kind: 'sequence'; numLabels: number };

export function bertGraph(shape: BertShape, head: BertHead, options: { int8: boolean; seed: number }): Uint8Array {
  const w = new SeededWeights(options.seed);
  const g = new OnnxGraph(`bert_base_shaped_${head.kind}`);
  const H = shape.hidden;
  g.input('input_ids', 'int64', ['batch_size', 'sequence_length']);
  g.input('attention_mask', 'int64', ['batch_size', 'sequence_length']);
  g.input('token_type_ids', 'int64', ['batch_size', 'sequence_length']);

  const floatInit = (name: string, dims: number[], data: Float32Array) => g.init(name, 'float', dims, data);

  /** x · W + b, fp32 or dynamically quantized. */
  const linear = (name: string, x: string, inDim: number, outDim: number): string => {
    const weight = w.uniform(inDim * outDim);
    const bias = floatInit(`${name}.bias`, [outDim], w.filled(outDim, 0));
    if (!options.int8) return g.op('Add', [g.op('MatMul', [x, floatInit(`${name}.weight`, [inDim, outDim], weight)]), bias]);
    const q = quantizeInt8(weight);
    const wq = g.init(`${name}.weight_quantized`, 'int8', [inDim, outDim], q.data);
    const wScale = g.init(`${name}.weight_scale`, 'float', [], [q.scale]);
    const wZero = g.init(`${name}.weight_zero_point`, 'int8', [], [0]);
    const [xq, xScale, xZero] = [g.fresh('xq'), g.fresh('x_scale'), g.fresh('x_zero_point')];
    g.op('DynamicQuantizeLinear', [x], {}, [xq, xScale, xZero]);
    const product = g.op('MatMulInteger', [xq, wq, xZero, wZero]);
    const scaled = g.op('Mul', [g.op('Cast', [product], { to: 1 }), g.op('Mul', [xScale, wScale])]);
    return g.op('Add', [scaled, bias]);
  };
  const layerNorm = (name: string, x: string) =>
    g.op('LayerNormalization', [x, floatInit(`${name}.gamma`, [H], w.filled(H, 1)), floatInit(`${name}.beta`, [H], w.filled(H, 0))], {
      axis: -1,
      epsilon: 1e-12,
    });

  // Embeddings.
  const wordTable = w.uniform(shape.vocabSize * H);
  let words: string;
  if (options.int8) {
    const q = quantizeInt8(wordTable);
    const table = g.init('embeddings.word.quantized', 'int8', [shape.vocabSize, H], q.data);
    words = g.op('DequantizeLinear', [
      g.op('Gather', [table, 'input_ids'], { axis: 0 }),
      g.init('embeddings.word.scale', 'float', [], [q.scale]),
      g.init('embeddings.word.zero_point', 'int8', [], [0]),
    ]);
  } else {
    words = g.op('Gather', [floatInit('embeddings.word', [shape.vocabSize, H], wordTable), 'input_ids'], { axis: 0 });
  }
  const seqLen = g.op('Gather', [g.op('Shape', ['input_ids']), g.constInt64(1)], { axis: 0 });
  const positions = g.op('Range', [g.constInt64(0), seqLen, g.constInt64(1)]);
  const posEmb = g.op('Gather', [floatInit('embeddings.position', [shape.maxPositions, H], w.uniform(shape.maxPositions * H)), positions], { axis: 0 });
  const typeEmb = g.op('Gather', [floatInit('embeddings.token_type', [shape.typeVocab, H], w.uniform(shape.typeVocab * H)), 'token_type_ids'], { axis: 0 });
  let x = layerNorm('embeddings.norm', g.op('Add', [g.op('Add', [words, typeEmb]), posEmb]));

  // Additive mask [B, 1, 1, S]: 0 where attended, -10000 where padded (as BERT exports do).
  const maskF = g.op('Cast', ['attention_mask'], { to: 1 });
  const additive = g.op('Mul', [g.op('Sub', [g.constFloat(1), maskF]), g.constFloat(-10000)]);
  const extMask = g.op('Unsqueeze', [additive, g.constInt64([1, 2])]);

  const headDim = H / shape.heads;
  const splitHeads = g.constInt64([0, 0, shape.heads, headDim]);
  const mergeHeads = g.constInt64([0, 0, H]);
  const scale = g.constFloat(1 / Math.sqrt(headDim));
  for (let l = 0; l < shape.layers; l++) {
    const p = `layer.${l}`;
    const heads = (name: string, perm: number[]) => g.op('Transpose', [g.op('Reshape', [linear(`${p}.attention.${name}`, x, H, H), splitHeads])], { perm });
    const q = heads('query', [0, 2, 1, 3]);
    const k = heads('key', [0, 2, 3, 1]);
    const v = heads('value', [0, 2, 1, 3]);
    const scores = g.op('Add', [g.op('Mul', [g.op('MatMul', [q, k]), scale]), extMask]);
    const context = g.op('MatMul', [g.op('Softmax', [scores], { axis: -1 }), v]);
    const merged = g.op('Reshape', [g.op('Transpose', [context], { perm: [0, 2, 1, 3] }), mergeHeads]);
    x = layerNorm(`${p}.attention.norm`, g.op('Add', [linear(`${p}.attention.output`, merged, H, H), x]));
    const up = linear(`${p}.intermediate`, x, H, shape.intermediate);
    const gelu = g.op('Mul', [
      g.op('Mul', [up, g.constFloat(0.5)]),
      g.op('Add', [g.op('Erf', [g.op('Div', [up, g.constFloat(Math.SQRT2)])]), g.constFloat(1)]),
    ]);
    x = layerNorm(`${p}.output.norm`, g.op('Add', [linear(`${p}.output`, gelu, shape.intermediate, H), x]));
  }

  if (head.kind === 'token') {
    g.op('Identity', [linear('classifier', x, H, head.numLabels)], {}, 'logits');
    g.output('logits', 'float', ['batch_size', 'sequence_length', head.numLabels]);
  } else {
    const cls = g.op('Gather', [x, g.constInt64(0)], { axis: 1 });
    const pooled = g.op('Tanh', [linear('pooler', cls, H, H)]);
    g.op('Identity', [linear('classifier', pooled, H, head.numLabels)], {}, 'logits');
    g.output('logits', 'float', ['batch_size', head.numLabels]);
  }
  return g.toBytes(17, `BERT-base-shaped ${head.kind} classifier, random weights (seed ${options.seed})${options.int8 ? ', int8 dynamic quantization' : ''}`);
}
