import type { PageInfo } from '../../model/document.ts';
import type { TextRun } from '../../layout/text-runs.ts';
import type { Db } from '../database.ts';
import { prepared } from '../statements.ts';

export interface NewPage extends PageInfo {
  runs: TextRun[];
}

/** A stored page with its runs and how sure OCR was of its text (null: the text came from the file). */
export type PageWithRuns = PageInfo & { runs: TextRun[]; ocrConfidence: number | null };

interface PageRow {
  document_id: number;
  page_no: number;
  width: number;
  height: number;
  rotation: number;
  text_start: number;
  text_end: number;
  needs_ocr: number;
  ocr_confidence: number | null;
  layout: string;
}

function toInfo(row: PageRow): PageInfo {
  return {
    pageNo: row.page_no,
    width: row.width,
    height: row.height,
    rotation: row.rotation,
    textStart: row.text_start,
    textEnd: row.text_end,
    needsOcr: row.needs_ocr === 1,
    ocrConfidence: row.ocr_confidence,
  };
}

/** Call inside the transaction that inserts the document. */
export function insertMany(db: Db, documentId: number, pages: readonly NewPage[]): void {
  const insert = prepared(
    db,
    `INSERT INTO pages (document_id, page_no, width, height, rotation, text_start, text_end, needs_ocr, layout)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const p of pages) {
    insert.run(documentId, p.pageNo, p.width, p.height, p.rotation, p.textStart, p.textEnd, p.needsOcr ? 1 : 0, JSON.stringify(p.runs));
  }
}

/** Page geometry without the (large) run layouts: what the document view lists. */
export function infoForDocument(db: Db, documentId: number): PageInfo[] {
  const rows = prepared(
    db,
    "SELECT document_id, page_no, width, height, rotation, text_start, text_end, needs_ocr, ocr_confidence, '[]' AS layout FROM pages WHERE document_id = ? ORDER BY page_no",
  ).all(documentId) as PageRow[];
  return rows.map(toInfo);
}

/** Pages with their text runs: what span boxes and redaction are computed from. */
export function forDocument(db: Db, documentId: number): PageWithRuns[] {
  const rows = prepared(db, 'SELECT * FROM pages WHERE document_id = ? ORDER BY page_no').all(documentId) as PageRow[];
  return rows.map((row) => ({ ...toInfo(row), ocrConfidence: row.ocr_confidence, runs: JSON.parse(row.layout) as TextRun[] }));
}

export function get(db: Db, documentId: number, pageNo: number): (PageInfo & { runs: TextRun[] }) | undefined {
  const row = prepared(db, 'SELECT * FROM pages WHERE document_id = ? AND page_no = ?').get(documentId, pageNo) as PageRow | undefined;
  return row && { ...toInfo(row), runs: JSON.parse(row.layout) as TextRun[] };
}

/** Whether any page of the document has text OCR read (cheap: one indexed row at most). */
export function hasOcrText(db: Db, documentId: number): boolean {
  return prepared(db, 'SELECT 1 FROM pages WHERE document_id = ? AND ocr_confidence IS NOT NULL LIMIT 1').get(documentId) !== undefined;
}
