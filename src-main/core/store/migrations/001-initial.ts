// The first schema. Later changes go in new numbered files; never edit a shipped migration.
export const version = 1;

export const sql = /* sql */ `
CREATE TABLE blobs (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  size_bytes INTEGER NOT NULL
);
-- Original bytes are kept in 4 MiB chunks so a 200 MB source never has to sit in one buffer.
CREATE TABLE blob_chunks (
  blob_id INTEGER NOT NULL REFERENCES blobs(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (blob_id, seq)
) WITHOUT ROWID;

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  source_path TEXT,
  sha256 TEXT NOT NULL,            -- of the original file's bytes
  part_key TEXT NOT NULL DEFAULT '', -- row id for CSV/JSONL rows; '' for whole files
  media_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  page_count INTEGER,
  text TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'imported', -- imported | needs_ocr | partial_ocr
  warnings TEXT NOT NULL DEFAULT '[]',     -- JSON array of strings
  metadata TEXT NOT NULL DEFAULT '{}',     -- JSON: other CSV columns, encoding, ...
  blob_id INTEGER REFERENCES blobs(id),
  imported_at TEXT NOT NULL,
  UNIQUE (sha256, part_key)
);

-- PDF pages: where each page's text sits in documents.text, and the boxes of its text runs.
CREATE TABLE pages (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page_no INTEGER NOT NULL,          -- 1-based
  width REAL NOT NULL,
  height REAL NOT NULL,
  rotation INTEGER NOT NULL DEFAULT 0,
  text_start INTEGER NOT NULL,
  text_end INTEGER NOT NULL,
  needs_ocr INTEGER NOT NULL DEFAULT 0,
  layout TEXT NOT NULL DEFAULT '[]', -- JSON array of text runs with offsets and boxes
  PRIMARY KEY (document_id, page_no)
) WITHOUT ROWID;

CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  task TEXT NOT NULL,                -- patterns | ner | pos | text-classification | nli | zero-shot
  model TEXT,                        -- model id or detector set
  params TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL DEFAULT 'running', -- running | completed | cancelled | failed | interrupted
  started_at TEXT NOT NULL,
  finished_at TEXT,
  docs_total INTEGER NOT NULL DEFAULT 0,
  docs_done INTEGER NOT NULL DEFAULT 0,
  counts TEXT NOT NULL DEFAULT '{}',
  error TEXT
);
-- Which documents a run has finished, so that a killed run resumes where it stopped.
CREATE TABLE run_documents (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  done_at TEXT NOT NULL,
  outputs TEXT,                      -- JSON: raw logits and full distributions, for re-thresholding
  PRIMARY KEY (run_id, document_id)
) WITHOUT ROWID;

CREATE TABLE doc_labels (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  task TEXT NOT NULL,
  label TEXT NOT NULL,
  score REAL,
  source TEXT NOT NULL CHECK (source IN ('model','pattern','human')),
  source_name TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','accepted','rejected')),
  run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX doc_labels_document ON doc_labels(document_id);
CREATE INDEX doc_labels_run ON doc_labels(run_id);
CREATE INDEX doc_labels_score ON doc_labels(status, score);

-- start/end are UTF-16 code unit offsets into documents.text (JavaScript string indices).
CREATE TABLE spans (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  label TEXT NOT NULL,
  score REAL,
  source TEXT NOT NULL CHECK (source IN ('model','pattern','human')),
  source_name TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','accepted','rejected')),
  run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (start >= 0 AND end > start)
);
CREATE INDEX spans_document ON spans(document_id, start);
CREATE INDEX spans_run ON spans(run_id);
CREATE INDEX spans_score ON spans(status, score);

CREATE TABLE label_sets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE labels (
  id INTEGER PRIMARY KEY,
  set_id INTEGER NOT NULL REFERENCES label_sets(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  colour TEXT NOT NULL,
  hotkey TEXT,
  UNIQUE (set_id, name)
);

-- Custom detectors of this project: regexes, deny-lists (always flag), allow-lists (never flag).
CREATE TABLE pattern_rules (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('regex','deny','allow')),
  label TEXT NOT NULL DEFAULT '',
  pattern TEXT NOT NULL,
  flags TEXT NOT NULL DEFAULT '',
  enabled INTEGER NOT NULL DEFAULT 1
);

-- Append-only: every annotation change, with before/after, so it can be audited and undone.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,               -- 'human', 'model:<id>', 'patterns', 'import', ...
  action TEXT NOT NULL,              -- e.g. span.create, span.update, label.update, document.import
  entity TEXT NOT NULL,              -- span | doc_label | document | run | label | setting
  entity_id INTEGER,
  before TEXT,                       -- JSON or NULL
  after TEXT,                        -- JSON or NULL
  group_id TEXT                      -- changes made by one user action share a group (one undo step)
);
CREATE INDEX audit_log_group ON audit_log(group_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL                -- JSON
) WITHOUT ROWID;

CREATE VIRTUAL TABLE documents_fts USING fts5(
  name, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
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
`;
