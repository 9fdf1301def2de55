import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/core/store/database.ts';
import * as bulk from '../../../../src-main/core/store/queries/bulk-decisions.ts';
import * as history from '../../../../src-main/core/store/queries/history.ts';
import * as occurrences from '../../../../src-main/core/store/queries/occurrences.ts';
import * as spanEdits from '../../../../src-main/core/store/queries/span-edits.ts';
import * as spans from '../../../../src-main/core/store/queries/spans.ts';
import { addDocument, createProject, propose, spanRows } from './project-fixture.ts';

function batch() {
  const project = createProject();
  const { db } = project;
  const a = addDocument(db, 'a.txt', 'May Chen wrote to May Chen. In May we may meet Mayor Chen.');
  const b = addDocument(db, 'b.txt', 'Letter from May Chen; cc: MAY CHEN.');
  const c = addDocument(db, 'c.txt', 'Nothing to see here.');
  return { ...project, a, b, c };
}

describe('apply to all occurrences', () => {
  it('finds exact whole-word occurrences in one document or across the batch', () => {
    const { db, a } = batch();
    expect(occurrences.count(db, 'May Chen', 'document', a)).toEqual({ occurrences: 2, documents: 1 });
    expect(occurrences.count(db, 'May Chen', 'batch', a)).toEqual({ occurrences: 3, documents: 2 });
    expect(occurrences.count(db, 'May', 'document', a)).toEqual({ occurrences: 3, documents: 1 }); // not "may", not "Mayor"
    expect(occurrences.findInText('a.b a.b.c', 'a.b')).toEqual([
      [0, 3],
      [4, 7],
    ]);
    expect(() => occurrences.count(db, 'x', 'batch', 999)).toThrow(/Document 999 does not exist/);
    db.close();
  });

  it('adds the label everywhere as one group, skipping occurrences that already have it, and undoes in one step', () => {
    const { db, a, b } = batch();
    propose(db, a, 'May Chen', 'PERSON', 0.6); // proposed: gets accepted
    propose(db, b, 'May Chen', 'ORG', 0.4); // proposed with another label: relabelled
    const already = spanEdits.create(db, { documentId: a, start: 18, end: 26, label: 'PERSON' }, history.newGroupId()); // accepted already
    const before = { a: spanRows(db, a), b: spanRows(db, b) };
    const result = occurrences.apply(db, { text: 'May Chen', scope: 'batch', documentId: a, action: 'add', label: 'PERSON' }, history.newGroupId());
    expect(result.changed).toBe(2);
    expect(spanRows(db, a).map((s) => [s.start, s.label, s.status])).toEqual([
      [0, 'PERSON', 'accepted'],
      [18, 'PERSON', 'accepted'],
    ]);
    expect(spanRows(db, b).map((s) => [s.start, s.label, s.status])).toEqual([[12, 'PERSON', 'accepted']]);
    // Applying again changes nothing.
    expect(occurrences.apply(db, { text: 'May Chen', scope: 'batch', documentId: a, action: 'add', label: 'PERSON' }, history.newGroupId()).changed).toBe(0);
    const step = history.undo(db);
    expect(step).toMatchObject({ changed: true });
    expect(step.documentIds.sort()).toEqual([a, b].sort());
    expect({ a: spanRows(db, a), b: spanRows(db, b) }).toEqual(before);
    expect(spans.get(db, already.id)).toBeDefined();
    db.close();
  });

  it('creates spans where none exist, then rejects them everywhere', () => {
    const { db, a, b } = batch();
    occurrences.apply(db, { text: 'May Chen', scope: 'batch', documentId: b, action: 'add', label: 'PERSON' }, history.newGroupId());
    expect([...spanRows(db, a), ...spanRows(db, b)].every((s) => s.source === 'human' && s.status === 'accepted')).toBe(true);
    const rejected = occurrences.apply(db, { text: 'May Chen', scope: 'document', documentId: a, action: 'reject', label: 'PERSON' }, history.newGroupId());
    expect(rejected.changed).toBe(2);
    expect(spanRows(db, a).map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(spanRows(db, b).map((s) => s.status)).toEqual(['accepted']);
    history.undo(db); // the rejection
    expect(spanRows(db, a).map((s) => s.status)).toEqual(['accepted', 'accepted']);
    history.undo(db); // the creation, in all documents at once
    expect([...spanRows(db, a), ...spanRows(db, b)]).toEqual([]);
    history.redo(db);
    expect([...spanRows(db, a), ...spanRows(db, b)]).toHaveLength(3);
    db.close();
  });
});

describe('undo and redo through the audit log', () => {
  it('undoes and redoes edits in order, and a new edit clears the redo stack', () => {
    const { db, a } = batch();
    const s = spanEdits.create(db, { documentId: a, start: 0, end: 3, label: 'PERSON' }, history.newGroupId());
    spanEdits.update(db, s.id, { end: 8 }, history.newGroupId());
    spanEdits.update(db, s.id, { label: 'ORG' }, history.newGroupId());
    expect(spanRows(db, a)).toEqual([{ start: 0, end: 8, label: 'ORG', status: 'accepted', source: 'human' }]);
    // An edit's entry holds what an edit can change as it was, and what changed; undo works from the first.
    const last = db.prepare("SELECT before, after FROM audit_log WHERE action = 'span.update' ORDER BY id DESC LIMIT 1").get() as Record<string, string>;
    expect(JSON.parse(last.before!)).toEqual({ documentId: a, start: 0, end: 8, label: 'PERSON', status: 'accepted' });
    expect(JSON.parse(last.after!)).toEqual({ label: 'ORG' });
    history.undo(db);
    expect(spanRows(db, a)[0]).toMatchObject({ end: 8, label: 'PERSON' });
    history.undo(db);
    expect(spanRows(db, a)[0]).toMatchObject({ end: 3, label: 'PERSON' });
    history.redo(db);
    expect(spanRows(db, a)[0]).toMatchObject({ end: 8, label: 'PERSON' });
    spanEdits.update(db, s.id, { status: 'rejected' }, history.newGroupId());
    expect(history.redo(db).changed).toBe(false);
    expect(history.stacks(db)).toMatchObject({ redo: [] });
    history.undo(db);
    history.undo(db);
    history.undo(db);
    expect(spanRows(db, a)).toEqual([]);
    expect(history.undo(db)).toEqual({ changed: false, documentId: null, documentIds: [] });
    db.close();
  });

  it('survives closing and re-opening the project file', () => {
    const { db, path, a } = batch();
    const s = spanEdits.create(db, { documentId: a, start: 0, end: 8, label: 'PERSON' }, history.newGroupId());
    spanEdits.update(db, s.id, { status: 'rejected' }, history.newGroupId());
    db.close();

    const second = openDatabase(path);
    expect(history.undo(second).documentId).toBe(a);
    expect(spanRows(second, a)[0]!.status).toBe('accepted');
    second.close();

    const third = openDatabase(path);
    expect(history.redo(third).changed).toBe(true);
    expect(spanRows(third, a)[0]!.status).toBe('rejected');
    history.undo(third);
    history.undo(third);
    third.close();

    const fourth = openDatabase(path);
    expect(spanRows(fourth, a)).toEqual([]);
    history.redo(fourth);
    expect(spans.forDocument(fourth, a).map((x) => x.id)).toEqual([s.id]); // restored under its own id
    fourth.close();
  });

  it('undoes a merge and a split as single steps', () => {
    const { db, a } = batch();
    const first = spanEdits.create(db, { documentId: a, start: 0, end: 3, label: 'PERSON' }, history.newGroupId());
    const second = spanEdits.create(db, { documentId: a, start: 4, end: 8, label: 'ORG' }, history.newGroupId());
    const merged = spanEdits.merge(db, [first.id, second.id], history.newGroupId());
    expect(merged).toMatchObject({ start: 0, end: 8, label: 'PERSON', source: 'human' });
    expect(spanRows(db, a)).toHaveLength(1);
    const [left, right] = spanEdits.split(db, merged.id, 4, history.newGroupId());
    expect([left.start, left.end, right.start, right.end]).toEqual([0, 3, 4, 8]); // the space at the cut is trimmed
    history.undo(db); // the split
    expect(spanRows(db, a).map((s) => [s.start, s.end])).toEqual([[0, 8]]);
    history.undo(db); // the merge
    expect(spans.forDocument(db, a).map((s) => [s.id, s.label])).toEqual([
      [first.id, 'PERSON'],
      [second.id, 'ORG'],
    ]);
    db.close();
  });

  it('bulk-accepts above a threshold as one undoable group', () => {
    const { db, a, b } = batch();
    propose(db, a, 'May Chen', 'PERSON', 0.9);
    propose(db, a, 'Mayor Chen', 'PERSON', 0.3);
    propose(db, b, 'May Chen', 'PERSON', 0.8, 'pattern:deny-list');
    expect(bulk.count(db, { minScore: 0.5 })).toEqual({ spans: 2, labels: 0, total: 2 });
    expect(bulk.count(db, { minScore: 0.5, source: 'patterns' }).total).toBe(1);
    expect(bulk.count(db, { minScore: 0.5, source: 'ner' }).total).toBe(1); // "model:ner" by its model id
    const result = bulk.decide(db, { minScore: 0.5 }, 'accepted', history.newGroupId());
    expect(result.changed).toBe(2);
    expect([...spanRows(db, a), ...spanRows(db, b)].map((s) => s.status).sort()).toEqual(['accepted', 'accepted', 'proposed']);
    history.undo(db);
    expect([...spanRows(db, a), ...spanRows(db, b)].every((s) => s.status === 'proposed')).toBe(true);
    db.close();
  });

  it('skips what a re-run removed meanwhile instead of failing', () => {
    const { db, a } = batch();
    propose(db, a, 'May Chen', 'PERSON', 0.9);
    const proposal = spans.forDocument(db, a)[0]!;
    spanEdits.update(db, proposal.id, { status: 'accepted' }, history.newGroupId());
    history.undo(db); // back to proposed
    spans.replaceProposals(db, a, 'model:ner', []); // a re-run drops that proposal
    expect(history.redo(db).changed).toBe(true);
    expect(spanRows(db, a)).toEqual([]);
    db.close();
  });
});
