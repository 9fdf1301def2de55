import type { CountryCode } from 'libphonenumber-js';

/** A per-project rule as stored in pattern_rules (I4). */
export interface PatternRuleInput {
  kind: 'regex' | 'deny' | 'allow';
  label: string;
  pattern: string;
  flags: string;
}

/** One detection: `text.slice(start, end)` is exactly what was found. */
export interface DetectedSpan {
  start: number;
  end: number;
  label: string;
  score: number;
  /** The detector's id, shown to the analyst beside the span (see `detectorInfo`). */
  detector: string;
}

export interface DetectOptions {
  /** Only these built-in detectors (ids); all when omitted. Custom rules always run. */
  detectors?: string[];
  /**
   * Regions whose national formats phone numbers written without a country code are read in
   * (ISO 3166 alpha-2), most likely first. Default `DEFAULT_PHONE_REGIONS`.
   */
  phoneRegions?: readonly CountryCode[];
  /**
   * Called when a custom rule runs over its time budget on this text: the rule is skipped for
   * it (every other detector completes) and the caller may disable it for the rest of a run.
   * Without it, the timeout is thrown.
   */
  onRuleTimeout?: (rule: PatternRuleInput, message: string) => void;
}

/** A built-in detector: one pass over the text. */
export interface Detector {
  id: string;
  /** What the analyst sees: what it finds and how it checks it. */
  name: string;
  label: string;
  detect(text: string, options: DetectOptions): DetectedSpan[];
}
