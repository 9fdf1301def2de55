// A smaller project file (issue: a million documents per project), for files made before:
// - CSV/JSONL rows keep no copy of their file's bytes. Their rows, cells in the metadata, are the
//   content (the redacted CSV export is written from them) and nothing reads a row's blob; the
//   import no longer stores one (ingest/import-rows.ts). Blobs no document points at go with them
//   (their chunks cascade). SQLite reuses the freed pages; the file shrinks only when vacuumed.
// - The full-text index keeps which documents hold a term, not where (detail=none) nor each
//   column's length (columnsize=0): the search only asks "which documents contain these prefixes"
//   (store/queries/documents.ts ftsQuery, all terms one token); it never asks for phrases, NEAR,
//   column filters, snippet, highlight or bm25, which are what positions and sizes are for. Same
//   columns, tokenizer (diacritics folded) and triggers as 001, rebuilt from the documents.
// The one-entry-per-row import audits already written stay: the audit log is append-only.
export const version = 8;

export const sql = /* sql */ `
UPDATE documents SET blob_id = NULL WHERE part_key <> '' AND blob_id IS NOT NULL;
DELETE FROM blobs WHERE id NOT IN (SELECT blob_id FROM documents WHERE blob_id IS NOT NULL);

DROP TRIGGER documents_fts_insert;
DROP TRIGGER documents_fts_delete;
DROP TRIGGER documents_fts_update;
DROP TABLE documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5(
  name, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2', detail=none, columnsize=0
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, name, text) VALUES (new.id, new.name, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, name, text) VALUES ('delete', old.id, old.name, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF name, text ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, name, text) VALUES ('delete', old.id, old.name, old.text);
  INSERT INTO documents_fts(rowid, name, text) VALUES (new.id, new.name, new.text);
END;
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
`;
