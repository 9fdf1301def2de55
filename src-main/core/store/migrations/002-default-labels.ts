// Seeds the default label set every project starts with, and indexes the review, stats and
// undo queries lean on. Colours are light enough that black text on them passes WCAG AAA (>= 7:1)
// and far enough apart to tell at a glance; hotkeys 1-9 go to the labels used most.
export const version = 2;

const defaults: ReadonlyArray<readonly [name: string, colour: string, hotkey: string | null]> = [
  ['PERSON', '#F4A3A3', '1'],
  ['ORG', '#94C2F2', '2'],
  ['LOC', '#9BDB9B', '3'],
  ['DATE', '#F5D77F', '4'],
  ['MONEY', '#CFE88F', '5'],
  ['EMAIL', '#C7B2F5', '6'],
  ['PHONE', '#F5B3DF', '7'],
  ['CARD', '#F7B37E', '8'],
  ['IBAN', '#86DBD3', '9'],
  ['SSN', '#E0C9A6', null],
  ['IP', '#B9C3D9', null],
  ['URL', '#A3E3F7', null],
  ['MISC', '#D6D6D6', null],
];

const quote = (value: string | null) => (value === null ? 'NULL' : `'${value}'`);

export const sql = /* sql */ `
INSERT OR IGNORE INTO label_sets (name) VALUES ('default');
INSERT OR IGNORE INTO labels (set_id, name, colour, hotkey) VALUES
${defaults.map(([name, colour, hotkey]) => `  ((SELECT id FROM label_sets WHERE name = 'default'), '${name}', '${colour}', ${quote(hotkey)})`).join(',\n')};

CREATE INDEX spans_label ON spans(label, status);
CREATE INDEX doc_labels_label ON doc_labels(label, status);
CREATE INDEX audit_log_actor ON audit_log(actor, id);
`;
