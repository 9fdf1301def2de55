/** Types shared by the token-classification modules (interface I3). */

export interface TokenWindow {
  inputIds: number[];
  attentionMask: number[];
  tokenTypeIds?: number[];
  /** Per token: [start, end) UTF-16 offsets into the document text; null for special tokens. */
  offsets: Array<[number, number] | null>;
  /** Document-global word index per token (null for special tokens); for word-level aggregation. */
  wordIds: Array<number | null>;
  /** Token index range [coreStart, coreEnd) this window is the most central window for. */
  coreStart: number;
  coreEnd: number;
}

export type AggregationStrategy = 'none' | 'simple' | 'first' | 'average' | 'max';

export const AGGREGATION_STRATEGIES: readonly AggregationStrategy[] = ['none', 'simple', 'first', 'average', 'max'];

export interface DecodeOptions {
  aggregation: AggregationStrategy;
  /** Labels dropped from the output (matched against the full label or its B-/I- stripped tag). Default ['O']. */
  ignoreLabels?: string[];
  /** Minimum score per label (full label or tag); overrides `threshold`. */
  thresholds?: Record<string, number>;
  /** Minimum score for every label. Default 0. */
  threshold?: number;
}

export interface EntitySpan {
  start: number;
  end: number;
  /** Grouped tag ('PER') for simple/first/average/max; the token's own label ('B-PER') for none. */
  label: string;
  score: number;
}
