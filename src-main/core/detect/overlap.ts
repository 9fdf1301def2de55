import type { DetectedSpan } from './types.ts';

// When detections overlap, one stays: the longest (a URL over the IP inside it, an email over a
// deny-listed word inside it, a card over a 4-digit custom match), so the most text stays covered;
// at equal length the analyst's own rules (deny-list, custom regexes), then the higher confidence,
// then the earlier start. The kept spans never overlap.

function tier(span: DetectedSpan): number {
  return span.detector === 'deny-list' || span.detector.startsWith('regex:') ? 0 : 1;
}

function before(a: DetectedSpan, b: DetectedSpan): number {
  return b.end - b.start - (a.end - a.start) || tier(a) - tier(b) || b.score - a.score || a.start - b.start;
}

export function resolveOverlaps(spans: readonly DetectedSpan[]): DetectedSpan[] {
  const kept: DetectedSpan[] = []; // sorted by start, non-overlapping
  for (const span of [...spans].sort(before)) {
    // First kept span starting at or after span.start; check it and the one before it.
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.start < span.start) lo = mid + 1;
      else hi = mid;
    }
    const next = kept[lo];
    const prev = kept[lo - 1];
    if (next && next.start < span.end) continue;
    if (prev && prev.end > span.start) continue;
    kept.splice(lo, 0, span);
  }
  return kept;
}
