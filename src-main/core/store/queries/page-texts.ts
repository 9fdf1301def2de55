// New text for some pages of a document (OCR read them), written into the document: its text,
// every page's range and runs, and the spans. A document's text is its pages' texts in order,
// joined by a blank line (ingest/pdf.ts). Writing a page's new text there moves every offset
// after it, and an analyst's decision is final: a span that was accepted, rejected or drawn by
// hand has its offsets in the audit log, where undo reads them back. So the text is rebuilt in
// page order only when no such span lies after the first page written; otherwise the new text
// is appended after the document's end, where it moves nothing (the page's range points there).
import { DocketError } from '../../errors.ts';
import type { TextRun } from '../../layout/text-runs.ts';
import * as audit from './audit.ts';
import type { Db } from '../database.ts';
import * as pages from './pages.ts';
import { prepared } from '../statements.ts';

/** A page's new text: runs index it from 0 (its own text), confidence is the mean over its words. */
export interface PageText {
  text: string;
  runs: TextRun[];
  /** Mean word confidence, 0-100. */
  confidence: number;
  words: number;
}

export interface PageTextsResult {
  /** Pages written; pages refused because a decision lies on them (their old text had spans). */
  written: number[];
  refused: number[];
  /** 'in-order': the text was rebuilt in page order; 'appended': new text went after the end. */
  placement: 'in-order' | 'appended';
}

const SEPARATOR = '\n\n';

interface SpanRow {
  id: number;
  start: number;
  end: number;
  decided: number;
}

/**
 * Writes `texts` (page number → new text) into document `documentId`, inside the caller's write
 * transaction. A page whose old text holds a decided span is refused (its text stays); proposals
 * on a replaced page are removed (they were found in the text being replaced).
 */
export function replacePageTexts(db: Db, documentId: number, texts: ReadonlyMap<number, PageText>, actor: string): PageTextsResult {
  const doc = prepared(db, 'SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string } | undefined;
  if (!doc) throw new DocketError('not_found', `Document ${documentId} does not exist (deleted meanwhile?).`);
  const all = pages.forDocument(db, documentId);
  const spans = prepared(db, "SELECT id, start, end, status != 'proposed' OR source = 'human' AS decided FROM spans WHERE document_id = ? ORDER BY start").all(
    documentId,
  ) as SpanRow[];
  const onPage = (p: pages.PageWithRuns) => spans.filter((s) => p.textEnd > p.textStart && s.start < p.textEnd && s.end > p.textStart);
  const refused = all.filter((p) => texts.has(p.pageNo) && onPage(p).some((s) => s.decided === 1)).map((p) => p.pageNo);
  const replaced = all.filter((p) => texts.has(p.pageNo) && !refused.includes(p.pageNo));
  if (replaced.length === 0) return { written: [], refused, placement: 'in-order' };
  const firstMoved = Math.min(...replaced.map((p) => p.textStart));
  const decidedAfter = spans.some((s) => s.decided === 1 && s.start >= firstMoved);
  const placement = decidedAfter ? 'appended' : 'in-order';
  const layout = placement === 'in-order' ? inOrder(doc.text, all, texts, replaced) : appended(doc.text, all, texts, replaced);

  const removed = replaced.flatMap((p) => onPage(p).map((s) => s.id));
  const removeSpan = prepared(db, 'DELETE FROM spans WHERE id = ?');
  for (const id of removed) removeSpan.run(id);
  if (placement === 'in-order') {
    const move = prepared(db, 'UPDATE spans SET start = ?, end = ? WHERE id = ?');
    for (const s of spans) {
      if (removed.includes(s.id)) continue;
      const shift = layout.shiftAt(s.start);
      if (shift !== 0) move.run(s.start + shift, s.end + shift, s.id);
    }
  }
  prepared(db, 'UPDATE documents SET text = ? WHERE id = ?').run(layout.text, documentId);
  const update = prepared(
    db,
    'UPDATE pages SET text_start = ?, text_end = ?, layout = ?, needs_ocr = ?, ocr_confidence = ? WHERE document_id = ? AND page_no = ?',
  );
  for (const p of layout.pages) update.run(p.textStart, p.textEnd, JSON.stringify(p.runs), p.needsOcr ? 1 : 0, p.ocrConfidence, documentId, p.pageNo);
  refreshOcrFigures(db, documentId);
  audit.append(db, {
    actor,
    action: 'document.ocr',
    entity: 'document',
    entityId: documentId,
    before: { textLength: doc.text.length },
    after: { textLength: layout.text.length, pages: replaced.map((p) => p.pageNo), placement, proposalsRemoved: removed.length },
  });
  return { written: replaced.map((p) => p.pageNo), refused, placement };
}

interface Laid {
  pageNo: number;
  textStart: number;
  textEnd: number;
  runs: TextRun[];
  needsOcr: boolean;
  ocrConfidence: number | null;
}

interface Layout {
  text: string;
  pages: Laid[];
  /** How far an offset of the old text moves (0 past the end, or when appended). */
  shiftAt(offset: number): number;
}

const moveRuns = (runs: readonly TextRun[], by: number): TextRun[] =>
  by === 0 ? [...runs] : runs.map((r) => ({ ...r, start: r.start + by, end: r.end + by }));

/** The pages' texts in page order, joined by a blank line where both sides have text. */
function inOrder(old: string, all: readonly pages.PageWithRuns[], texts: ReadonlyMap<number, PageText>, replaced: readonly pages.PageWithRuns[]): Layout {
  checkJoined(old, all);
  let text = '';
  const laid: Laid[] = [];
  const shifts: Array<{ from: number; to: number; by: number }> = [];
  for (const p of all) {
    const fresh = replaced.includes(p) ? texts.get(p.pageNo)! : undefined;
    const content = fresh ? fresh.text : old.slice(p.textStart, p.textEnd);
    if (text.length > 0 && content.length > 0) text += SEPARATOR;
    const start = text.length;
    text += content;
    if (fresh)
      laid.push({
        pageNo: p.pageNo,
        textStart: start,
        textEnd: text.length,
        runs: moveRuns(fresh.runs, start),
        needsOcr: false,
        ocrConfidence: fresh.confidence,
      });
    else {
      laid.push({
        pageNo: p.pageNo,
        textStart: start,
        textEnd: text.length,
        runs: moveRuns(p.runs, start - p.textStart),
        needsOcr: p.needsOcr,
        ocrConfidence: p.ocrConfidence,
      });
      if (p.textEnd > p.textStart) shifts.push({ from: p.textStart, to: p.textEnd, by: start - p.textStart });
    }
  }
  return {
    text,
    pages: laid,
    shiftAt: (offset) => shifts.find((s) => offset >= s.from && offset < s.to)?.by ?? 0,
  };
}

/** The new texts after the document's end, each after a blank line; nothing already there moves. */
function appended(old: string, all: readonly pages.PageWithRuns[], texts: ReadonlyMap<number, PageText>, replaced: readonly pages.PageWithRuns[]): Layout {
  let text = old;
  const laid: Laid[] = [];
  for (const p of replaced) {
    const fresh = texts.get(p.pageNo)!;
    if (text.length > 0 && fresh.text.length > 0) text += SEPARATOR;
    const start = text.length;
    text += fresh.text;
    laid.push({
      pageNo: p.pageNo,
      textStart: start,
      textEnd: text.length,
      runs: moveRuns(fresh.runs, start),
      needsOcr: false,
      ocrConfidence: fresh.confidence,
    });
  }
  for (const p of all) if (!replaced.includes(p)) laid.push({ ...p, runs: p.runs, ocrConfidence: p.ocrConfidence });
  return { text, pages: laid, shiftAt: () => 0 };
}

/** The document's text must be its pages' texts joined as ingest joins them; anything else is not rewritten. */
function checkJoined(old: string, all: readonly pages.PageWithRuns[]): void {
  let joined = '';
  for (const p of all) {
    const content = old.slice(p.textStart, p.textEnd);
    if (joined.length > 0 && content.length > 0) joined += SEPARATOR;
    joined += content;
  }
  if (joined !== old)
    throw new DocketError(
      'text_layout',
      "This document's text is not its pages' texts in order (imported by an older version?); OCR cannot place new page text in it. Re-import the file.",
    );
}

/** The document's mean OCR confidence (weighted by words) and status, from its pages. */
function refreshOcrFigures(db: Db, documentId: number): void {
  const rows = prepared(db, 'SELECT needs_ocr, ocr_confidence, layout FROM pages WHERE document_id = ?').all(documentId) as Array<{
    needs_ocr: number;
    ocr_confidence: number | null;
    layout: string;
  }>;
  let words = 0;
  let total = 0;
  for (const r of rows) {
    if (r.ocr_confidence === null) continue;
    const n = (JSON.parse(r.layout) as unknown[]).length;
    words += n;
    total += r.ocr_confidence * n;
  }
  const waiting = rows.filter((r) => r.needs_ocr === 1).length;
  const status = waiting === 0 ? 'imported' : waiting === rows.length ? 'needs_ocr' : 'partial_ocr';
  prepared(db, 'UPDATE documents SET ocr_confidence = ?, status = ? WHERE id = ?').run(words > 0 ? total / words : null, status, documentId);
}
