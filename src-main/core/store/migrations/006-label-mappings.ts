// Which project label a model's tag is stored under (PER → PERSON): the analyst's own choices,
// per model (a hub id, builtin/…, or the absolute folder of an imported model). The label is
// referenced by id, so renaming it carries the mapping along and deleting it drops the mapping
// (the tag then resolves as if never mapped).
export const version = 6;

export const sql = /* sql */ `
CREATE TABLE label_mappings (
  model TEXT NOT NULL,                 -- hub id (owner/name), builtin/<name>, or an absolute folder path
  tag TEXT NOT NULL,                   -- the model's tag, B-/I- prefixes folded (PER, not B-PER)
  label_id INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
  PRIMARY KEY (model, tag)
) WITHOUT ROWID;
CREATE INDEX label_mappings_label ON label_mappings(label_id);
`;
