// Pages an OCR run has read and not yet written into their document: a killed run resumes with
// the pages it has not read, and writes a document once all its pages are read (page-texts.ts).
import type { Db } from '../database.ts';
import { prepared } from '../statements.ts';
import type { PageText } from './page-texts.ts';

export function save(db: Db, runId: number, documentId: number, pageNo: number, page: PageText): void {
  prepared(db, 'INSERT OR REPLACE INTO ocr_pages (run_id, document_id, page_no, result) VALUES (?, ?, ?, ?)').run(
    runId,
    documentId,
    pageNo,
    JSON.stringify(page),
  );
}

export function read(db: Db, runId: number, documentId: number): Map<number, PageText> {
  const rows = prepared(db, 'SELECT page_no, result FROM ocr_pages WHERE run_id = ? AND document_id = ?').all(runId, documentId) as Array<{
    page_no: number;
    result: string;
  }>;
  return new Map(rows.map((r) => [r.page_no, JSON.parse(r.result) as PageText]));
}

export function clear(db: Db, runId: number, documentId: number): void {
  prepared(db, 'DELETE FROM ocr_pages WHERE run_id = ? AND document_id = ?').run(runId, documentId);
}
