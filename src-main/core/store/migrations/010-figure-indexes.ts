// One index per sort order of the documents table instead of two (issue: a million documents per
// project). Migration 007 kept NULL figures last in both directions by indexing each figure twice,
// coalesced to 2 for ascending pages and to -1 for descending ones: four indexes, about 66 bytes a
// document, most of them spent on the same constant (3 documents in 4 have no span). An index
// holds a NULL in no bytes and a REAL in 8, so each figure now has one plain index, read in two
// ranges, the figures, then the NULLs by id, forward or backward (queries/document-table.ts).
//
// The indexes name their figure only: an index of a table with a rowid already ends with the
// rowid, here the document id that breaks ties, and naming it stored it a second time (3 bytes a
// document per index at a million). Same order, same seeks; document_figures_spans too. Built by
// the import, 20,000 documents: the figures' indexes were 82.5 bytes a document, now 35.0.
//
// min_confidence is a VIRTUAL column: SQLite never calls an index on it covering, yet a jump that
// counts along it reads the value from the index and never seeks the row it skips.
export const version = 10;

export const sql = /* sql */ `
DROP INDEX document_figures_min_up;
DROP INDEX document_figures_min_down;
DROP INDEX document_figures_top_up;
DROP INDEX document_figures_top_down;
DROP INDEX document_figures_spans;
CREATE INDEX document_figures_spans ON document_figures(span_count);
CREATE INDEX document_figures_min ON document_figures(min_confidence);
CREATE INDEX document_figures_top ON document_figures(top_score);
`;
