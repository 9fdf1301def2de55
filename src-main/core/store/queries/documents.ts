import type { DocumentRow } from '../../model/document.ts';
import type { Db } from '../database.ts';
import { now } from '../clock.ts';
import { prepared } from '../statements.ts';
import * as audit from './audit.ts';

export interface NewDocument {
  name: string;
  sourcePath: string | null;
  sha256: string;
  /** Row key for CSV/JSONL rows; '' for whole files. */
  partKey?: string;
  mediaType: string;
  sizeBytes: number;
  pageCount: number | null;
  text: string;
  /** 'importing': a row of a file whose import has not finished (see listIds). */
  status?: 'imported' | 'needs_ocr' | 'partial_ocr' | 'importing';
  warnings?: string[];
  metadata?: Record<string, unknown>;
  blobId: number | null;
}

interface Row {
  id: number;
  name: string;
  source_path: string | null;
  sha256: string;
  part_key: string;
  media_type: string;
  size_bytes: number;
  page_count: number | null;
  status: string;
  warnings: string;
  metadata: string;
  blob_id: number | null;
  imported_at: string;
}

export interface DocumentRecord {
  id: number;
  name: string;
  sourcePath: string | null;
  sha256: string;
  partKey: string;
  mediaType: string;
  sizeBytes: number;
  pageCount: number | null;
  status: string;
  warnings: string[];
  metadata: Record<string, unknown>;
  blobId: number | null;
  importedAt: string;
}

const COLUMNS = 'id, name, source_path, sha256, part_key, media_type, size_bytes, page_count, status, warnings, metadata, blob_id, imported_at';

function toRecord(row: Row): DocumentRecord {
  return {
    id: row.id,
    name: row.name,
    sourcePath: row.source_path,
    sha256: row.sha256,
    partKey: row.part_key,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    pageCount: row.page_count,
    status: row.status,
    warnings: JSON.parse(row.warnings) as string[],
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    blobId: row.blob_id,
    importedAt: row.imported_at,
  };
}

/** The id of a document with these bytes (and row key), if one was imported before. */
export function findExisting(db: Db, sha256: string, partKey = ''): number | null {
  const row = prepared(db, 'SELECT id FROM documents WHERE sha256 = ? AND part_key = ?').get(sha256, partKey) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Inserts one document and its audit entry; call inside the import's transaction. */
export function insert(db: Db, doc: NewDocument): number {
  const info = prepared(
    db,
    `INSERT INTO documents (name, source_path, sha256, part_key, media_type, size_bytes, page_count, text, status, warnings, metadata, blob_id, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    doc.name,
    doc.sourcePath,
    doc.sha256,
    doc.partKey ?? '',
    doc.mediaType,
    doc.sizeBytes,
    doc.pageCount,
    doc.text,
    doc.status ?? 'imported',
    JSON.stringify(doc.warnings ?? []),
    JSON.stringify(doc.metadata ?? {}),
    doc.blobId,
    now(),
  );
  const id = Number(info.lastInsertRowid);
  audit.append(db, {
    actor: 'import',
    action: 'document.import',
    entity: 'document',
    entityId: id,
    before: null,
    after: { name: doc.name, sha256: doc.sha256, partKey: doc.partKey ?? '', mediaType: doc.mediaType },
  });
  return id;
}

export function get(db: Db, id: number): DocumentRecord | undefined {
  const row = prepared(db, `SELECT ${COLUMNS} FROM documents WHERE id = ?`).get(id) as Row | undefined;
  return row && toRecord(row);
}

export function text(db: Db, id: number): string {
  const row = prepared(db, 'SELECT text FROM documents WHERE id = ?').get(id) as { text: string } | undefined;
  return row?.text ?? '';
}

/**
 * Every document a run or an export works on. Rows of a file whose import has not finished
 * (status 'importing': the import was killed, or could not clean up after a failure) are left
 * out until an import of the same file completes them.
 */
export function listIds(db: Db): number[] {
  return (prepared(db, "SELECT id FROM documents WHERE status != 'importing' ORDER BY id").all() as Array<{ id: number }>).map((r) => r.id);
}

/** Marks every row of a file whose import finished as imported; returns how many. */
export function completeImport(db: Db, sha256: string): number {
  return prepared(db, "UPDATE documents SET status = 'imported' WHERE sha256 = ? AND status = 'importing'").run(sha256).changes;
}

/** Rows of a file left from an import that never finished. */
export function countImporting(db: Db, sha256: string): number {
  return (prepared(db, "SELECT count(*) AS n FROM documents WHERE sha256 = ? AND status = 'importing'").get(sha256) as { n: number }).n;
}

export function count(db: Db): number {
  return (prepared(db, 'SELECT count(*) AS n FROM documents').get() as { n: number }).n;
}

/** Text lengths, for planning inference batches without loading every text at once. */
export function lengths(db: Db, ids: readonly number[]): Map<number, number> {
  const statement = prepared(db, 'SELECT length(text) AS n FROM documents WHERE id = ?');
  return new Map(ids.map((id) => [id, (statement.get(id) as { n: number } | undefined)?.n ?? 0]));
}

export interface ListQuery {
  search?: string;
  label?: string;
  status?: string;
  maxConfidence?: number;
  sort: 'name' | 'importedAt' | 'minConfidence' | 'spanCount' | 'topScore';
  descending: boolean;
  offset: number;
  limit: number;
}

const SORT_COLUMNS: Record<ListQuery['sort'], string> = {
  name: 'name COLLATE NOCASE',
  importedAt: 'imported_at',
  minConfidence: 'min_confidence',
  spanCount: 'span_count',
  topScore: 'top_score',
};

/** FTS5 query from what the analyst typed: each word a quoted prefix term, so punctuation is never syntax. */
export function ftsQuery(search: string): string | null {
  const words = search.match(/[\p{L}\p{N}_]+/gu);
  if (!words) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

/** The documents table: one page of rows with the figures the table shows, and the total. */
export function list(db: Db, query: ListQuery): { total: number; rows: DocumentRow[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const fts = query.search ? ftsQuery(query.search) : null;
  if (query.search && fts === null) return { total: 0, rows: [] };
  if (fts) {
    where.push('d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)');
    params.push(fts);
  }
  if (query.status) {
    where.push('d.status = ?');
    params.push(query.status);
  }
  if (query.label) {
    where.push(`(EXISTS (SELECT 1 FROM doc_labels l WHERE l.document_id = d.id AND l.label = ? AND l.status != 'rejected')
      OR EXISTS (SELECT 1 FROM spans s WHERE s.document_id = d.id AND s.label = ? AND s.status != 'rejected'))`);
    params.push(query.label, query.label);
  }
  // Scalar min(a, b) is NULL when either is NULL, so the lowest confidence is combined by hand.
  const withFigures = `
    WITH figures AS (
      SELECT d.id, d.name, d.media_type, d.size_bytes, d.page_count, d.status, d.imported_at, d.ocr_confidence,
        (SELECT l.label FROM doc_labels l WHERE l.document_id = d.id AND l.status != 'rejected' ORDER BY l.score DESC NULLS LAST LIMIT 1) AS top_label,
        (SELECT max(l.score) FROM doc_labels l WHERE l.document_id = d.id AND l.status != 'rejected') AS top_score,
        (SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.status != 'rejected') AS span_count,
        (SELECT min(s.score) FROM spans s WHERE s.document_id = d.id AND s.status = 'proposed') AS span_min,
        (SELECT min(l.score) FROM doc_labels l WHERE l.document_id = d.id AND l.status = 'proposed') AS label_min
      FROM documents d ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ),
    base AS (
      SELECT *, CASE WHEN span_min IS NULL THEN label_min WHEN label_min IS NULL THEN span_min
                     ELSE min(span_min, label_min) END AS min_confidence
      FROM figures
    )`;
  const confidenceFilter = query.maxConfidence !== undefined ? 'WHERE min_confidence <= ?' : '';
  const filterParams = query.maxConfidence !== undefined ? [...params, query.maxConfidence] : params;
  const total = (db.prepare(`${withFigures} SELECT count(*) AS n FROM base ${confidenceFilter}`).get(...filterParams) as { n: number }).n;
  const order = `${SORT_COLUMNS[query.sort]} ${query.descending ? 'DESC' : 'ASC'} NULLS LAST, id`;
  const rows = db
    .prepare(`${withFigures} SELECT * FROM base ${confidenceFilter} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...filterParams, query.limit, query.offset) as Array<{
    id: number;
    name: string;
    media_type: string;
    size_bytes: number;
    page_count: number | null;
    status: string;
    imported_at: string;
    top_label: string | null;
    top_score: number | null;
    span_count: number;
    min_confidence: number | null;
    ocr_confidence: number | null;
  }>;
  return {
    total,
    rows: rows.map((r) => ({
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
    })),
  };
}

/** Deletes documents (spans, labels, pages cascade) with an audit entry each; blobs stay until unreferenced. */
export function remove(db: Db, ids: readonly number[], actor = 'human'): number {
  let removed = 0;
  for (const id of ids) {
    const before = get(db, id);
    if (!before) continue;
    prepared(db, 'DELETE FROM documents WHERE id = ?').run(id);
    audit.append(db, { actor, action: 'document.delete', entity: 'document', entityId: id, before: { name: before.name, sha256: before.sha256 }, after: null });
    removed++;
  }
  return removed;
}
