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
  /** What every document of the file shares (a CSV's header): kept once, on its source. */
  sharedMetadata?: Record<string, unknown>;
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
  shared_metadata: string;
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

// A document's file is its source (migration 009): one row per file, shared by a CSV's rows.
const COLUMNS = `d.id, d.name, s.path AS source_path, s.sha256, d.part_key, s.media_type, d.size_bytes, d.page_count, d.status, d.warnings,
  d.metadata, s.metadata AS shared_metadata, d.blob_id, s.imported_at`;
const FROM = 'documents d JOIN sources s ON s.id = d.source_id';

/** The file's shared metadata under the document's own, one level deep (csv: header with row). */
function merged(shared: Record<string, unknown>, stored: Record<string, unknown>): Record<string, unknown> {
  const own = unpacked(shared, stored);
  const out: Record<string, unknown> = { ...shared, ...own };
  for (const [key, value] of Object.entries(shared)) {
    const mine = own[key];
    if (isObject(value) && isObject(mine)) out[key] = { ...value, ...mine };
  }
  return out;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The columns of a CSV row's cells besides its text, in the file's order; null when the file names none. */
function cellColumns(shared: Record<string, unknown> | undefined): string[] | null {
  const csv = shared?.csv;
  if (!isObject(csv) || !Array.isArray(csv.header) || typeof csv.textColumn !== 'string') return null;
  const columns = (csv.header as unknown[]).filter((h) => h !== csv.textColumn);
  return columns.every((c) => typeof c === 'string') && new Set(columns).size === columns.length ? (columns as string[]) : null;
}

/**
 * A CSV row's cells as stored: their values in the order of the file's header (kept once, on the
 * source), not an object naming every column again on every row, which for a ticket export of
 * many short columns was most of a row's metadata. Cells that do not follow the header stay whole.
 */
function packed(own: Record<string, unknown>, shared: Record<string, unknown> | undefined): Record<string, unknown> {
  const columns = cellColumns(shared);
  const csv = own.csv;
  if (!columns || !isObject(csv) || !isObject(csv.row)) return own;
  const keys = Object.keys(csv.row);
  if (keys.length !== columns.length || keys.some((k, i) => k !== columns[i])) return own;
  const { row, ...rest } = csv;
  return { ...own, csv: { ...rest, cells: Object.values(row) } };
}

/** The cells back as the row object the import gave (see packed). */
function unpacked(shared: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const csv = own.csv;
  const columns = cellColumns(shared);
  if (!columns || !isObject(csv) || !Array.isArray(csv.cells) || csv.cells.length !== columns.length) return own;
  const { cells, ...rest } = csv;
  return { ...own, csv: { ...rest, row: Object.fromEntries(columns.map((c, i) => [c, cells[i]])) } };
}

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
    metadata: merged(JSON.parse(row.shared_metadata) as Record<string, unknown>, JSON.parse(row.metadata) as Record<string, unknown>),
    blobId: row.blob_id,
    importedAt: row.imported_at,
  };
}

/** The id of a document with these bytes (and row key), if one was imported before. */
export function findExisting(db: Db, sha256: string, partKey = ''): number | null {
  const row = prepared(db, `SELECT d.id FROM ${FROM} WHERE s.sha256 = ? AND d.part_key = ?`).get(sha256, partKey) as { id: number } | undefined;
  return row?.id ?? null;
}

/** The source row of a file, made by its first document, and the metadata it keeps for all. */
function sourceOf(db: Db, doc: NewDocument, shared: string): { id: number; metadata: string } {
  const found = prepared(db, 'SELECT id, metadata FROM sources WHERE sha256 = ?').get(doc.sha256) as { id: number; metadata: string } | undefined;
  if (found) return found;
  const info = prepared(db, 'INSERT INTO sources (sha256, path, media_type, imported_at, metadata) VALUES (?, ?, ?, ?, ?)').run(
    doc.sha256,
    doc.sourcePath,
    doc.mediaType,
    now(),
    shared,
  );
  return { id: Number(info.lastInsertRowid), metadata: shared };
}

/**
 * What a document keeps of its metadata beside its file's. The same file imported again with
 * another text or id column gives rows a header or text column its source does not keep: those
 * rows keep theirs, whole, and the source's reads back under them (merged).
 */
function ownMetadata(doc: NewDocument, shared: string, kept: string): Record<string, unknown> {
  const own = doc.metadata ?? {};
  if (kept === shared) return packed(own, doc.sharedMetadata);
  return merged(doc.sharedMetadata ?? {}, own);
}

/**
 * Inserts one document; call inside the import's transaction. A whole file gets its audit entry
 * here; the rows of a CSV/JSONL file (partKey set) do not: the import audits the file once when
 * it completes (import-job.ts), as one entry per row was most of a big project's audit log.
 */
export function insert(db: Db, doc: NewDocument): number {
  const shared = JSON.stringify(doc.sharedMetadata ?? {});
  const source = sourceOf(db, doc, shared);
  const info = prepared(
    db,
    `INSERT INTO documents (source_id, part_key, name, size_bytes, page_count, text, status, warnings, metadata, blob_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    source.id,
    doc.partKey ?? '',
    doc.name,
    doc.sizeBytes,
    doc.pageCount,
    doc.text,
    doc.status ?? 'imported',
    JSON.stringify(doc.warnings ?? []),
    JSON.stringify(ownMetadata(doc, shared, source.metadata)),
    doc.blobId,
  );
  const id = Number(info.lastInsertRowid);
  if (doc.partKey) return id;
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
  const row = prepared(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE d.id = ?`).get(id) as Row | undefined;
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
  // Plucked: a row object per document before the ids were taken out of them was 144 MB at a
  // million (the export's peak); the ids alone are 8 MB.
  return prepared(db, "SELECT id FROM documents WHERE status != 'importing' ORDER BY id").pluck(true).all() as number[];
}

/** Marks every row of a file whose import finished as imported; returns how many. */
export function completeImport(db: Db, sha256: string): number {
  return prepared(db, "UPDATE documents SET status = 'imported' WHERE source_id = (SELECT id FROM sources WHERE sha256 = ?) AND status = 'importing'").run(
    sha256,
  ).changes;
}

/** Rows of a file left from an import that never finished. */
export function countImporting(db: Db, sha256: string): number {
  return (
    prepared(db, "SELECT count(*) AS n FROM documents WHERE source_id = (SELECT id FROM sources WHERE sha256 = ?) AND status = 'importing'").get(sha256) as {
      n: number;
    }
  ).n;
}

export function count(db: Db): number {
  return (prepared(db, 'SELECT count(*) AS n FROM documents').get() as { n: number }).n;
}

/** Text lengths, for planning inference batches without loading every text at once. */
export function lengths(db: Db, ids: readonly number[]): Map<number, number> {
  const statement = prepared(db, 'SELECT length(text) AS n FROM documents WHERE id = ?');
  return new Map(ids.map((id) => [id, (statement.get(id) as { n: number } | undefined)?.n ?? 0]));
}

/**
 * Where the index's tokenizer (unicode61) splits a word that JavaScript reads as one: at '_', and
 * at 21 signs (New Tai Lue vowels U+19B0-19C9, Vedic U+1CF2-3) that are letters to JavaScript but
 * not to SQLite's older Unicode tables (compact-project.test.ts checks every letter and digit). The index keeps no positions (detail=none, migration 008), so a quoted
 * term of two tokens is a phrase FTS5 refuses: every term must be one token.
 */
const FTS_WORD = /(?:(?![\u19b0-\u19c0\u19c8\u19c9\u1cf2\u1cf3])[\p{L}\p{N}])+/gu;

/** FTS5 query from what the analyst typed: each word a quoted prefix term, so punctuation is never syntax; all must match. */
export function ftsQuery(search: string): string | null {
  const words = search.match(FTS_WORD);
  if (!words) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

/**
 * Deletes documents (spans, labels, pages cascade) with an audit entry each, and a file's source
 * with its last document (a later import of it is new, from wherever it is then); blobs stay
 * until unreferenced.
 */
export function remove(db: Db, ids: readonly number[], actor = 'human'): number {
  let removed = 0;
  for (const id of ids) {
    const before = get(db, id);
    if (!before) continue;
    prepared(db, 'DELETE FROM documents WHERE id = ?').run(id);
    prepared(db, 'DELETE FROM sources WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM documents WHERE source_id = sources.id)').run(before.sha256);
    audit.append(db, { actor, action: 'document.delete', entity: 'document', entityId: id, before: { name: before.name, sha256: before.sha256 }, after: null });
    removed++;
  }
  return removed;
}
