import type { Span } from '../model/span.ts';

/** Which spans an export uses: the analyst's decisions only, or every live proposal too. */
export interface SpanFilter {
  status: 'accepted' | 'all';
  /** Drops spans scored below this; spans without a score (made by hand) always pass. */
  minScore?: number | undefined;
}

/**
 * Rejected spans are never used: a rejection is the analyst saying "this is not PII".
 * 'all' means accepted plus still-proposed.
 */
export function selectSpans<T extends Pick<Span, 'status' | 'score'>>(spans: readonly T[], filter: SpanFilter): T[] {
  return spans.filter((span) => {
    if (span.status === 'rejected') return false;
    if (filter.status === 'accepted' && span.status !== 'accepted') return false;
    if (filter.minScore !== undefined && span.score !== null && span.score < filter.minScore) return false;
    return true;
  });
}

/** A stretch of text to redact: overlapping or touching spans merged into one. */
export interface RedactionRange {
  start: number;
  end: number;
  /** The label of the longest span in the merge (ties: the first). */
  label: string;
  spanIds: number[];
  /** Every label in the merge, for per-label counts. */
  labels: string[];
}

export function mergeRanges(spans: ReadonlyArray<Pick<Span, 'id' | 'start' | 'end' | 'label'>>): RedactionRange[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const ranges: Array<RedactionRange & { longest: number }> = [];
  for (const span of sorted) {
    if (span.end <= span.start) continue;
    const last = ranges[ranges.length - 1];
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      last.spanIds.push(span.id);
      last.labels.push(span.label);
      if (span.end - span.start > last.longest) {
        last.longest = span.end - span.start;
        last.label = span.label;
      }
      continue;
    }
    ranges.push({ start: span.start, end: span.end, label: span.label, spanIds: [span.id], labels: [span.label], longest: span.end - span.start });
  }
  return ranges.map(({ longest: _longest, ...range }) => range);
}

/** Spans per label, as the report counts them. */
export function countByLabel(spans: ReadonlyArray<Pick<Span, 'label'>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const span of spans) counts[span.label] = (counts[span.label] ?? 0) + 1;
  return counts;
}
