// A table of source files (issue: a million documents per project). Every row of a CSV or JSONL
// file carried its file's SHA-256 (64 characters), path, media type, import time and, in its
// metadata, the CSV header and text column: at a million rows, about 280 bytes a row of the same
// few values, plus a 90-byte entry per row in the (sha256, part_key) index that finds duplicates.
// Now a file is one row of `sources` and each document points at it; duplicates are found by
// (source_id, part_key). What the document records expose is unchanged (queries/documents.ts
// joins the two and merges the file's metadata under the row's own).
//
// SQLite cannot drop a column in a UNIQUE constraint, so the documents table is rebuilt (the
// procedure of https://sqlite.org/lang_altertable.html#otheralter: new table, copy, drop, rename,
// with foreign keys off and checked before commit; index.ts runs this migration that way). Ids are
// kept, so spans, labels, pages and runs still point at their documents, and the full-text index
// (external content, by rowid) stays valid. The text column goes last: a read of the short
// columns never walks a long text's overflow pages.
export const version = 9;

/** Rebuilds a table that others reference: run with foreign keys off, checked before commit. */
export const rebuildsTables = true;

/** The CSV header and text column the rows of one file share, moved to its source. */
const sharedCsv = (metadata: string) =>
  `json_object('csv', json_object('header', json(${metadata} -> '$.csv.header'), 'textColumn', ${metadata} ->> '$.csv.textColumn'))`;

export const sql = /* sql */ `
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,         -- of the file's bytes
  path TEXT,                           -- where it was first imported from
  media_type TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  metadata TEXT NOT NULL DEFAULT '{}'  -- JSON its documents share (a CSV's header and text column)
);
-- One per file, with the values of its first document.
INSERT INTO sources (sha256, path, media_type, imported_at, metadata)
  SELECT sha256, source_path, media_type, imported_at,
         CASE WHEN part_key <> '' AND json_type(metadata, '$.csv.header') = 'array' THEN ${sharedCsv('metadata')} ELSE '{}' END
    FROM documents WHERE id IN (SELECT min(id) FROM documents GROUP BY sha256) ORDER BY id;

CREATE TABLE documents_new (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  part_key TEXT NOT NULL DEFAULT '',       -- row id for CSV/JSONL rows; '' for whole files
  name TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  page_count INTEGER,
  status TEXT NOT NULL DEFAULT 'imported', -- imported | needs_ocr | partial_ocr | importing
  warnings TEXT NOT NULL DEFAULT '[]',     -- JSON array of strings
  metadata TEXT NOT NULL DEFAULT '{}',     -- JSON: this row's own cells, line number, encoding, ...
  blob_id INTEGER REFERENCES blobs(id),
  ocr_confidence REAL,                     -- mean over its OCR words; NULL: no page read by OCR
  text TEXT NOT NULL,
  UNIQUE (source_id, part_key)
);
-- A row keeps its header only if it differs from its file's (it never should).
INSERT INTO documents_new (id, source_id, part_key, name, size_bytes, page_count, status, warnings, metadata, blob_id, ocr_confidence, text)
  SELECT d.id, s.id, d.part_key, d.name, d.size_bytes, d.page_count, d.status, d.warnings,
         CASE WHEN s.metadata <> '{}' AND d.part_key <> ''
                   AND json(d.metadata -> '$.csv.header') = json(s.metadata -> '$.csv.header')
                   AND (d.metadata ->> '$.csv.textColumn') IS (s.metadata ->> '$.csv.textColumn')
              THEN json_remove(d.metadata, '$.csv.header', '$.csv.textColumn') ELSE d.metadata END,
         d.blob_id, d.ocr_confidence, d.text
    FROM documents d JOIN sources s ON s.sha256 = d.sha256;

DROP TABLE documents;
ALTER TABLE documents_new RENAME TO documents;

-- What DROP TABLE took with it, as 007 and 008 made it.
CREATE INDEX documents_name ON documents(name COLLATE NOCASE, id);
CREATE INDEX documents_unfinished ON documents(status, id) WHERE status <> 'imported';
CREATE TRIGGER documents_tally_insert AFTER INSERT ON documents BEGIN
  INSERT INTO tallies (kind, label, status, bin, n) VALUES ('document', '', new.status, -1, 1) ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO document_figures (document_id) VALUES (new.id);
END;
CREATE TRIGGER documents_tally_delete AFTER DELETE ON documents BEGIN
  UPDATE tallies SET n = n - 1 WHERE kind = 'document' AND label = '' AND status = old.status AND bin = -1;
END;
CREATE TRIGGER documents_tally_update AFTER UPDATE OF status ON documents WHEN (old.status IS NOT new.status) BEGIN
  UPDATE tallies SET n = n - 1 WHERE kind = 'document' AND label = '' AND status = old.status AND bin = -1;
  INSERT INTO tallies (kind, label, status, bin, n) VALUES ('document', '', new.status, -1, 1) ON CONFLICT DO UPDATE SET n = n + 1;
END;
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
`;
