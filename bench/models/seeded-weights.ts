import { mulberry32 } from '../../test/fixtures/seeded-random.ts';

/** Deterministic pseudo-random weights (mulberry32): same seed, same model, on every machine. */
export class SeededWeights {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Uniform values with the given standard deviation (BERT initialises with std 0.02). */
  uniform(count: number, std = 0.02): Float32Array {
    const half = std * Math.sqrt(3);
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = (this.next() * 2 - 1) * half;
    return out;
  }

  filled(count: number, value: number): Float32Array {
    return new Float32Array(count).fill(value);
  }
}

/** Symmetric per-tensor int8 quantisation (zero point 0), as quantize_dynamic does for weights. */
export function quantizeInt8(values: Float32Array): { data: Int8Array; scale: number } {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const data = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) data[i] = Math.max(-127, Math.min(127, Math.round(values[i]! / scale)));
  return { data, scale };
}
