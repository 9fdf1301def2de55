// The figures the views read (tallies, document_figures) are kept by triggers; these tests
// change a project every way the app does, then recompute every figure from the rows themselves
// and compare. The documents table and review queue are also walked page by page and compared
// with a sort done here, and their statements must read an index in order (no sort of all rows).
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/core/store/database.ts';
import { migrations } from '../../../../src-main/core/store/migrations/index.ts';
import { APPLICATION_ID } from '../../../../src-main/core/store/project-file.ts';
import type { Db } from '../../../../src-main/core/store/database.ts';
import type { ReviewCursor } from '../../../../src-main/core/model/review.ts';
import * as docLabels from '../../../../src-main/core/store/queries/doc-labels.ts';
import * as documentTable from '../../../../src-main/core/store/queries/document-table.ts';
import * as documents from '../../../../src-main/core/store/queries/documents.ts';
import * as history from '../../../../src-main/core/store/queries/history.ts';
import * as labels from '../../../../src-main/core/store/queries/labels.ts';
import * as review from '../../../../src-main/core/store/queries/review.ts';
import * as spans from '../../../../src-main/core/store/queries/spans.ts';
import * as stats from '../../../../src-main/core/store/queries/stats.ts';
import * as bulk from '../../../../src-main/core/store/queries/bulk-decisions.ts';
import { mulberry32 } from '../../../fixtures/seeded-random.ts';
import { addDocument, createProject, tempProjectPath } from './project-fixture.ts';
import { figuresRecomputed, historyGroupsRecomputed, historyGroupsStored, talliesRecomputed, stored } from './view-figures-reference.ts';

let db: Db;
afterEach(() => db?.close());

const LABELS = ['PERSON', 'EMAIL', 'ORG'];

/** A project of `n` documents with random spans and document labels, some decided. */
function randomProject(n: number, seed: number): { db: Db; ids: number[]; random: () => number } {
  const random = mulberry32(seed);
  const project = createProject();
  const ids = Array.from({ length: n }, (_, i) => addDocument(project.db, `${['b', 'A', 'c', 'a'][i % 4]}-${i}.txt`, `Text ${i} `.repeat(20)));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const score = () => (random() < 0.1 ? null : Math.round(random() * 100) / 100);
  for (const documentId of ids) {
    const k = Math.floor(random() * 4);
    spans.insertMany(
      project.db,
      Array.from({ length: k }, (_, j) => ({
        documentId,
        start: j * 10,
        end: j * 10 + 5,
        label: pick(LABELS),
        score: score(),
        source: 'model' as const,
        sourceName: pick(['model:a', 'model:b']),
        runId: null,
      })),
    );
    const sentiment = ['POS', 'NEG', 'NEUTRAL'].filter(() => random() < 0.4);
    docLabels.insertMany(
      project.db,
      sentiment.map((label) => ({ documentId, task: 'sentiment', label, score: score(), source: 'model' as const, sourceName: 'model:s', runId: null })),
    );
  }
  return { ...project, ids, random };
}

function expectFiguresHold(): void {
  expect(stored(db).tallies).toEqual(talliesRecomputed(db));
  expect(stored(db).figures).toEqual(figuresRecomputed(db));
  expect(historyGroupsStored(db)).toEqual(historyGroupsRecomputed(db));
}

describe('figures kept by triggers', () => {
  it('match a recount after inserts, decisions, edits, renames, deletes, bulk decisions and undo', () => {
    const project = randomProject(60, 7);
    db = project.db;
    const { ids, random } = project;
    expectFiguresHold();
    const allSpans = () => db.prepare('SELECT id FROM spans ORDER BY id').all() as Array<{ id: number }>;
    const group = history.newGroupId();
    for (const { id } of allSpans().filter(() => random() < 0.3)) {
      spans.update(db, id, { status: random() < 0.5 ? 'accepted' : 'rejected' }, 'human', group);
    }
    expectFiguresHold();
    for (const { id } of allSpans().filter(() => random() < 0.1)) spans.update(db, id, { label: 'ORG', start: 1, end: 3 }, 'human', history.newGroupId());
    db.prepare('UPDATE spans SET score = 0.01 WHERE id % 7 = 0').run();
    expectFiguresHold();
    for (const l of db.prepare('SELECT id FROM doc_labels').all() as Array<{ id: number }>) {
      if (random() < 0.4) docLabels.update(db, l.id, { status: 'rejected' }, 'human', history.newGroupId());
    }
    expectFiguresHold();
    spans.removeMany(
      db,
      allSpans()
        .slice(0, 20)
        .map((s) => s.id),
      'human',
      history.newGroupId(),
    );
    documents.remove(db, ids.slice(0, 5));
    expectFiguresHold();
    labels.save(db, { ...labels.findByName(db, 'EMAIL')!, name: 'MAIL' });
    expectFiguresHold();
    bulk.decide(db, { minScore: 0.5 }, 'accepted', history.newGroupId());
    expectFiguresHold();
    history.undo(db);
    expectFiguresHold();
    history.redo(db);
    history.undo(db);
    expect(historyGroupsStored(db)).toHaveLength(historyGroupsRecomputed(db).length);
    expectFiguresHold();
    db.prepare("UPDATE documents SET status = 'needs_ocr' WHERE id % 3 = 0").run();
    expectFiguresHold();
  });
});

/** Every row of the table in the order asked, by following `next` from page to page. */
function walk(query: Omit<documentTable.DocumentTableQuery, 'offset' | 'limit' | 'after'>, limit = 7): number[] {
  const out: number[] = [];
  for (let after: string | undefined; ;) {
    const page = documentTable.list(db, { ...query, offset: 0, limit, after });
    out.push(...page.rows.map((r) => r.id));
    if (!page.next) return out;
    after = page.next;
  }
}

describe('the documents table', () => {
  const sorts = ['name', 'importedAt', 'minConfidence', 'spanCount', 'topScore'] as const;

  it('pages by cursor and by offset through the same order a full sort gives, NULLs last both ways', () => {
    db = randomProject(45, 11).db;
    const figures = new Map(figuresRecomputed(db).map((f) => [f.document_id, f]));
    const rows = db.prepare('SELECT d.id, d.name, s.imported_at FROM documents d JOIN sources s ON s.id = d.source_id').all() as Array<{
      id: number;
      name: string;
      imported_at: string;
    }>;
    const value: Record<(typeof sorts)[number], (r: (typeof rows)[number]) => string | number | null> = {
      name: (r) => r.name.toLowerCase(),
      importedAt: (r) => r.imported_at,
      minConfidence: (r) => figures.get(r.id)!.min_confidence,
      spanCount: (r) => figures.get(r.id)!.span_count,
      topScore: (r) => figures.get(r.id)!.top_score,
    };
    // Both figures have NULLs and ties, so that pages cross from the figures to the NULLs.
    for (const sort of ['minConfidence', 'topScore'] as const) {
      const known = rows.map(value[sort]).filter((x) => x !== null);
      expect(rows.length - known.length, sort).toBeGreaterThan(2);
      expect(new Set(known).size, sort).toBeLessThan(known.length);
    }
    // A filtered page sorts its matches: every other document, and every one with a NULL figure.
    db.prepare(
      "UPDATE documents SET status = 'needs_ocr' WHERE id % 2 = 0 OR id IN (SELECT document_id FROM document_figures WHERE min_confidence IS NULL OR top_score IS NULL)",
    ).run();
    const needsOcr = new Set((db.prepare("SELECT id FROM documents WHERE status = 'needs_ocr'").all() as Array<{ id: number }>).map((r) => r.id));
    const ids = (page: documentTable.DocumentTablePage) => page.rows.map((r) => r.id);
    for (const sort of sorts) {
      for (const descending of [false, true]) {
        const sign = descending ? -1 : 1;
        const expected = [...rows]
          .sort((a, b) => {
            const x = value[sort](a);
            const y = value[sort](b);
            if (x === null || y === null) return x === y ? sign * (a.id - b.id) : x === null ? 1 : -1;
            return (x < y ? -sign : x > y ? sign : 0) || sign * (a.id - b.id);
          })
          .map((r) => r.id);
        const order = `${sort} ${descending ? 'descending' : 'ascending'}`;
        // One row a page puts a cursor on every row, the last figure's included; 5 and 7 cross
        // from the figures to the NULLs in mid-page, after a cursor; 50 on the first page.
        for (const limit of [1, 5, 7, 50]) expect(walk({ sort, descending }, limit), `${order} by ${limit}`).toEqual(expected);
        // A jump to every row, and the page after it by its cursor.
        for (let offset = 0; offset <= expected.length; offset++) {
          const page = documentTable.list(db, { sort, descending, offset, limit: 4 });
          expect(ids(page), `${order} from ${offset}`).toEqual(expected.slice(offset, offset + 4));
          expect(page.total).toBe(expected.length);
          expect(page.next === null, `${order} from ${offset}`).toBe(offset + 4 > expected.length); // a full page has a next
          if (page.next)
            expect(ids(documentTable.list(db, { sort, descending, offset: 0, limit: 4, after: page.next }))).toEqual(expected.slice(offset + 4, offset + 8));
        }
        const matched = expected.filter((id) => needsOcr.has(id));
        expect(walk({ sort, descending, status: 'needs_ocr' }, 3), `${order}, filtered`).toEqual(matched);
        for (let offset = 0; offset <= matched.length; offset += 2) {
          expect(ids(documentTable.list(db, { sort, descending, status: 'needs_ocr', offset, limit: 3 })), `${order}, filtered, from ${offset}`).toEqual(
            matched.slice(offset, offset + 3),
          );
        }
      }
    }
  });

  it('filters by label, status, confidence and search, with totals counted from the matches', () => {
    db = randomProject(40, 5).db;
    db.prepare("UPDATE documents SET status = 'needs_ocr' WHERE id % 4 = 0").run();
    const figures = figuresRecomputed(db);
    const withLabel = db
      .prepare("SELECT DISTINCT document_id AS id FROM spans WHERE label = 'EMAIL' AND status <> 'rejected' ORDER BY 1")
      .all()
      .map((r) => (r as { id: number }).id);
    const byLabel = documentTable.list(db, { label: 'EMAIL', sort: 'importedAt', descending: false, offset: 0, limit: 1000 });
    expect(byLabel.rows.map((r) => r.id)).toEqual(withLabel);
    expect(byLabel.total).toBe(withLabel.length);
    const unsure = figures.filter((f) => f.min_confidence !== null && f.min_confidence <= 0.3).map((f) => f.document_id);
    expect(walk({ maxConfidence: 0.3, sort: 'importedAt', descending: false }, 3)).toEqual(unsure);
    const needsOcr = documentTable.list(db, { status: 'needs_ocr', label: 'EMAIL', sort: 'name', descending: false, offset: 0, limit: 1000 });
    expect(needsOcr.total).toBe(withLabel.filter((id) => id % 4 === 0).length);
    expect(documentTable.list(db, { status: 'imported', sort: 'name', descending: true, offset: 0, limit: 5 }).total).toBe(30);
    expect(documentTable.list(db, { search: 'a-3', sort: 'name', descending: false, offset: 0, limit: 10 }).rows.map((r) => r.name)).toContain('a-3.txt');
    expect(documentTable.list(db, { sort: 'name', descending: false, offset: 0, limit: 1 }).total).toBe(40);
  });

  it('refuses a cursor it did not make, saying what to do', () => {
    db = randomProject(3, 1).db;
    for (const after of ['not json', '[1]', '[{"a":1}, 2]', '["x", 1.5]', '[null, 1]']) {
      expect(() => documentTable.list(db, { sort: 'name', descending: false, offset: 0, limit: 5, after })).toThrow(/load the table again/);
    }
    // Only a figure has NULLs to be among; an id is still whole.
    expect(() => documentTable.list(db, { sort: 'spanCount', descending: false, offset: 0, limit: 5, after: '[null, 1]' })).toThrow(/load the table again/);
    expect(() => documentTable.list(db, { sort: 'topScore', descending: false, offset: 0, limit: 5, after: '[null, 1.5]' })).toThrow(/load the table again/);
    const noTopScore = db.prepare('SELECT document_id FROM document_figures WHERE top_score IS NULL ORDER BY 1').pluck().all();
    expect(noTopScore.length).toBeGreaterThan(0);
    expect(documentTable.list(db, { sort: 'topScore', descending: false, offset: 0, limit: 5, after: '[null, 0]' }).rows.map((r) => r.id)).toEqual(noTopScore);
  });

  it('reads each unfiltered order from its index, from the cursor by one seek, without sorting the project', () => {
    db = randomProject(5, 2).db;
    expect(figureIndexes(db)).toEqual(['document_figures_min', 'document_figures_spans', 'document_figures_top']);
    const plan = (sql: string, params: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
    const index = {
      name: 'documents_name',
      importedAt: null,
      minConfidence: 'document_figures_min',
      spanCount: 'document_figures_spans',
      topScore: 'document_figures_top',
    };
    for (const sort of sorts) {
      const nullable = sort === 'minConfidence' || sort === 'topScore';
      for (const descending of [false, true]) {
        // A jump counts along the index alone, or along the small figures table (import order)...
        const jump = documentTable.jumpQuery({ sort, descending });
        expect(plan(jump, [5]).join('; '), `jump ${sort} ${descending}`).toMatch(
          index[sort] ? new RegExp(`^SCAN [df] USING (COVERING )?INDEX ${index[sort]}$`) : /^SCAN f$/,
        );
        // ... and reads no table row: SQLite does not call the index of the VIRTUAL min_confidence
        // covering, yet reads the figure from it and never seeks the row.
        if (index[sort]) expect(tableReads(jump, [5]), `jump ${sort} ${descending}`).toEqual([]);
        for (const after of [undefined, JSON.stringify([sort === 'name' ? 'b' : 0.5, 3]), ...(nullable ? [JSON.stringify([null, 3])] : [])]) {
          const page = documentTable.pageQuery({ sort, descending, offset: 0, limit: 200, after })!;
          const steps = plan(page.sql, page.params);
          const what = `${sort} ${descending} after ${after}`;
          expect(steps.join('; '), what).not.toMatch(/TEMP B-TREE/);
          // Each range of the order is driven by its index, or by the rowid itself (import order):
          // from a cursor, by seeks, the rest of its key's ties and the keys past it; then a
          // figure's NULLs. A cursor among the NULLs reads their range alone.
          const drivers = steps.filter((step, i) => step !== 'MERGE (UNION ALL)' && (i === 0 || steps[i - 1] === 'LEFT' || steps[i - 1] === 'RIGHT'));
          expect(drivers, what).toHaveLength(after?.startsWith('[null') ? 1 : (after ? 2 : 1) + (nullable ? 1 : 0));
          for (const step of drivers) {
            expect(step, what).toMatch(
              index[sort]
                ? new RegExp(`^(SCAN|SEARCH) [df] USING (COVERING )?INDEX ${index[sort]}\\b`)
                : /^SCAN d$|^SEARCH d USING INTEGER PRIMARY KEY \(rowid[<>=]\?\)$/,
            );
            if (after) expect(step, what).toMatch(/^SEARCH /);
          }
          // A filter's matches are read first, then sorted: no walk of the index probing each row.
          const byLabel = documentTable.pageQuery({ sort, descending, offset: 0, limit: 9, after, label: 'EMAIL' })!;
          const filtered = plan(byLabel.sql, byLabel.params);
          expect(filtered, what).toContain('SCAN h');
          expect(filtered.join('; '), what).not.toMatch(/SEARCH h /);
        }
      }
    }
  });
});

/** The indexes of the documents' figures: one per sort order. */
function figureIndexes(db: Db): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'document_figures' AND sql IS NOT NULL ORDER BY name").all();
  return (rows as Array<{ name: string }>).map((r) => r.name);
}

/** The steps of a statement that read or seek a row of a table (not an index entry). */
function tableReads(sql: string, params: unknown[]): string[] {
  const program = db.prepare(`EXPLAIN ${sql}`).all(...params) as Array<{ opcode: string; p1: number; p4: unknown }>;
  const tables = new Set(program.filter((op) => op.opcode === 'OpenRead' && !String(op.p4).startsWith('k(')).map((op) => op.p1));
  const reads = /^(Column|Rowid|SeekRowid|NotExists|Rewind|Last|Next|Prev|Seek[GL][ET])$/;
  return program.filter((op) => reads.test(op.opcode) && tables.has(op.p1)).map((op) => op.opcode);
}

describe('the review queue by confidence', () => {
  it('pages through every proposal lowest score first (no score last), and reads both kinds from their indexes', () => {
    db = randomProject(30, 3).db;
    const items = [
      ...(db.prepare("SELECT 'span' AS kind, id, document_id, start, score FROM spans WHERE status = 'proposed'").all() as ReviewRow[]),
      ...(db.prepare("SELECT 'label' AS kind, id, document_id, NULL AS start, score FROM doc_labels WHERE status = 'proposed'").all() as ReviewRow[]),
    ].sort(
      (a, b) =>
        (a.score ?? 2) - (b.score ?? 2) || a.document_id - b.document_id || (a.start ?? -1) - (b.start ?? -1) || a.kind.localeCompare(b.kind) || a.id - b.id,
    );
    const seen: string[] = [];
    let after: ReviewCursor | undefined;
    do {
      const page: review.QueuePage = review.queue(db, { order: 'confidence', status: 'proposed', after, limit: 9 });
      expect(page.total).toBe(items.length);
      seen.push(...page.items.map((i) => `${i.kind}${i.id}`));
      after = page.next ?? undefined;
    } while (after);
    expect(seen).toEqual(items.map((i) => `${i.kind}${i.id}`));
    const cut = review.queue(db, { order: 'confidence', status: 'proposed', maxScore: 0.25, limit: 500 });
    expect(cut.total).toBe(items.filter((i) => i.score !== null && i.score <= 0.25).length);
    const cursor = { afterKey: 0.5, afterDocument: 3, afterStart: 4, afterId: 5, afterLabelId: 5 };
    for (const scoreCut of [false, true]) {
      for (const after of [false, true]) {
        for (const [table, statements] of Object.entries(review.confidenceArms(scoreCut, after))) {
          for (const sql of statements) {
            const params = { status: 'proposed', maxScore: 0.5, n: 10, ...(after ? cursor : {}) };
            const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((r) => r.detail).join('; ');
            expect(plan).not.toMatch(/TEMP B-TREE/);
            // From a cursor each range is entered at it, not walked from the index's start.
            const index = table === 'spans' ? 'spans_review' : 'doc_labels_review';
            expect(plan).toMatch(new RegExp(`^SEARCH \\w+ USING INDEX ${index} \\(status=\\?${after ? ' AND <expr>[=>]' : ''}`));
          }
        }
      }
    }
  });
});

interface ReviewRow {
  kind: string;
  id: number;
  document_id: number;
  start: number | null;
  score: number | null;
}

describe('a project made before the figures were kept', () => {
  it('gets them on opening, from the spans and labels it holds', () => {
    const path = tempProjectPath();
    const raw = new Database(path);
    for (const m of migrations.filter((m) => m.version <= 6)) raw.exec(m.sql);
    raw.pragma('user_version = 6');
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    const doc = raw.prepare("INSERT INTO documents (name, sha256, media_type, size_bytes, text, imported_at) VALUES (?, ?, 'text/plain', 9, 'some text', 'x')");
    const span = raw.prepare(
      "INSERT INTO spans (document_id, start, end, label, score, source, status, created_at, updated_at) VALUES (?, 0, 4, ?, ?, 'model', ?, 'x', 'x')",
    );
    for (let i = 0; i < 12; i++) {
      const id = Number(doc.run(`d${i}`, `sha${i}`).lastInsertRowid);
      for (let j = 0; j < i % 4; j++) span.run(id, LABELS[j]!, (i * 7 + j) / 100, ['proposed', 'accepted', 'rejected'][(i + j) % 3]);
      raw
        .prepare("INSERT INTO doc_labels (document_id, task, label, score, source, created_at, updated_at) VALUES (?, 't', 'POS', ?, 'model', 'x', 'x')")
        .run(id, i / 12);
    }
    raw.close();
    db = openDatabase(path);
    expect(figureIndexes(db)).toEqual(['document_figures_min', 'document_figures_spans', 'document_figures_top']);
    expect(stored(db).figures).toEqual(figuresRecomputed(db));
    expect(stored(db).tallies).toEqual(talliesRecomputed(db));
    expect(stats.summary(db).documents).toBe(12);
  });
});

describe('a bulk decision larger than one pass', () => {
  it('accepts every proposal across passes, and one undo puts each back', () => {
    const project = createProject();
    db = project.db;
    const ids = Array.from({ length: 24 }, (_, i) => addDocument(db, `big-${i}.txt`, 'x'.repeat(2500)));
    const all = ids.flatMap((documentId) =>
      Array.from({ length: 250 }, (_, j) => ({
        documentId,
        start: j * 10,
        end: j * 10 + 4,
        label: LABELS[j % 3]!,
        score: (j % 100) / 100,
        source: 'model' as const,
        sourceName: 'model:a',
        runId: null,
      })),
    );
    spans.insertMany(db, all);
    db.prepare("UPDATE spans SET status = 'rejected' WHERE id % 11 = 0").run();
    const before = db.prepare('SELECT id, status FROM spans ORDER BY id').all();
    const proposed = (before as Array<{ status: string }>).filter((s) => s.status === 'proposed').length;
    expect(proposed).toBeGreaterThan(5_000); // more than one pass of bulk-decisions.ts
    expect(bulk.decide(db, {}, 'accepted', history.newGroupId()).changed).toBe(proposed);
    expect(db.prepare("SELECT count(*) AS n FROM spans WHERE status = 'proposed'").get()).toEqual({ n: 0 });
    expectFiguresHold();
    const step = history.undo(db);
    expect(step.documentIds.sort((a, b) => a - b)).toEqual(ids);
    expect(step.documentId).toBe(ids[0]);
    expect(db.prepare('SELECT id, status FROM spans ORDER BY id').all()).toEqual(before);
    expectFiguresHold();
  });
});
