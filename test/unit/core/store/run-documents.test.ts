// Migration 011: a run's finished documents without the time each finished. A run stopped before
// the upgrade must resume after it from where it stopped: its finished rows are all kept.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../src-main/core/store/database.ts';
import { migrations } from '../../../../src-main/core/store/migrations/index.ts';
import * as runs from '../../../../src-main/core/store/queries/runs.ts';
import { addDocument, tempProjectPath } from './project-fixture.ts';

let db: Db | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

describe('migration 011 on a schema-10 project', () => {
  it('keeps every finished document of a stopped run, and its outputs', () => {
    const path = tempProjectPath();
    db = openDatabase(path, { create: true });
    const ids = [0, 1, 2].map((i) => addDocument(db!, `d${i}.txt`, `text ${i}`));
    db.close();
    // Back to schema 10 as it was: put the column back as 001 made it.
    const raw = new Database(path);
    raw.exec("ALTER TABLE run_documents ADD COLUMN done_at TEXT NOT NULL DEFAULT ''");
    raw.pragma(`user_version = ${migrations.find((m) => m.version === 10)!.version}`);
    raw.prepare("INSERT INTO runs (id, task, status, started_at, docs_total, docs_done) VALUES (7, 'ner', 'interrupted', 't', 3, 2)").run();
    const done = raw.prepare("INSERT INTO run_documents (run_id, document_id, done_at, outputs) VALUES (7, ?, '2025-01-01T00:00:00.000Z', ?)");
    done.run(ids[0], '{"logits":[1]}');
    done.run(ids[1], null);
    raw.close();
    db = openDatabase(path);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').all('run_documents')).toEqual([
      { name: 'run_id' },
      { name: 'document_id' },
      { name: 'outputs' },
    ]);
    expect([...runs.doneDocumentIds(db, 7)].sort()).toEqual([ids[0], ids[1]]);
    expect(db.prepare('SELECT outputs FROM run_documents WHERE document_id = ?').get(ids[0])).toEqual({ outputs: '{"logits":[1]}' });
    runs.markDocumentDone(db, 7, ids[2]!, undefined);
    expect(runs.get(db, 7)!.docsDone).toBe(3);
  });
});
