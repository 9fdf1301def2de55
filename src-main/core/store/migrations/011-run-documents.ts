// A run's record of the documents it finished (for resuming a stopped run) without the time each
// finished: written for every document of every run and never read (a run keeps its own start
// and finish), it was 24 of the 39 bytes a pattern run stores per document (issue: a million
// documents per project). SQLite rewrites the table without the column.
export const version = 11;

export const sql = /* sql */ `
ALTER TABLE run_documents DROP COLUMN done_at;
`;
