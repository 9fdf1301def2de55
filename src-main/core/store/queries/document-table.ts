import type { DocumentRow } from '../../model/document.ts';
import type { Db } from '../database.ts';
import { StoreError } from '../errors.ts';
import { ftsQuery } from './documents.ts';
import * as tallies from './tallies.ts';

// The documents table, one page at a time, in the same time at 1,000 and at 1,000,000
// documents: each sort order reads an index (migration 007) from its start, or from the row
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

/**
 * The sort key of each order, as its index (migration 007) has it, and the id column that breaks
 * ties in that index (the planner does not see d.id and f.document_id as one for ordering). Ties
 * go by id in the same direction, so that a descending page is the ascending index read
 * backwards. NULL figures sort last either way: they are coalesced past the end of [0, 1].
 */
const SORT_KEYS: Record<DocumentSort, (descending: boolean) => { key: string; id: string }> = {
  name: () => ({ key: 'd.name COLLATE NOCASE', id: 'd.id' }),
  // Ids are given in import order, so the rowid is the import order, with no index to keep.
  importedAt: () => ({ key: 'd.id', id: 'd.id' }),
  spanCount: () => ({ key: 'f.span_count', id: 'f.document_id' }),
  minConfidence: (descending) => ({ key: `coalesce(f.min_confidence, ${descending ? -1 : 2})`, id: 'f.document_id' }),
  topScore: (descending) => ({ key: `coalesce(f.top_score, ${descending ? -1 : 2})`, id: 'f.document_id' }),
};

type Cursor = [key: string | number, id: number];

function readCursor(after: string): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(after);
  } catch {
    value = null;
  }
  const valid = Array.isArray(value) && value.length === 2 && (typeof value[0] === 'string' || typeof value[0] === 'number') && Number.isSafeInteger(value[1]);
  if (!valid) throw new StoreError('bad_cursor', 'The documents table cursor is not one this table returned; load the table again from the top.');
  return value as Cursor;
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
    sets.push('SELECT document_id FROM document_figures WHERE coalesce(min_confidence, 2) <= ?');
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
  sort_key: string | number;
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

/** The statement of one page, and of the filter's total (null: the tallies have it). Exported for the plan tests. */
export function pageQuery(
  query: DocumentTableQuery,
  start: Start | undefined = query.after === undefined ? undefined : { cursor: readCursor(query.after), inclusive: false },
): { sql: string; params: unknown[]; totalSql: string | null; totalParams: unknown[] } | null {
  const filter = matches(query);
  if (filter === 'none') return null;
  const { key, id: tie } = SORT_KEYS[query.sort](query.descending);
  const direction = query.descending ? 'DESC' : 'ASC';
  const params: unknown[] = [...(filter?.params ?? [])];
  let from = '';
  if (start) {
    from = `WHERE (${key}, ${tie}) ${query.descending ? '<' : '>'}${start.inclusive ? '=' : ''} (?, ?)`;
    params.push(...start.cursor);
  }
  params.push(query.limit, start ? 0 : query.offset);
  const tables = filter
    ? `hits h JOIN documents d ON d.id = h.id JOIN document_figures f ON f.document_id = h.id`
    : `documents d JOIN document_figures f ON f.document_id = d.id`;
  // MATERIALIZED: the matches are collected once, then sorted, instead of the planner walking
  // the whole sort index and probing each document against the filter.
  const hits = filter ? `WITH hits(id) AS MATERIALIZED (${filter.sql})` : '';
  return {
    sql: `${hits} SELECT ${COLUMNS}, ${key} AS sort_key FROM ${tables} ${from} ORDER BY ${key} ${direction}, ${tie} ${direction} LIMIT ? OFFSET ?`,
    params,
    totalSql: filter ? `${hits} SELECT count(*) AS n FROM hits` : null,
    totalParams: filter?.params ?? [],
  };
}

/**
 * Where a jump to row `offset` of the whole table starts: counted along the sort order's index
 * alone, which holds the key and id, never the documents' rows (an OFFSET on the page statement
 * would join and read every row it skips). Import order counts along the small figures table,
 * whose rowid is the document id. Exported for the plan tests.
 */
export function jumpQuery(query: Pick<DocumentTableQuery, 'sort' | 'descending'>): string {
  const { key, id: tie } = SORT_KEYS[query.sort](query.descending);
  const alias = tie.startsWith('f.') || query.sort === 'importedAt' ? 'f' : 'd';
  const k = query.sort === 'importedAt' ? 'f.document_id' : key;
  const i = alias === 'f' ? 'f.document_id' : 'd.id';
  const direction = query.descending ? 'DESC' : 'ASC';
  return `SELECT ${k} AS k, ${i} AS i FROM ${alias === 'f' ? 'document_figures f' : 'documents d'} ORDER BY ${k} ${direction}, ${i} ${direction} LIMIT 1 OFFSET ?`;
}

export function list(db: Db, query: DocumentTableQuery): DocumentTablePage {
  let start: Start | undefined;
  if (query.after !== undefined) start = { cursor: readCursor(query.after), inclusive: false };
  else if (query.offset > 0 && matches(query) === null) {
    const anchor = db.prepare(jumpQuery(query)).get(query.offset) as { k: string | number; i: number } | undefined;
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
