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
  // Spans only compete within a cluster of overlapping ones, so the rule runs per cluster; most
  // clusters are one span, and the whole stays one sort (a kept list spliced span by span was
  // quadratic: 40% of detection time on text with 100,000 findings).
  const byStart = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DetectedSpan[] = [];
  for (let i = 0; i < byStart.length;) {
    let end = byStart[i]!.end;
    let j = i + 1;
    while (j < byStart.length && byStart[j]!.start < end) end = Math.max(end, byStart[j++]!.end);
    if (j === i + 1) kept.push(byStart[i]!);
    else for (const span of resolveCluster(byStart.slice(i, j))) kept.push(span);
    i = j;
  }
  return kept;
}

/** The rule within one cluster: best first, each kept unless it overlaps one kept before it. */
function resolveCluster(cluster: DetectedSpan[]): DetectedSpan[] {
  const kept: DetectedSpan[] = [];
  for (const span of cluster.sort(before)) {
    if (kept.every((k) => k.end <= span.start || k.start >= span.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}
