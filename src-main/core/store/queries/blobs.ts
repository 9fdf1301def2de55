import { createHash } from 'node:crypto';
import type { Db } from '../database.ts';
import { prepared } from '../statements.ts';

/** Original bytes are stored in chunks of this size, so no reader needs one huge buffer. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

export function findBySha(db: Db, sha256: string): number | null {
  const row = prepared(db, 'SELECT id FROM blobs WHERE sha256 = ?').get(sha256) as { id: number } | undefined;
  return row?.id ?? null;
}

/**
 * Stores bytes arriving in pieces (a file read as a stream) and returns the blob id; bytes already
 * stored (same sha256) are kept once. Call inside the transaction that inserts the document.
 */
export function writeBlob(db: Db, sha256: string, chunks: Iterable<Uint8Array>): number {
  const existing = findBySha(db, sha256);
  if (existing !== null) return existing;
  const info = prepared(db, 'INSERT INTO blobs (sha256, size_bytes) VALUES (?, 0)').run(sha256);
  const blobId = Number(info.lastInsertRowid);
  const insert = prepared(db, 'INSERT INTO blob_chunks (blob_id, seq, data) VALUES (?, ?, ?)');
  let seq = 0;
  let size = 0;
  const hash = createHash('sha256');
  for (const piece of rechunk(chunks)) {
    hash.update(piece);
    insert.run(blobId, seq++, piece);
    size += piece.byteLength;
  }
  // A mismatch means the caller hashed different bytes than it stored: refuse rather than lie.
  const actual = hash.digest('hex');
  if (actual !== sha256) throw new Error(`Blob hash mismatch: expected ${sha256}, stored ${actual}.`);
  prepared(db, 'UPDATE blobs SET size_bytes = ? WHERE id = ?').run(size, blobId);
  return blobId;
}

function* rechunk(chunks: Iterable<Uint8Array>): Generator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for (const chunk of chunks) {
    pending.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    pendingBytes += chunk.byteLength;
    while (pendingBytes >= CHUNK_BYTES) {
      const all = Buffer.concat(pending);
      yield all.subarray(0, CHUNK_BYTES);
      pending = [all.subarray(CHUNK_BYTES)];
      pendingBytes = all.byteLength - CHUNK_BYTES;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending);
}

/** Streams a blob's chunks in order. */
export function* readChunks(db: Db, blobId: number): Generator<Buffer> {
  for (const row of db.prepare('SELECT data FROM blob_chunks WHERE blob_id = ? ORDER BY seq').iterate(blobId)) {
    yield (row as { data: Buffer }).data;
  }
}

/** The whole blob in one buffer: for PDFs that pdf.js must read entirely anyway. */
export function readBlob(db: Db, blobId: number): Buffer {
  return Buffer.concat([...readChunks(db, blobId)]);
}

export function size(db: Db, blobId: number): number | null {
  const row = prepared(db, 'SELECT size_bytes FROM blobs WHERE id = ?').get(blobId) as { size_bytes: number } | undefined;
  return row?.size_bytes ?? null;
}

/** Removes blobs no document points at any more (after a document is deleted). */
export function deleteUnreferenced(db: Db): number {
  return db.prepare('DELETE FROM blobs WHERE id NOT IN (SELECT blob_id FROM documents WHERE blob_id IS NOT NULL)').run().changes;
}
