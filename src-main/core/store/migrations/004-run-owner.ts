// Which process runs a run ("host:pid"), so that a run whose process is gone can be told from
// one still going: it is marked interrupted and the same task, model and settings resume it.
export const version = 4;

export const sql = /* sql */ `
ALTER TABLE runs ADD COLUMN owner TEXT;
CREATE INDEX runs_task_model ON runs(task, model, id);
`;
