import type { Span } from '../model/span.ts';
import { boxesForRange, type PageRuns } from '../layout/boxes.ts';
import { csvRow, inert } from './csv-writer.ts';

export const SPANS_HEADER = ['document_id', 'document_name', 'span_id', 'start', 'end', 'label', 'score', 'source', 'source_name', 'status', 'page', 'boxes'];

export interface SpanRowsInput {
  documentName: string;
  text: string;
  pages: ReadonlyArray<PageRuns & { textStart: number; textEnd: number }>;
  /** The span text is personal data: only written when the analyst asks for it. */
  includeText: boolean;
}

/**
 * Spans as CSV rows. `page` is the page the span starts on; `boxes` is JSON
 * [[page, x, y, w, h], ...] in PDF points (origin bottom-left), one per line the span covers.
 */
export function spanRows(spans: readonly Span[], input: SpanRowsInput): string {
  let out = '';
  for (const s of spans) {
    const page = input.pages.find((p) => s.start >= p.textStart && s.start < p.textEnd)?.pageNo ?? null;
    const touched = input.pages.filter((p) => s.end > p.textStart && s.start < p.textEnd);
    const boxes =
      touched.length > 0 ? boxesForRange(touched, s.start, s.end, { padding: 0, text: input.text }).map((b) => [b.pageNo, r(b.x), r(b.y), r(b.w), r(b.h)]) : [];
    const cells = [
      s.documentId,
      inert(input.documentName),
      s.id,
      s.start,
      s.end,
      inert(s.label),
      s.score,
      s.source,
      inert(s.sourceName),
      s.status,
      page,
      boxes.length ? JSON.stringify(boxes) : null,
    ];
    if (input.includeText) cells.push(inert(input.text.slice(s.start, s.end)));
    out += csvRow(cells);
  }
  return out;
}

export function spansHeader(includeText: boolean): string {
  return csvRow(includeText ? [...SPANS_HEADER, 'text'] : SPANS_HEADER);
}

const r = (n: number) => Math.round(n * 100) / 100;
