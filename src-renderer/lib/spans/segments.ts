// The text view's highlight runs: the text cut at every span edge, each piece with the spans
// covering it, so overlapping spans show as nested marks rather than hiding each other.
export interface SpanLike {
  id: number;
  start: number;
  end: number;
}

export interface Segment<S extends SpanLike = SpanLike> {
  start: number;
  end: number;
  spans: S[];
}

export function segments<S extends SpanLike>(length: number, spans: readonly S[], from = 0, to = length): Segment<S>[] {
  const cuts = new Set<number>([from, to]);
  const inside = spans.filter((s) => s.end > from && s.start < to);
  for (const s of inside) {
    if (s.start > from) cuts.add(s.start);
    if (s.end < to) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment<S>[] = [];
  // Spans sorted by start let each piece find its covering spans without a full scan.
  const sorted = [...inside].sort((a, b) => a.start - b.start || b.end - a.end);
  let open: S[] = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (next < sorted.length && sorted[next]!.start <= start) open.push(sorted[next++]!);
    open = open.filter((s) => s.end > start);
    out.push({ start, end, spans: open.filter((s) => s.start <= start && s.end >= end) });
  }
  return out;
}

/** Chunk boundaries for lazy rendering: cut at a newline near every `size` characters, never inside a span. */
export function chunkBounds(text: string, spans: readonly SpanLike[], size = 4000): number[] {
  const bounds = [0];
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  let pos = 0;
  while (pos + size < text.length) {
    let cut = text.indexOf('\n', pos + size);
    if (cut < 0 || cut > pos + size * 2) cut = pos + size;
    else cut += 1;
    // Move the cut past any span that crosses it.
    for (const s of byStart) {
      if (s.start >= cut) break;
      if (s.end > cut) cut = s.end;
    }
    // Never between the halves of a surrogate pair.
    if (cut < text.length && /[\uDC00-\uDFFF]/.test(text[cut]!)) cut++;
    if (cut >= text.length) break;
    bounds.push(cut);
    pos = cut;
  }
  bounds.push(text.length);
  return bounds;
}
