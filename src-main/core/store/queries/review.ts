import type { ReviewCursor, ReviewItem } from '../../model/review.ts';
import type { Db } from '../database.ts';
import { prepared } from '../statements.ts';
import * as tallies from './tallies.ts';

// The review queue: proposals (spans and document labels) the analyst should look at first.
// 'confidence': lowest score first. 'disagreement': items another source contradicts, most
// confident contradiction first — a span overlapped by another source's span with a different
// label, or a document label whose source's top label for that task differs from another
// source's top label. Disagreement is the contradicting source's score (1 for a human).

export interface QueueQuery {
  order: 'confidence' | 'disagreement';
  status: ReviewItem['status'];
  maxScore?: number;
  /** The last item of the page before: the page starts after it, wherever decisions since have left it. */
  after?: ReviewCursor;
  limit: number;
}

export interface QueuePage {
  total: number;
  items: ReviewItem[];
  /** Where the next page starts; null when this page reached the end. */
  next: ReviewCursor | null;
}

const CONTEXT_CHARS = 60;
const OPENING_CHARS = 80;

const spanDisagreement = (a: string) => `(
  SELECT MAX(COALESCE(o.score, 1.0)) FROM spans o
   WHERE o.document_id = ${a}.document_id AND o.start < ${a}."end" AND o."end" > ${a}.start AND o.id <> ${a}.id
     AND o.label <> ${a}.label AND o.source_name <> ${a}.source_name AND o.status <> 'rejected')`;

const topScore = (a: string, t: string) => `(
  SELECT MAX(${t}.score) FROM doc_labels ${t}
   WHERE ${t}.document_id = ${a}.document_id AND ${t}.task = ${a}.task AND ${t}.source_name = ${a}.source_name AND ${t}.status <> 'rejected')`;

const labelDisagreement = (a: string) => `(CASE WHEN ${a}.score IS NULL OR ${a}.score >= ${topScore(a, 't1')} THEN (
  SELECT MAX(COALESCE(o.score, 1.0)) FROM doc_labels o
   WHERE o.document_id = ${a}.document_id AND o.task = ${a}.task AND o.source_name <> ${a}.source_name
     AND o.label <> ${a}.label AND o.status <> 'rejected' AND (o.score IS NULL OR o.score >= ${topScore('o', 't2')})) END)`;

function itemsSql(withDisagreement: boolean, maxScore: boolean): string {
  const scoreFilter = (a: string) => (maxScore ? ` AND ${a}.score <= @maxScore` : '');
  return `
    SELECT 'span' AS kind, s.id, s.document_id, s.label, s.score, s.status, s.source, s.source_name, s.start, s."end", NULL AS task,
           ${withDisagreement ? spanDisagreement('s') : 'NULL'} AS disagreement
      FROM spans s WHERE s.status = @status${scoreFilter('s')}
    UNION ALL
    SELECT 'label', l.id, l.document_id, l.label, l.score, l.status, l.source, l.source_name, NULL, NULL, l.task,
           ${withDisagreement ? labelDisagreement('l') : 'NULL'}
      FROM doc_labels l WHERE l.status = @status${scoreFilter('l')}`;
}

interface ItemRow {
  kind: 'span' | 'label';
  id: number;
  document_id: number;
  label: string;
  score: number | null;
  status: ReviewItem['status'];
  source: ReviewItem['source'];
  source_name: string;
  start: number | null;
  end: number | null;
  task: string | null;
  disagreement: number | null;
}

function flat(text: string): string {
  return text.replace(/\s/g, ' ');
}

function describe(row: ItemRow, doc: { name: string; text: string }): Pick<ReviewItem, 'text' | 'context'> {
  if (row.kind === 'span' && row.start !== null && row.end !== null) {
    const from = Math.max(0, row.start - CONTEXT_CHARS);
    const to = Math.min(doc.text.length, row.end + CONTEXT_CHARS);
    // Same length as the document slice (whitespace → spaces), so the span sits at start - from.
    return { text: doc.text.slice(row.start, row.end), context: flat(doc.text.slice(from, to)) };
  }
  const opening = doc.text.replace(/\s+/g, ' ').trim();
  return { text: opening.slice(0, OPENING_CHARS), context: opening.slice(0, CONTEXT_CHARS * 5) };
}

/**
 * One page of the queue. By confidence it is read from the review indexes (migration 007), each
 * kind in its sort order from the cursor on, the two merged here: the same cost at any size and
 * any depth. The total comes from the tallies, or, under a score cut, from an index range of what
 * it counts. By disagreement every proposal's contradiction is computed, so that order costs what
 * the queue holds.
 *
 * Pages follow a cursor (the last item's sort key), not an offset: the items the analyst decides
 * leave the queue, and an offset would then skip as many of those still waiting.
 */
export function queue(db: Db, query: QueueQuery): QueuePage {
  const { total, rows } = query.order === 'disagreement' ? byDisagreement(db, query) : byConfidence(db, query);
  const last = rows.length === query.limit ? rows.at(-1) : undefined;
  return { total, items: describeAll(db, rows), next: last ? cursorOf(last) : null };
}

function cursorOf(row: ItemRow): ReviewCursor {
  return { kind: row.kind, id: row.id, documentId: row.document_id, start: row.start, score: row.score, disagreement: row.disagreement };
}

/** The cursor's key, as each arm compares it: a document label sorts before its document's spans (start -1). */
function cursorParams(after: ReviewCursor | undefined) {
  if (!after) return {};
  return {
    afterKey: after.score ?? 2,
    afterDocument: after.documentId,
    afterStart: after.kind === 'span' ? (after.start ?? 0) : -1,
    afterId: after.id,
    // A label after a span of its own document and score cannot exist: past every label id.
    afterLabelId: after.kind === 'label' ? after.id : Number.MAX_SAFE_INTEGER,
    afterDisagreement: after.disagreement ?? 0,
    afterUnscored: after.score === null ? 1 : 0,
    afterScore: after.score ?? 0,
  };
}

function byDisagreement(db: Db, query: QueueQuery): { total: number; rows: ItemRow[] } {
  const params = { status: query.status, maxScore: query.maxScore ?? null, limit: query.limit, ...cursorParams(query.after) };
  const items = `(${itemsSql(true, query.maxScore !== undefined)})`;
  // The order as one row value, so a cursor continues it: disagreement descending, unscored last.
  // Ties on place are within one kind (a label's place is -1, a span's ≥ 0), so ids compare alike.
  const key = '(-disagreement, score IS NULL, coalesce(score, 0), document_id, coalesce(start, -1), id)';
  const after = query.after ? ` AND ${key} > (-@afterDisagreement, @afterUnscored, @afterScore, @afterDocument, @afterStart, @afterId)` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM ${items} WHERE disagreement IS NOT NULL`).get(params) as { n: number }).n;
  const rows = db.prepare(`SELECT * FROM ${items} WHERE disagreement IS NOT NULL${after} ORDER BY ${key.slice(1, -1)} LIMIT @limit`).all(params) as ItemRow[];
  return { total, rows };
}

const REVIEW_KEY = 'coalesce(score, 2)';

/**
 * Each kind's statements for its first @n items in queue order, read from its review index: from
 * the top, or from a cursor the rest of its ties key by key, then the keys past it (SQLite seeks a
 * row value over an indexed expression by its first column only, then walks every tie: a
 * detector's spans all share one score). Each statement is a range of the index, read in order;
 * exported for the plan tests.
 */
export function confidenceArms(scoreCut: boolean, after = false): { spans: string[]; labels: string[] } {
  const cut = scoreCut ? ` AND ${REVIEW_KEY} <= @maxScore` : '';
  // A range fixed on its first columns is ordered by the rest (SQLite would sort it otherwise).
  const spans = (where: string, order = `${REVIEW_KEY}, document_id, start, id`) =>
    `SELECT 'span' AS kind, id, document_id, label, score, status, source, source_name, start, "end", NULL AS task, NULL AS disagreement
      FROM spans WHERE status = @status${cut}${where} ORDER BY ${order} LIMIT @n`;
  const labels = (where: string, order = `${REVIEW_KEY}, document_id, id`) =>
    `SELECT 'label' AS kind, id, document_id, label, score, status, source, source_name, NULL AS start, NULL AS "end", task, NULL AS disagreement
      FROM doc_labels WHERE status = @status${cut}${where} ORDER BY ${order} LIMIT @n`;
  if (!after) return { spans: [spans('')], labels: [labels('')] };
  const key = ` AND ${REVIEW_KEY} = @afterKey`;
  const document = `${key} AND document_id = @afterDocument`;
  return {
    spans: [
      spans(`${document} AND start = @afterStart AND id > @afterId`, 'id'),
      spans(`${document} AND start > @afterStart`, 'start, id'),
      spans(`${key} AND document_id > @afterDocument`, 'document_id, start, id'),
      spans(` AND ${REVIEW_KEY} > @afterKey`),
    ],
    labels: [
      labels(`${document} AND id > @afterLabelId`, 'id'),
      labels(`${key} AND document_id > @afterDocument`, 'document_id, id'),
      labels(` AND ${REVIEW_KEY} > @afterKey`),
    ],
  };
}

/** The first @n rows of consecutive ranges, read range by range until there are enough (a fixed set of texts: prepared once). */
function firstRows(db: Db, statements: readonly string[], params: Record<string, unknown> & { n: number }): ItemRow[] {
  const rows: ItemRow[] = [];
  for (const sql of statements) {
    if (rows.length === params.n) break;
    rows.push(...(prepared(db, sql).all({ ...params, n: params.n - rows.length }) as ItemRow[]));
  }
  return rows;
}

function byConfidence(db: Db, query: QueueQuery): { total: number; rows: ItemRow[] } {
  const cut = query.maxScore !== undefined ? ` AND ${REVIEW_KEY} <= @maxScore` : '';
  const params = { status: query.status, maxScore: query.maxScore ?? null, n: query.limit, ...cursorParams(query.after) };
  const arms = confidenceArms(query.maxScore !== undefined, query.after !== undefined);
  const page = [...firstRows(db, arms.spans, params), ...firstRows(db, arms.labels, params)].sort(queueOrder).slice(0, query.limit);
  // Disagreement is shown on every item, but only computed for the page.
  const spanQuery = prepared(db, `SELECT ${spanDisagreement('s')} AS d FROM spans s WHERE s.id = ?`);
  const labelQuery = prepared(db, `SELECT ${labelDisagreement('l')} AS d FROM doc_labels l WHERE l.id = ?`);
  const rows = page.map((r) => ({ ...r, disagreement: ((r.kind === 'span' ? spanQuery : labelQuery).get(r.id) as { d: number | null }).d }));
  const total =
    query.maxScore === undefined
      ? tallies.items(db, query.status)
      : (['spans', 'doc_labels'] as const).reduce(
          (n, table) => n + (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE status = @status${cut}`).get(params) as { n: number }).n,
          0,
        );
  return { total, rows };
}

/** Lowest score first, no score last; then by document, place (a document label, with no place, before its spans) and id. */
function queueOrder(a: ItemRow, b: ItemRow): number {
  const key = (r: ItemRow) => r.score ?? 2;
  return key(a) - key(b) || a.document_id - b.document_id || (a.start ?? -1) - (b.start ?? -1) || a.id - b.id;
}

function describeAll(db: Db, rows: readonly ItemRow[]): ReviewItem[] {
  const documents = new Map<number, { name: string; text: string }>();
  const documentQuery = prepared(db, 'SELECT name, text FROM documents WHERE id = ?');
  for (const id of new Set(rows.map((r) => r.document_id))) documents.set(id, documentQuery.get(id) as { name: string; text: string });
  return rows.map((r) => {
    const doc = documents.get(r.document_id)!;
    return {
      kind: r.kind,
      id: r.id,
      documentId: r.document_id,
      documentName: doc.name,
      label: r.label,
      score: r.score,
      status: r.status,
      source: r.source,
      sourceName: r.source_name,
      ...describe(r, doc),
      disagreement: r.disagreement,
    };
  });
}
