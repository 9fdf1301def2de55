// A value found in text that OCR read is only as sure as the words it was read from: a card
// number on a word Tesseract gave 40% may have a wrong digit. Its score is scaled by the lowest
// confidence of those words, so the review queue (least confident first) brings it forward.
import type { TextRun } from '../layout/text-runs.ts';

export function withOcrConfidence<T extends { start: number; end: number; score: number }>(found: readonly T[], runs: readonly TextRun[]): T[] {
  const read = runs.filter((r) => r.confidence !== undefined).sort((a, b) => a.start - b.start);
  if (read.length === 0) return [...found];
  return found.map((span) => {
    let lowest = 100;
    for (const run of read) {
      if (run.start >= span.end) break;
      if (run.end > span.start) lowest = Math.min(lowest, run.confidence!);
    }
    return lowest < 100 ? { ...span, score: span.score * (lowest / 100) } : span;
  });
}
