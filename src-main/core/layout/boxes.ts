import { estimatedAdvances } from './glyph-widths.ts';
import type { PageBox, TextRun } from './text-runs.ts';

export interface PageRuns {
  pageNo: number;
  runs: readonly TextRun[];
}

export interface BoxOptions {
  /** Extra margin around every glyph box, in points: redaction must cover glyphs completely. */
  padding?: number;
  /** The document text the runs index: lets unmeasured runs use estimated glyph widths. */
  text?: string;
}

/**
 * Boxes that cover the glyphs of text[start, end) on every page the range touches (a span may
 * cross lines and pages). One box per run the range overlaps, axis-aligned in unrotated PDF
 * user space, so rotated text gets its bounding box. Runs without measured glyph advances are
 * interpolated and padded (see `runBox`), because an interpolated edge can be off.
 */
export function boxesForRange(pages: readonly PageRuns[], start: number, end: number, options: BoxOptions = {}): PageBox[] {
  const padding = options.padding ?? 1;
  const boxes: PageBox[] = [];
  for (const page of pages) {
    for (const run of page.runs) {
      if (run.end <= start || run.start >= end || run.end <= run.start) continue;
      const from = Math.max(start, run.start) - run.start;
      const to = Math.min(end, run.end) - run.start;
      boxes.push({ pageNo: page.pageNo, ...runBox(run, from, to, padding, options.text) });
    }
  }
  return boxes;
}

/** Where the glyph at `index` of a run starts along its baseline: measured, estimated from the text, or an even spread. */
export function advanceAt(run: TextRun, index: number, text?: string): number {
  if (index <= 0) return 0;
  const length = run.end - run.start;
  const at = Math.min(index, length);
  if (run.advances && run.advances.length === length) return run.advances[at - 1]!;
  if (text !== undefined && text.length >= run.end) return estimatedAdvances(text.slice(run.start, run.end), run.width)[at - 1]!;
  return (run.width * at) / length;
}

function runBox(run: TextRun, from: number, to: number, padding: number, text?: string): Omit<PageBox, 'pageNo'> {
  const [a, b, c, d, e, f] = run.transform;
  const along = Math.hypot(a, b) || 1;
  const up = Math.hypot(c, d) || 1;
  const dir = [a / along, b / along] as const;
  const normal = [c / up, d / up] as const;
  const size = run.height;
  const measured = run.advances !== undefined && run.advances.length === run.end - run.start;
  // An estimated edge is off by how far this font's widths stray from the estimate, which
  // grows with the distance to the run's nearest end (an end itself is exact): half an em, plus
  // a twentieth of that distance. A box too wide hides a neighbour's pixels (the text layer
  // still carries it); a box too narrow shows part of what was redacted.
  const slackAt = (u: number) => (measured ? 0 : size * 0.5 + 0.05 * Math.max(0, Math.min(u, run.width - u)));
  const u0 = advanceAt(run, from, text);
  const u1 = advanceAt(run, to, text);
  const x0 = u0 - slackAt(u0);
  const x1 = u1 + slackAt(u1);
  const y0 = Math.min(run.descent, -0.25) * size;
  const y1 = Math.max(run.ascent, 0.8) * size;
  const corners = [
    [x0, y0],
    [x1, y0],
    [x0, y1],
    [x1, y1],
  ].map(([u, v]) => [e + dir[0] * u! + normal[0] * v!, f + dir[1] * u! + normal[1] * v!] as const);
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const left = Math.min(...xs) - padding;
  const bottom = Math.min(...ys) - padding;
  return { x: left, y: bottom, w: Math.max(...xs) + padding - left, h: Math.max(...ys) + padding - bottom };
}
