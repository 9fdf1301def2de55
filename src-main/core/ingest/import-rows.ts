// A row-per-document file (CSV, TSV, JSONL) imported whole or not at all, in batches of rows.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { ImportReport } from '../model/import-batch.ts';
import { errorMessage } from '../errors.ts';
import { throwIfCancelled, type JobContext } from '../jobs/jobs.ts';
import { writeTransaction, type Db } from '../store/database.ts';
import * as audit from '../store/queries/audit.ts';
import * as blobs from '../store/queries/blobs.ts';
import * as documents from '../store/queries/documents.ts';
import { IngestError } from './ingest-error.ts';
import type { RowResult } from './rows.ts';
import type { ExtractedDocument } from './types.ts';

/** Rows per transaction: big enough to be fast, small enough to keep memory flat. */
const ROW_BATCH = 500;

type Job = Pick<JobContext, 'signal' | 'report'>;

/**
 * Rows in batches, one transaction each (other writers wait milliseconds, not the whole file).
 * A file is imported whole or not at all: its rows are stored as 'importing' and become
 * 'imported' together, in one statement, once the last row is in. If the file fails part-way
 * its rows are taken out again; if even that fails (a full disk) or the process is killed, they
 * stay marked, left out of runs and exports, until an import of the same file completes them.
 * The file's bytes are not kept as a blob: its rows, with their cells in the metadata, are the
 * content (the redacted CSV export is written from them), and nothing reads a row's blob.
 */
export async function importRows(db: Db, path: string, rows: AsyncIterable<RowResult>, report: ImportReport, job: Job): Promise<void> {
  const sha = await hashFile(path);
  const unfinished = documents.countImporting(db, sha);
  const inserted: number[] = [];
  let duplicates = 0;
  // What the file's audit entry names: the rows stored now, and those an interrupted import left.
  const ids = { first: Infinity, last: -Infinity, mediaType: '' };
  const seen = (id: number, mediaType: string) => {
    ids.first = Math.min(ids.first, id);
    ids.last = Math.max(ids.last, id);
    ids.mediaType ||= mediaType;
  };
  let batch: ExtractedDocument[] = [];
  const flush = () => {
    const docs = batch;
    batch = [];
    writeTransaction(db, () => {
      for (const doc of docs) {
        const existing = documents.findExisting(db, sha, doc.partKey);
        if (existing !== null) {
          duplicates++;
          if (unfinished > 0) seen(existing, doc.mediaType);
        } else {
          const id = insertRow(db, doc, path, sha);
          inserted.push(id);
          seen(id, doc.mediaType);
        }
      }
    });
    job.report({ done: report.imported + inserted.length, total: null, unit: 'rows', message: `${basename(path)}: ${inserted.length} rows` });
  };
  const warnings: string[] = [];
  try {
    for await (const row of rows) {
      if ('problem' in row) {
        warnings.push(row.problem);
        continue;
      }
      batch.push(row.document);
      if (batch.length >= ROW_BATCH) {
        flush();
        throwIfCancelled(job.signal);
      }
    }
    if (batch.length > 0) flush();
  } catch (error) {
    try {
      writeTransaction(db, () => {
        documents.remove(db, inserted, 'import');
        blobs.deleteUnreferenced(db); // a blob an earlier version stored for this file's rows
      });
    } catch (cleanup) {
      const stay = documents.countImporting(db, sha);
      throw new IngestError(
        'incomplete',
        `${errorMessage(error)}; its ${stay} rows already stored could not be taken out again (${errorMessage(cleanup)}): they stay in the project marked as an incomplete import, left out of runs and exports. Import the file again to complete it.`,
      );
    }
    throw error;
  }
  // One audit entry for the whole file, in the transaction that completes it: one per row was most
  // of a big project's audit log, and the rows have no entries of their own (documents.insert).
  const completed = writeTransaction(db, () => {
    const n = documents.completeImport(db, sha);
    if (n > 0) {
      const after = { name: basename(path), sha256: sha, mediaType: ids.mediaType, documents: n, firstId: ids.first, lastId: ids.last };
      audit.append(db, { actor: 'import', action: 'document.import', entity: 'document', entityId: null, before: null, after });
    }
    return n;
  });
  // Rows an earlier, interrupted import of this file left are completed now: imported, not duplicates.
  const resumed = Math.min(unfinished, completed - inserted.length);
  if (resumed > 0) report.warnings.push({ path, message: `completed an earlier import of this file that had stopped part-way (${resumed} rows).` });
  report.imported += inserted.length + resumed;
  report.duplicates += duplicates - resumed;
  for (const id of inserted) report.documentIds.push(id); // not push(...): a big CSV has more rows than the stack has room for arguments
  const shown = warnings.slice(0, 20);
  if (warnings.length > shown.length) shown.push(`… and ${warnings.length - shown.length} more row problems.`);
  for (const message of shown) report.warnings.push({ path, message });
}

/** One row, marked 'importing' until the whole file is in; no pages, no blob. */
function insertRow(db: Db, doc: ExtractedDocument, path: string, sha: string): number {
  return documents.insert(db, {
    name: doc.name,
    sourcePath: path,
    sha256: sha,
    partKey: doc.partKey,
    mediaType: doc.mediaType,
    sizeBytes: Buffer.byteLength(doc.text),
    pageCount: doc.pageCount,
    text: doc.text,
    status: 'importing',
    warnings: doc.warnings,
    metadata: doc.metadata,
    sharedMetadata: doc.sharedMetadata,
    blobId: null,
  });
}

function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', (error) => reject(new IngestError('unreadable', `it cannot be read (${(error as NodeJS.ErrnoException).code}).`)))
      .on('end', () => resolve(hash.digest('hex')));
  });
}
