import type { DocumentRow } from '../../model/document.ts';
import type { Db } from '../database.ts';
import { StoreError } from '../errors.ts';
import { ftsQuery } from './documents.ts';
import * as tallies from './tallies.ts';

// The documents table, one page at a time, in the same time at 1,000 and at 1,000,000
// documents: each sort order reads an index (migrations 007, 010) from its start, or from the row
// after the previous page (keyset: `after`, the cursor the previous page returned), and the
// figures are kept per document by triggers, never recomputed here. A filter first collects the
// documents it matches through its own index, so a filtered page costs what it matches.

export type DocumentSort = 'name' | 'importedAt' | 'minConfidence' | 'spanCount' | 'topScore';

export interface DocumentTableQuery {
  search?: string;
  label?: string;
  status?: string;
  maxConfidence?: number;
  sort: DocumentSort;
  descending: boolean;
  /** Rows to skip: a jump (a scrollbar dragged). Sequential pages pass `after` instead. */
  offset: number;
  limit: number;
  /** The `next` cursor of the page before: where this page starts, found by one index seek. */
  after?: string;
}

export interface DocumentTablePage {
  total: number;
  rows: DocumentRow[];
  /** Where the page after this one starts; null after the last row. */
  next: string | null;
}

interface SortKey {
  /** The indexed column, in the collation `collate` if it has one (the name's: NOCASE). */
  key: string;
  collate?: string;
  /** The id column that breaks ties in that index. */
  id: string;
  /** The figure can be NULL (no span, no label): NULLs sort last either way (`ranges`). */
  nullable?: true;
}

/**
 * The sort key of each order, as its index (migrations 007, 010) has it. The planner does not see d.id
 * and f.document_id as one for ordering, hence each its own. Ties go by id in the same direction,
 * so that a descending page is the ascending index read backwards.
 */
const SORT_KEYS: Record<DocumentSort, SortKey> = {
  name: { key: 'd.name', collate: 'NOCASE', id: 'd.id' },
  // Ids are given in import order, so the rowid is the import order, with no index to keep.
  importedAt: { key: 'd.id', id: 'd.id' },
  spanCount: { key: 'f.span_count', id: 'f.document_id' },
  minConfidence: { key: 'f.min_confidence', id: 'f.document_id', nullable: true },
  topScore: { key: 'f.top_score', id: 'f.document_id', nullable: true },
};

const collated = (sort: SortKey, x: string) => (sort.collate ? `${x} COLLATE ${sort.collate}` : x);

/** A row's place in its order: its sort key (null: among the NULL figures) and its id. */
type Cursor = [key: string | number | null, id: number];

function readCursor(after: string, sort: DocumentSort): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(after);
  } catch {
    value = null;
  }
  const [key, id] = Array.isArray(value) && value.length === 2 ? value : [];
  const validKey = typeof key === 'string' || typeof key === 'number' || (key === null && SORT_KEYS[sort].nullable);
  if (!validKey || !Number.isSafeInteger(id)) {
    throw new StoreError('bad_cursor', 'The documents table cursor is not one this table returned; load the table again from the top.');
  }
  return [key, id];
}

interface Matches {
  sql: string;
  params: unknown[];
}

/** The ids each filter matches, through that filter's own index; null when nothing is filtered. */
function matches(query: DocumentTableQuery): Matches | null | 'none' {
  const sets: string[] = [];
  const params: unknown[] = [];
  if (query.search) {
    const fts = ftsQuery(query.search);
    if (fts === null) return 'none';
    sets.push('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?');
    params.push(fts);
  }
  if (query.status) {
    // Spelled out for the partial index of the few documents not simply 'imported'.
    sets.push(
      query.status === 'imported' ? "SELECT id FROM documents WHERE status = 'imported'" : "SELECT id FROM documents WHERE status = ? AND status <> 'imported'",
    );
    if (query.status !== 'imported') params.push(query.status);
  }
  if (query.label) {
    sets.push(`SELECT document_id FROM spans WHERE label = ? AND status IN ('proposed', 'accepted')
      UNION SELECT document_id FROM doc_labels WHERE label = ? AND status IN ('proposed', 'accepted')`);
    params.push(query.label, query.label);
  }
  if (query.maxConfidence !== undefined) {
    sets.push('SELECT document_id FROM document_figures WHERE min_confidence <= ?');
    params.push(query.maxConfidence);
  }
  if (sets.length === 0) return null;
  return { sql: sets.map((s) => `SELECT * FROM (${s})`).join(' INTERSECT '), params };
}

interface Row {
  id: number;
  name: string;
  media_type: string;
  size_bytes: number;
  page_count: number | null;
  status: string;
  imported_at: string;
  ocr_confidence: number | null;
  top_label: string | null;
  top_score: number | null;
  span_count: number;
  min_confidence: number | null;
  sort_key: Cursor[0];
}

// The file's media type and import time are its source's (migration 009): a seek per row shown.
const COLUMNS = `d.id, d.name, (SELECT media_type FROM sources WHERE id = d.source_id) AS media_type, d.size_bytes, d.page_count, d.status,
  (SELECT imported_at FROM sources WHERE id = d.source_id) AS imported_at, d.ocr_confidence,
  f.top_label, f.top_score, f.span_count, f.min_confidence`;

interface Start {
  cursor: Cursor;
  /** The cursor's own row is on the page (a jump's anchor), not the one before it. */
  inclusive: boolean;
}

interface Range {
  where: string;
  params: unknown[];
}

/**
 * The ranges of the order's index a page reads, in order, from `start` (or from the top). From a
 * cursor: the rest of its key's ties by id, then the keys past it (SQLite seeks a row value
 * `(key, id) > (?, ?)` by its key alone, then walks the ties from the first: 750,000 documents
 * without a span are one tie). SQLite keeps NULLs first in an index and the table shows them
 * last in both directions, so an order with NULL figures ends with their range, by id, read
 * forward or backward; a cursor among the NULLs (key null) starts in it.
 */
function ranges(sort: SortKey, descending: boolean, start: Start | undefined): Range[] {
  const { key, id, nullable } = sort;
  const past = descending ? '<' : '>';
  const fromId = `${id} ${past}${start?.inclusive ? '=' : ''} ?`;
  const [k, i] = start?.cursor ?? [];
  if (start && k === null) return [{ where: `${key} IS NULL AND ${fromId}`, params: [i] }];
  // The collation goes on the cursor's side: SQLite seeks no index for a COLLATE on the column's.
  const values = start
    ? [
        { where: `${key} = ${collated(sort, '?')} AND ${fromId}`, params: [k, i] },
        { where: `${key} ${past} ${collated(sort, '?')}`, params: [k] },
      ]
    : [{ where: nullable ? `${key} IS NOT NULL` : '', params: [] }];
  return nullable ? [...values, { where: `${key} IS NULL`, params: [] }] : values;
}

/** The statement of one page, and of the filter's total (null: the tallies have it). Exported for the plan tests. */
export function pageQuery(
  query: DocumentTableQuery,
  start: Start | undefined = query.after === undefined ? undefined : { cursor: readCursor(query.after, query.sort), inclusive: false },
): { sql: string; params: unknown[]; totalSql: string | null; totalParams: unknown[] } | null {
  const filter = matches(query);
  if (filter === 'none') return null;
  const sort = SORT_KEYS[query.sort];
  const direction = query.descending ? 'DESC' : 'ASC';
  const tables = filter
    ? `hits h CROSS JOIN documents d ON d.id = h.id CROSS JOIN document_figures f ON f.document_id = h.id`
    : `documents d JOIN document_figures f ON f.document_id = d.id`;
  const select = (where: string) =>
    `SELECT ${COLUMNS}, ${collated(sort, sort.key)} AS sort_key, ${sort.id} AS sort_id FROM ${tables}${where ? ` WHERE ${where}` : ''}`;
  const parts = ranges(sort, query.descending, start);
  // The whole table reads its ranges from the index, each in order, merged (they never overlap;
  // the ORDER BY of a UNION names result columns, hence sort_id). A filter's matches are sorted
  // instead, so its ranges are one condition on them.
  const body = filter ? select(start ? parts.map((r) => `(${r.where})`).join(' OR ') : '') : parts.map((r) => select(r.where)).join(' UNION ALL ');
  // MATERIALIZED, and CROSS JOIN to read them first: the matches are collected once, then sorted,
  // instead of the planner walking the sort index from the cursor, probing each document against
  // the filter (through all the NULLs of a figure, if the cursor is among them).
  const hits = filter ? `WITH hits(id) AS MATERIALIZED (${filter.sql})` : '';
  return {
    sql: `${hits} ${body} ORDER BY sort_key ${direction}${sort.nullable ? ' NULLS LAST' : ''}, sort_id ${direction} LIMIT ? OFFSET ?`,
    params: [...(filter?.params ?? []), ...parts.flatMap((r) => r.params), query.limit, start ? 0 : query.offset],
    totalSql: filter ? `${hits} SELECT count(*) AS n FROM hits` : null,
    totalParams: filter?.params ?? [],
  };
}

/**
 * Where a jump to row `offset` of the whole table starts: counted along the sort order's index
 * alone, which holds the key and id, never the documents' rows (an OFFSET on the page statement
 * would join and read every row it skips). Import order counts along the small figures table,
 * whose rowid is the document id. NULLS LAST: SQLite reads the figures' range of the index, then
 * the NULLs'. It calls the index of the VIRTUAL min_confidence not covering, yet reads the value
 * from it and never seeks the row it skips. Exported for the plan tests.
 */
export function jumpQuery(query: Pick<DocumentTableQuery, 'sort' | 'descending'>): string {
  const sort = SORT_KEYS[query.sort];
  const alias = sort.id.startsWith('f.') || query.sort === 'importedAt' ? 'f' : 'd';
  const k = query.sort === 'importedAt' ? 'f.document_id' : collated(sort, sort.key);
  const i = alias === 'f' ? 'f.document_id' : 'd.id';
  const direction = query.descending ? 'DESC' : 'ASC';
  return `SELECT ${k} AS k, ${i} AS i FROM ${alias === 'f' ? 'document_figures f' : 'documents d'} ORDER BY ${k} ${direction}${sort.nullable ? ' NULLS LAST' : ''}, ${i} ${direction} LIMIT 1 OFFSET ?`;
}

export function list(db: Db, query: DocumentTableQuery): DocumentTablePage {
  let start: Start | undefined;
  if (query.after !== undefined) start = { cursor: readCursor(query.after, query.sort), inclusive: false };
  else if (query.offset > 0 && matches(query) === null) {
    const anchor = db.prepare(jumpQuery(query)).get(query.offset) as { k: Cursor[0]; i: number } | undefined;
    if (!anchor) return { total: tallies.documents(db), rows: [], next: null };
    start = { cursor: [anchor.k, anchor.i], inclusive: true };
  }
  const page = pageQuery(query, start);
  if (!page) return { total: 0, rows: [], next: null };
  const rows = db.prepare(page.sql).all(...page.params) as Row[];
  const total = page.totalSql ? (db.prepare(page.totalSql).get(...page.totalParams) as { n: number }).n : tallies.documents(db);
  const last = rows.at(-1);
  return { total, rows: rows.map(toDocumentRow), next: last && rows.length === query.limit ? JSON.stringify([last.sort_key, last.id]) : null };
}

function toDocumentRow(r: Row): DocumentRow {
  return {
    id: r.id,
    name: r.name,
    mediaType: r.media_type,
    sizeBytes: r.size_bytes,
    pageCount: r.page_count,
    status: r.status,
    topLabel: r.top_label,
    topScore: r.top_score,
    spanCount: r.span_count,
    minConfidence: r.min_confidence,
    ocrConfidence: r.ocr_confidence,
    importedAt: r.imported_at,
  };
}
