// The sample batch on disk: <userData>/sample-batch/, one file of each kind, made from
// sample-texts.ts when asked. Files already there are kept when they are what this version of
// Docket writes (a manifest records each file's size and sha256); a missing, truncated or
// edited file is written again. Every file goes to a temporary name first and is renamed into
// place, so a crash never leaves half a file under the real name, and a symbolic link where the
// folder or a file should be is refused: the batch is written only into a folder of its own.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { DocketError } from '../errors.ts';
import { caseNotesCsv, messagesJsonl } from './sample-rows.ts';
import * as texts from './sample-texts.ts';
import type { Sentiment } from './sample-texts.ts';

/** What a sample file is, by the importer's reading of its extension. */
export type SampleKind = 'txt' | 'md' | 'csv' | 'jsonl' | 'pdf' | 'docx' | 'png';

/**
 * Raised when the writers change in a way the texts do not show (layout, fonts, format), so
 * batches made by an older Docket are written again.
 */
const WRITERS_VERSION = 1;
const MANIFEST = '.sample-batch.json'; // hidden: an import of the folder skips it

interface SampleFile {
  name: string;
  kind: SampleKind;
  make(): Uint8Array | Promise<Uint8Array>;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The files, in the order they are imported. PDF, DOCX and PNG writers load their libraries only when called. */
const FILES: readonly SampleFile[] = [
  { name: 'complaint-letter.txt', kind: 'txt', make: () => utf8(texts.complaintLetter) },
  { name: 'thank-you-letter.txt', kind: 'txt', make: () => utf8(texts.thanksLetter) },
  { name: 'office-memo.md', kind: 'md', make: () => utf8(texts.officeMemo) },
  { name: 'case-notes.csv', kind: 'csv', make: () => utf8(caseNotesCsv()) },
  { name: 'messages.jsonl', kind: 'jsonl', make: () => utf8(messagesJsonl()) },
  { name: 'tenant-review.pdf', kind: 'pdf', make: async () => (await import('./sample-pdf.ts')).samplePdf() },
  { name: 'tenancy-agreement.docx', kind: 'docx', make: async () => (await import('./sample-docx.ts')).sampleDocx() },
  { name: 'phone-message-scan.png', kind: 'png', make: async () => (await import('./sample-scan.ts')).sampleScan() },
];

export const SAMPLE_FILES: ReadonlyArray<{ name: string; kind: SampleKind }> = FILES.map(({ name, kind }) => ({ name, kind }));

/**
 * The documents an import of the batch makes, named as the importer names them (a CSV or JSONL
 * file makes one document a row, "file#row"), with what each one is.
 */
export const SAMPLE_DOCUMENTS: ReadonlyArray<{ name: string; kind: SampleKind; sentiment: Sentiment; about: string }> = [
  { name: 'complaint-letter.txt', kind: 'txt', sentiment: 'angry', about: 'a complaint to an energy company' },
  { name: 'thank-you-letter.txt', kind: 'txt', sentiment: 'thankful', about: 'thanks for a fundraising evening' },
  { name: 'office-memo.md', kind: 'md', sentiment: 'neutral', about: 'a memo on an office move' },
  ...texts.caseNotes.map((n, i) => ({ name: `case-notes.csv#${i + 1}`, kind: 'csv' as const, sentiment: n.sentiment, about: `case note ${n.id}` })),
  ...texts.messages.map((m, i) => ({ name: `messages.jsonl#${i + 1}`, kind: 'jsonl' as const, sentiment: m.sentiment, about: `a message from ${m.from}` })),
  { name: 'tenant-review.pdf', kind: 'pdf', sentiment: 'neutral', about: 'a two-page tenant review' },
  { name: 'tenancy-agreement.docx', kind: 'docx', sentiment: 'neutral', about: 'a tenancy agreement' },
  { name: 'phone-message-scan.png', kind: 'png', sentiment: 'thankful', about: 'a scanned phone message (its text comes with OCR)' },
];

export interface SampleBatch {
  folder: string;
  /** Every file of the batch, absolute, in import order. */
  paths: string[];
  /** The names of the files written this time (none when the batch was already complete). */
  written: string[];
}

interface Manifest {
  edition: string;
  files: Record<string, { size: number; sha256: string }>;
}

export function sampleBatchFolder(userData: string): string {
  return join(userData, 'sample-batch');
}

/** Makes sure the batch in `folder` is complete and current, writing what is missing or wrong. */
export async function writeSampleBatch(folder: string): Promise<SampleBatch> {
  mkdirSync(dirname(folder), { recursive: true });
  const found = statOrNull(folder);
  if (found?.isSymbolicLink()) throw refused(folder, 'is a symbolic link');
  if (found && !found.isDirectory()) throw refused(folder, 'is a file, not a folder');
  if (!found) mkdirSync(folder);

  const edition = currentEdition();
  const manifest = readManifest(folder);
  const files: Manifest['files'] = manifest?.edition === edition ? { ...manifest.files } : {};
  const written: string[] = [];
  for (const file of FILES) {
    const path = join(folder, file.name);
    const stat = statOrNull(path);
    if (stat?.isSymbolicLink()) throw refused(path, 'is a symbolic link');
    if (stat && !stat.isFile()) throw refused(path, 'is not a regular file');
    if (stat && matches(path, stat, files[file.name])) continue;
    const bytes = await file.make();
    writeReplacing(path, bytes);
    files[file.name] = { size: bytes.byteLength, sha256: sha256(bytes) };
    written.push(file.name);
  }
  // Written last: a batch interrupted part-way has no manifest entry for the files not yet done.
  if (written.length > 0 || manifest?.edition !== edition)
    writeReplacing(join(folder, MANIFEST), utf8(JSON.stringify({ edition, files } satisfies Manifest, null, 2)));
  return { folder, paths: FILES.map((f) => join(folder, f.name)), written };
}

/** The texts and the writers' version: a change to either makes every file stale. */
function currentEdition(): string {
  return sha256(utf8(JSON.stringify({ WRITERS_VERSION, texts })));
}

function matches(path: string, stat: Stats, expected: { size: number; sha256: string } | undefined): boolean {
  return expected !== undefined && stat.size === expected.size && sha256(readFileSync(path)) === expected.sha256;
}

function readManifest(folder: string): Manifest | null {
  try {
    const stat = lstatSync(join(folder, MANIFEST));
    if (!stat.isFile()) return null;
    const parsed = JSON.parse(readFileSync(join(folder, MANIFEST), 'utf8')) as Partial<Manifest>;
    return typeof parsed.edition === 'string' && typeof parsed.files === 'object' && parsed.files !== null ? (parsed as Manifest) : null;
  } catch {
    return null; // missing or unreadable: every file is checked against nothing, so written again
  }
}

/**
 * Writes to a fresh temporary name (created exclusively, so never through a link someone placed
 * there) and renames it over the target: rename replaces a name, it never follows one.
 */
function writeReplacing(path: string, bytes: Uint8Array): void {
  const temporary = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', 0o644);
  try {
    for (let done = 0; done < bytes.byteLength;) done += writeSync(fd, bytes, done);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temporary);
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
}

function statOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function refused(path: string, what: string): DocketError {
  return new DocketError(
    'sample_refused',
    `${path} ${what}; the sample batch is written only into a folder of its own, never through a link. Remove it (or move it aside) and try again.`,
  );
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
