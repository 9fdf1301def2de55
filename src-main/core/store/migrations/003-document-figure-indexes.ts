// The documents table's per-row figures (spans not rejected, lowest proposed score) are
// correlated subqueries on (document_id, status). With only spans_document(document_id, start)
// and spans_score(status, score), SQLite picked spans_score for "status = 'proposed'" and scanned
// every proposed span in the project once per document row: 10,000 documents and one document
// with 5,000 spans took 9 s for a page of the table. These indexes answer each figure from one
// document's own entries.
export const version = 3;

export const sql = /* sql */ `
CREATE INDEX spans_document_status ON spans(document_id, status, score);
CREATE INDEX doc_labels_document_status ON doc_labels(document_id, status, score);
`;
