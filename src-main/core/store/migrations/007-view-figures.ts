// What the views show, kept up to date as it changes instead of recomputed by scanning: at a
// million documents a count(*) or a sort over every row is seconds, not milliseconds.
// - tallies: spans and document labels per label, status and score bin (stats, review totals),
//   and documents per status; triggers add and subtract as rows come, change and go.
// - document_figures: each document's figures for the documents table (spans not rejected,
//   lowest proposed span and label score, top label), kept by triggers from that document's own
//   rows only (index seeks on (document_id, status, score)), so a change costs the same in any
//   project.
// - indexes that return a page of the documents table, or of the review queue, in its sort order
//   (NULLs last in both directions: coalesce to a value outside [0, 1]).
export const version = 7;

/** The 10 score bins of the statistics, [0,0.1) … [0.9,1.0]; -1 for no score (a human's). */
const bin = (score: string) => `(CASE WHEN ${score} IS NULL THEN -1 ELSE MAX(0, MIN(CAST(${score} * 10 AS INTEGER), 9)) END)`;

/**
 * An edit writes every editable column whether it changed or not (a span's start and end with
 * its label): the triggers work only when a column they count did.
 */
const changed = (...columns: string[]) => `(${columns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')})`;

const add = (kind: string, row: string) =>
  `INSERT INTO tallies (kind, label, status, bin, n) VALUES ('${kind}', ${row}.label, ${row}.status, ${bin(`${row}.score`)}, 1)
     ON CONFLICT DO UPDATE SET n = n + 1;`;
const subtract = (kind: string, row: string) =>
  `UPDATE tallies SET n = n - 1 WHERE kind = '${kind}' AND label = ${row}.label AND status = ${row}.status AND bin = ${bin(`${row}.score`)};`;

const tallyTriggers = (table: string, kind: string) => `
CREATE TRIGGER ${table}_tally_insert AFTER INSERT ON ${table} BEGIN ${add(kind, 'new')} END;
CREATE TRIGGER ${table}_tally_delete AFTER DELETE ON ${table} BEGIN ${subtract(kind, 'old')} END;
CREATE TRIGGER ${table}_tally_update AFTER UPDATE OF label, status, score ON ${table}
  WHEN ${changed('label', 'status', 'score')} BEGIN ${subtract(kind, 'old')} ${add(kind, 'new')} END;`;

/** A document's lowest proposed span score, by one seek in spans_document_status. */
const spanMin = (doc: string) => `(SELECT min(score) FROM spans WHERE document_id = ${doc} AND status = 'proposed')`;
const notRejected = (status: string) => `(${status} <> 'rejected')`;

/** A document's label figures, from its own few labels. */
const labelFigures = (doc: string) => `
  UPDATE document_figures SET
    label_min = (SELECT min(score) FROM doc_labels WHERE document_id = ${doc} AND status = 'proposed'),
    top_score = (SELECT max(score) FROM doc_labels WHERE document_id = ${doc} AND status <> 'rejected'),
    top_label = (SELECT label FROM doc_labels WHERE document_id = ${doc} AND status <> 'rejected' ORDER BY score DESC NULLS LAST, id LIMIT 1)
  WHERE document_id = ${doc};`;

export const sql = /* sql */ `
CREATE TABLE tallies (
  kind TEXT NOT NULL,     -- span | label | document
  label TEXT NOT NULL,    -- '' for documents
  status TEXT NOT NULL,
  bin INTEGER NOT NULL,   -- score bin 0-9, -1 without a score
  n INTEGER NOT NULL,
  PRIMARY KEY (kind, label, status, bin)
) WITHOUT ROWID;
INSERT INTO tallies (kind, label, status, bin, n)
  SELECT 'span', label, status, ${bin('score')}, count(*) FROM spans GROUP BY 1, 2, 3, 4;
INSERT INTO tallies (kind, label, status, bin, n)
  SELECT 'label', label, status, ${bin('score')}, count(*) FROM doc_labels GROUP BY 1, 2, 3, 4;
INSERT INTO tallies (kind, label, status, bin, n)
  SELECT 'document', '', status, -1, count(*) FROM documents GROUP BY 3;
${tallyTriggers('spans', 'span')}
${tallyTriggers('doc_labels', 'label')}
CREATE TRIGGER documents_tally_insert AFTER INSERT ON documents BEGIN
  INSERT INTO tallies (kind, label, status, bin, n) VALUES ('document', '', new.status, -1, 1) ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO document_figures (document_id) VALUES (new.id);
END;
CREATE TRIGGER documents_tally_delete AFTER DELETE ON documents BEGIN
  UPDATE tallies SET n = n - 1 WHERE kind = 'document' AND label = '' AND status = old.status AND bin = -1;
END;
CREATE TRIGGER documents_tally_update AFTER UPDATE OF status ON documents WHEN ${changed('status')} BEGIN
  UPDATE tallies SET n = n - 1 WHERE kind = 'document' AND label = '' AND status = old.status AND bin = -1;
  INSERT INTO tallies (kind, label, status, bin, n) VALUES ('document', '', new.status, -1, 1) ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TABLE document_figures (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  span_count INTEGER NOT NULL DEFAULT 0, -- spans not rejected
  span_min REAL,                         -- lowest score of a proposed span
  label_min REAL,                        -- lowest score of a proposed document label
  top_score REAL,                        -- highest score of a document label not rejected
  top_label TEXT,
  -- Scalar min(a, b) is NULL when either is NULL, so the lowest confidence is combined by hand.
  min_confidence REAL GENERATED ALWAYS AS (CASE WHEN span_min IS NULL THEN label_min WHEN label_min IS NULL THEN span_min ELSE min(span_min, label_min) END) VIRTUAL
);
INSERT INTO document_figures (document_id, span_count, span_min, label_min, top_score, top_label)
  SELECT d.id,
    (SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.status <> 'rejected'),
    ${spanMin('d.id')},
    (SELECT min(score) FROM doc_labels WHERE document_id = d.id AND status = 'proposed'),
    (SELECT max(score) FROM doc_labels WHERE document_id = d.id AND status <> 'rejected'),
    (SELECT label FROM doc_labels WHERE document_id = d.id AND status <> 'rejected' ORDER BY score DESC NULLS LAST, id LIMIT 1)
  FROM documents d;

CREATE TRIGGER spans_figures_insert AFTER INSERT ON spans BEGIN
  UPDATE document_figures SET
    span_count = span_count + ${notRejected('new.status')},
    span_min = CASE WHEN new.status = 'proposed' AND new.score IS NOT NULL AND (span_min IS NULL OR new.score < span_min) THEN new.score ELSE span_min END
  WHERE document_id = new.document_id;
END;
CREATE TRIGGER spans_figures_delete AFTER DELETE ON spans BEGIN
  UPDATE document_figures SET span_count = span_count - ${notRejected('old.status')}, span_min = ${spanMin('old.document_id')}
  WHERE document_id = old.document_id;
END;
CREATE TRIGGER spans_figures_update AFTER UPDATE OF document_id, status, score ON spans
  WHEN ${changed('document_id', 'status', 'score')} BEGIN
  UPDATE document_figures SET span_count = span_count - ${notRejected('old.status')}, span_min = ${spanMin('old.document_id')}
  WHERE document_id = old.document_id;
  UPDATE document_figures SET span_count = span_count + ${notRejected('new.status')}, span_min = ${spanMin('new.document_id')}
  WHERE document_id = new.document_id;
END;
CREATE TRIGGER doc_labels_figures_insert AFTER INSERT ON doc_labels BEGIN ${labelFigures('new.document_id')} END;
CREATE TRIGGER doc_labels_figures_delete AFTER DELETE ON doc_labels BEGIN ${labelFigures('old.document_id')} END;
CREATE TRIGGER doc_labels_figures_update AFTER UPDATE OF document_id, label, status, score ON doc_labels
  WHEN ${changed('document_id', 'label', 'status', 'score')} BEGIN
  ${labelFigures('old.document_id')} ${labelFigures('new.document_id')}
END;

-- The documents table, a page at a time in each sort order.
CREATE INDEX documents_name ON documents(name COLLATE NOCASE, id);
-- Import order is id order (ids are given as documents are stored), so it needs no index of
-- its own. Nearly every document is 'imported': only the others are worth an index entry.
CREATE INDEX documents_unfinished ON documents(status, id) WHERE status <> 'imported';
CREATE INDEX document_figures_spans ON document_figures(span_count, document_id);
CREATE INDEX document_figures_min_up ON document_figures(coalesce(min_confidence, 2), document_id);
CREATE INDEX document_figures_min_down ON document_figures(coalesce(min_confidence, -1), document_id);
CREATE INDEX document_figures_top_up ON document_figures(coalesce(top_score, 2), document_id);
CREATE INDEX document_figures_top_down ON document_figures(coalesce(top_score, -1), document_id);

-- The undo and redo stacks are replayed from the analyst's action groups in order (history.ts):
-- one row per group here, instead of grouping every audit entry the analyst ever made (a bulk
-- accept of 100,000 spans is 100,000 entries and one group).
CREATE TABLE history_groups (
  group_id TEXT PRIMARY KEY,
  first_id INTEGER NOT NULL UNIQUE, -- its first audit entry: the groups' order
  marker TEXT,                      -- history.undo | history.redo, or NULL for an action
  target TEXT                       -- the group an undo or redo applies to
) WITHOUT ROWID;
INSERT INTO history_groups (group_id, first_id, marker, target)
  SELECT group_id, MIN(id),
         MAX(CASE WHEN entity = 'history' THEN action END),
         MAX(CASE WHEN entity = 'history' THEN json_extract(after, '$.target') END)
    FROM audit_log
   WHERE actor = 'human' AND group_id IS NOT NULL AND entity IN ('span', 'doc_label', 'history')
   GROUP BY group_id;
CREATE TRIGGER audit_log_history_group AFTER INSERT ON audit_log
  WHEN new.actor = 'human' AND new.group_id IS NOT NULL AND new.entity IN ('span', 'doc_label', 'history') BEGIN
  INSERT INTO history_groups (group_id, first_id) VALUES (new.group_id, new.id) ON CONFLICT DO NOTHING;
  UPDATE history_groups SET marker = new.action, target = json_extract(new.after, '$.target')
   WHERE new.entity = 'history' AND group_id = new.group_id;
END;

-- The review queue, lowest score first (no score last), a page at a time.
CREATE INDEX spans_review ON spans(status, coalesce(score, 2), document_id, start, id);
CREATE INDEX doc_labels_review ON doc_labels(status, coalesce(score, 2), document_id, id);
`;
