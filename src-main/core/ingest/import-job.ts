// One import: every path (folders recursed), each file in its own transaction(s), problems
// reported one by one while the batch goes on. Nothing half-imported stays behind.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportReport } from '../model/import-batch.ts';
import { CancelledError, throwIfCancelled, type JobContext } from '../jobs/jobs.ts';
import { writeTransaction, type Db } from '../store/database.ts';
import * as blobs from '../store/queries/blobs.ts';
import * as documents from '../store/queries/documents.ts';
import * as pages from '../store/queries/pages.ts';
import { readCsvRows } from './csv.ts';
import { extractDocx } from './docx.ts';
import { extractImage, isImageKind } from './image.ts';
import { IngestError } from './ingest-error.ts';
import { importRows } from './import-rows.ts';
import { readJsonlRows } from './jsonl.ts';
import { limit, limitError } from './limits.ts';
import { extractPdf } from './pdf.ts';
import type { RowOptions } from './rows.ts';
import { extractText } from './text.ts';
import { formatOf, SUPPORTED_EXTENSIONS, type ExtractedDocument, type FormatKind } from './types.ts';
import { walkPaths } from './walk.ts';

export interface ImportOptions {
  paths: string[];
  csvColumn?: string;
  idColumn?: string;
  jsonlField?: string;
  /** Follow symbolic links that lead out of the imported folders (reported and skipped otherwise). */
  followLinksOutside?: boolean;
}

type Job = Pick<JobContext, 'signal' | 'report'>;

export async function importPaths(db: Db, options: ImportOptions, job: Job): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, duplicates: 0, failed: [], warnings: [], documentIds: [] };
  const files: Array<{ path: string; size: number }> = [];
  for (const entry of await walkPaths(options.paths, { signal: job.signal, followLinksOutside: options.followLinksOutside })) {
    if ('problem' in entry) report.failed.push({ path: entry.path, reason: entry.problem });
    else if ('warning' in entry) report.warnings.push({ path: entry.path, message: entry.warning });
    else files.push(entry);
  }
  let done = 0;
  job.report({ done, total: files.length, unit: 'files' });
  for (const file of files) {
    throwIfCancelled(job.signal);
    try {
      await importFile(db, file, options, report, job);
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      const reason = error instanceof IngestError ? error.message : `unexpected error: ${(error as Error).message}`;
      report.failed.push({ path: file.path, reason });
    }
    job.report({ done: ++done, total: files.length, unit: 'files', message: basename(file.path) });
    // A turn of the event loop between files: a cancel sent by another process arrives as a
    // message, which is read only then.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return report;
}

async function importFile(db: Db, file: { path: string; size: number }, options: ImportOptions, report: ImportReport, job: Job): Promise<void> {
  const kind = formatOf(file.path);
  if (!kind) {
    throw new IngestError('unsupported', `this file type is not supported (supported: ${SUPPORTED_EXTENSIONS.join(' ')}).`);
  }
  if (file.size === 0) throw new IngestError('empty', 'the file is empty (0 bytes).');
  if (kind === 'csv' || kind === 'tsv' || kind === 'jsonl') {
    const rowOptions: RowOptions =
      kind === 'jsonl' ? { textField: options.jsonlField, idField: options.idColumn } : { textField: options.csvColumn, idField: options.idColumn };
    const rows = kind === 'jsonl' ? readJsonlRows(file.path, basename(file.path), rowOptions) : readCsvRows(file.path, basename(file.path), kind, rowOptions);
    await importRows(db, file.path, rows, report, job);
    return;
  }
  const bytes = readWhole(file.path, file.size);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (documents.findExisting(db, sha) !== null) {
    report.duplicates++;
    return;
  }
  const { doc, blob } = await extractWhole(kind, basename(file.path), bytes, job.signal);
  // The document keeps the file's sha256 (duplicates), its blob the bytes stored (for an image, the PDF made of it).
  const blobSha = blob === bytes ? sha : createHash('sha256').update(blob).digest('hex');
  const id = writeTransaction(db, () => {
    const blobId = blobs.writeBlob(db, blobSha, [blob]);
    return store(db, doc, file.path, sha, bytes.byteLength, blobId);
  });
  report.imported++;
  report.documentIds.push(id);
  for (const message of doc.warnings) report.warnings.push({ path: file.path, message });
}

/** Whole-file formats are read into memory (pdf.js and mammoth need all of it), up to a limit checked before reading. */
function readWhole(path: string, walkedSize: number): Buffer {
  const max = limit('fileBytes');
  if (walkedSize > max) throw limitError('fileBytes', walkedSize);
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size; // it may have grown since the walk
    if (size > max) throw limitError('fileBytes', size);
    const bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * The document and the bytes to store as its blob: the file itself, or for an image (PNG, JPEG,
 * TIFF) the PDF of its pages that image.ts makes, so the page view, OCR and the redacted-PDF
 * export read it as a scanned PDF (media type application/pdf).
 */
async function extractWhole(kind: FormatKind, name: string, bytes: Buffer, signal: AbortSignal): Promise<{ doc: ExtractedDocument; blob: Uint8Array }> {
  if (isImageKind(kind)) {
    const { doc, pdf } = await extractImage(name, bytes, kind, { signal });
    return { doc, blob: pdf };
  }
  if (kind === 'pdf') return { doc: await extractPdf(name, bytes, { signal }), blob: bytes };
  if (kind === 'docx') return { doc: await extractDocx(name, bytes), blob: bytes };
  return { doc: extractText(name, bytes, kind === 'md' ? 'md' : 'txt'), blob: bytes };
}

function store(db: Db, doc: ExtractedDocument, path: string, sha: string, size: number, blobId: number | null): number {
  const id = documents.insert(db, {
    name: doc.name,
    sourcePath: path,
    sha256: sha,
    partKey: doc.partKey,
    mediaType: doc.mediaType,
    sizeBytes: size,
    pageCount: doc.pageCount,
    text: doc.text,
    status: doc.status,
    warnings: doc.warnings,
    metadata: doc.metadata,
    blobId,
  });
  if (doc.pages.length > 0) pages.insertMany(db, id, doc.pages);
  return id;
}
