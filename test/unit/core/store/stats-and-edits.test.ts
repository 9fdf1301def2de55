import { describe, expect, it } from 'vitest';
import * as history from '../../../../src-main/core/store/queries/history.ts';
import * as labels from '../../../../src-main/core/store/queries/labels.ts';
import * as spanEdits from '../../../../src-main/core/store/queries/span-edits.ts';
import * as spans from '../../../../src-main/core/store/queries/spans.ts';
import { summary } from '../../../../src-main/core/store/queries/stats.ts';
import { addDocument, createProject, propose, proposeLabel } from './project-fixture.ts';

describe('stats', () => {
  it('counts documents, decisions by status per kind, and a 10-bin histogram per label', () => {
    const { db } = createProject();
    const d = addDocument(db, 'd.txt', 'a b c d e f g h');
    addDocument(db, 'e.txt', 'empty');
    const scores: Array<[string, string, number]> = [
      ['a', 'PERSON', 0.05],
      ['b', 'PERSON', 0.15],
      ['c', 'PERSON', 0.95],
      ['d', 'PERSON', 1.0],
      ['e', 'ORG', 0.5],
      ['f', 'ORG', 0.55],
      ['g', 'ORG', 0.33],
    ];
    for (const [w, label, score] of scores) propose(db, d, w, label, score);
    const all = spans.forDocument(db, d);
    spans.update(db, all[0]!.id, { status: 'accepted' }, 'human', null);
    spans.update(db, all[6]!.id, { status: 'rejected' }, 'human', null); // g, ORG 0.33: not counted per label
    spanEdits.create(db, { documentId: d, start: 14, end: 15, label: 'PERSON' }, history.newGroupId()); // human, no score
    proposeLabel(db, d, 'sentiment', 'POSITIVE', 0.72, 'model:sentiment');
    const stats = summary(db);
    expect(stats.documents).toBe(2);
    expect(stats.byStatus).toEqual({
      proposed: 6,
      accepted: 2,
      rejected: 1,
      'span.proposed': 5,
      'span.accepted': 2,
      'span.rejected': 1,
      'label.proposed': 1,
      'label.accepted': 0,
      'label.rejected': 0,
    });
    const person = stats.labels.find((l) => l.label === 'PERSON' && l.kind === 'span')!;
    expect(person.count).toBe(5);
    expect(person.histogram).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 2]);
    const org = stats.labels.find((l) => l.label === 'ORG')!;
    expect(org).toMatchObject({ count: 2, histogram: [0, 0, 0, 0, 0, 2, 0, 0, 0, 0] });
    expect(stats.labels.find((l) => l.kind === 'label')).toEqual({ label: 'POSITIVE', kind: 'label', count: 1, histogram: [0, 0, 0, 0, 0, 0, 0, 1, 0, 0] });
    db.close();
  });
});

describe('span edits', () => {
  it('validates offsets against the document', () => {
    const { db } = createProject();
    const d = addDocument(db, 'd.txt', 'Hi 😀 there');
    const group = () => history.newGroupId();
    expect(() => spanEdits.create(db, { documentId: d, start: 3, end: 30, label: 'MISC' }, group())).toThrow(
      /runs past the end of document \d+ \(11 characters\)/,
    );
    expect(() => spanEdits.create(db, { documentId: d, start: 5, end: 5, label: 'MISC' }, group())).toThrow(/0 <= start < end/);
    expect(() => spanEdits.create(db, { documentId: d, start: 3, end: 4, label: 'MISC' }, group())).toThrow(/surrogate pair/);
    expect(() => spanEdits.create(db, { documentId: 99, start: 0, end: 1, label: 'MISC' }, group())).toThrow(/Document 99 does not exist/);
    const emoji = spanEdits.create(db, { documentId: d, start: 3, end: 5, label: 'EMOJI' }, group());
    expect(emoji).toMatchObject({ label: 'EMOJI', source: 'human', status: 'accepted', score: null });
    expect(labels.findByName(db, 'EMOJI')).toBeDefined(); // created on the fly
    expect(() => spanEdits.update(db, emoji.id, { end: 12 }, group())).toThrow(/past the end/);
    expect(() => spanEdits.update(db, 12345, { end: 2 }, group())).toThrow(/Span 12345 does not exist/);
    db.close();
  });

  it('moves edges, refuses bad merges and splits', () => {
    const { db } = createProject();
    const d = addDocument(db, 'd.txt', 'John Smith and Jane');
    const e = addDocument(db, 'e.txt', 'Other');
    const g = () => history.newGroupId();
    const s = spanEdits.create(db, { documentId: d, start: 0, end: 4, label: 'PERSON' }, g());
    expect(spanEdits.update(db, s.id, { end: 10 }, g())).toMatchObject({ start: 0, end: 10 });
    const other = spanEdits.create(db, { documentId: e, start: 0, end: 5, label: 'ORG' }, g());
    expect(() => spanEdits.merge(db, [s.id, other.id], g())).toThrow(/same document/);
    expect(() => spanEdits.merge(db, [s.id, s.id], g())).toThrow(/twice/);
    expect(() => spanEdits.split(db, s.id, 0, g())).toThrow(/must fall inside/);
    expect(() => spanEdits.split(db, s.id, 1, g())).not.toThrow();
    const [left] = spans.forDocument(db, d);
    expect(left).toMatchObject({ start: 0, end: 1 });
    // Nothing failed half-way: the failed edits left no audit groups behind.
    expect(history.stacks(db).undo).toHaveLength(4); // create, move, create, split
    db.close();
  });
});
