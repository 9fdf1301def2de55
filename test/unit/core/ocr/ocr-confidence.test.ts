import { describe, expect, it } from 'vitest';
import type { TextRun } from '../../../../src-main/core/layout/text-runs.ts';
import { withOcrConfidence } from '../../../../src-main/core/ocr/ocr-confidence.ts';

const run = (start: number, end: number, confidence?: number): TextRun => ({
  start,
  end,
  transform: [10, 0, 0, 10, 0, 0],
  width: 10,
  height: 10,
  ascent: 1,
  descent: 0,
  ...(confidence === undefined ? {} : { confidence }),
});

describe('withOcrConfidence', () => {
  it('scales a span by the lowest confidence of the OCR words under it, and leaves PDF text alone', () => {
    const runs = [run(0, 4, 96), run(5, 9, 40), run(10, 14, 90), run(20, 24)];
    const found = [
      { start: 0, end: 9, score: 0.9 }, // over a 96% and a 40% word
      { start: 10, end: 14, score: 1 }, // one 90% word
      { start: 20, end: 24, score: 0.8 }, // text from the file, not OCR
    ];
    expect(withOcrConfidence(found, runs).map((s) => s.score)).toEqual([0.9 * 0.4, 0.9, 0.8]);
  });
});
