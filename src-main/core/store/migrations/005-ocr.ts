// OCR: how sure the engine was of each page it read (and the document's mean), and the pages an
// OCR run has read but not yet written into its document, so a killed run resumes page by page.
export const version = 5;

export const sql = /* sql */ `
ALTER TABLE pages ADD COLUMN ocr_confidence REAL;     -- mean word confidence 0-100 of OCR text; NULL: text from the file
ALTER TABLE documents ADD COLUMN ocr_confidence REAL; -- mean over its OCR words; NULL: no page read by OCR
CREATE TABLE ocr_pages (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page_no INTEGER NOT NULL,
  result TEXT NOT NULL,                                -- JSON: the page's text, runs and confidence
  PRIMARY KEY (run_id, document_id, page_no)
) WITHOUT ROWID;
`;
