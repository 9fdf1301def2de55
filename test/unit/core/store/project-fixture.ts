// A real project file in a temp folder with documents in it, for store, handler and CLI tests.
// Documents are inserted with plain SQL here because importing is another module's job.
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../../src-main/core/store/database.ts';
import * as spans from '../../../../src-main/core/store/queries/spans.ts';
import * as docLabels from '../../../../src-main/core/store/queries/doc-labels.ts';

export function tempProjectPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'docket-review-')), 'p.docket');
}

export function createProject(path = tempProjectPath()): { path: string; db: Db } {
  return { path, db: openDatabase(path, { create: true }) };
}

export function addDocument(db: Db, name: string, text: string): number {
  const sha = createHash('sha256')
    .update(name + text)
    .digest('hex');
  const source = db
    .prepare("INSERT INTO sources (sha256, path, media_type, imported_at) VALUES (?, NULL, 'text/plain', ?)")
    .run(sha, new Date().toISOString()).lastInsertRowid;
  const info = db.prepare('INSERT INTO documents (source_id, name, size_bytes, text) VALUES (?, ?, ?, ?)').run(source, name, Buffer.byteLength(text), text);
  return Number(info.lastInsertRowid);
}

/** A new project holding one plain-text document per text (d0.txt, d1.txt, …), and their ids. */
export function projectWith(texts: readonly string[]): { db: Db; ids: number[] } {
  const { db } = createProject();
  return { db, ids: texts.map((text, i) => addDocument(db, `d${i}.txt`, text)) };
}

/** Machine proposals for `needle` (its first occurrence from `from`), as a run would store them. */
export function propose(db: Db, documentId: number, needle: string, label: string, score: number, sourceName = 'model:ner', from = 0): spans.NewSpan {
  const text = (db.prepare('SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string }).text;
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`"${needle}" is not in document ${documentId}`);
  const span: spans.NewSpan = {
    documentId,
    start,
    end: start + needle.length,
    label,
    score,
    source: sourceName.startsWith('pattern') ? 'pattern' : 'model',
    sourceName,
    runId: null,
  };
  spans.insertMany(db, [span]);
  return span;
}

export function proposeLabel(db: Db, documentId: number, task: string, label: string, score: number, sourceName: string): void {
  docLabels.insertMany(db, [{ documentId, task, label, score, source: 'model', sourceName, runId: null }]);
}

export function spanRows(db: Db, documentId: number) {
  return spans.forDocument(db, documentId).map((s) => ({ start: s.start, end: s.end, label: s.label, status: s.status, source: s.source }));
}

/** A project of 300 documents with pages in the middle of the file overwritten, as a failing disk or a bad copy would. */
export function damagedProject(): string {
  const { db, path } = createProject();
  for (let i = 0; i < 300; i++) addDocument(db, `d${i}.txt`, `Document ${i} `.repeat(200));
  db.close();
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(4096 * 4, 0x5a), 0, 4096 * 4, 4096 * 6);
  closeSync(fd);
  return path;
}
