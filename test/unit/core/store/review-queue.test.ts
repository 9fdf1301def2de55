import { describe, expect, it } from 'vitest';
import { queue } from '../../../../src-main/core/store/queries/review.ts';
import * as spans from '../../../../src-main/core/store/queries/spans.ts';
import { addDocument, createProject, propose, proposeLabel } from './project-fixture.ts';

const base = { order: 'confidence' as const, status: 'proposed' as const, offset: 0, limit: 100 };

describe('review queue', () => {
  it('orders spans and document labels by ascending confidence, with text and context', () => {
    const { db } = createProject();
    const a = addDocument(db, 'a.txt', 'Alice Smith met Bob Jones in Paris on Monday.');
    const b = addDocument(db, 'b.txt', 'A short memo\nabout the budget.');
    propose(db, a, 'Alice Smith', 'PERSON', 0.97);
    propose(db, a, 'Bob Jones', 'PERSON', 0.41);
    propose(db, a, 'Paris', 'LOC', 0.66);
    proposeLabel(db, b, 'sentiment', 'NEGATIVE', 0.55, 'model:sentiment');
    const { total, items } = queue(db, base);
    expect(total).toBe(4);
    expect(items.map((i) => [i.kind, i.label, i.score])).toEqual([
      ['span', 'PERSON', 0.41],
      ['label', 'NEGATIVE', 0.55],
      ['span', 'LOC', 0.66],
      ['span', 'PERSON', 0.97],
    ]);
    expect(items[0]).toMatchObject({ documentName: 'a.txt', text: 'Bob Jones', source: 'model', sourceName: 'model:ner', disagreement: null });
    expect(items[0]!.context).toContain('Alice Smith met Bob Jones in Paris');
    expect(items[1]!.text).toBe('A short memo about the budget.');
    db.close();
  });

  it('filters by threshold and status, and pages', () => {
    const { db } = createProject();
    const d = addDocument(db, 'd.txt', 'one two three four five six');
    ['one', 'two', 'three', 'four', 'five', 'six'].forEach((w, i) => propose(db, d, w, 'MISC', (i + 1) / 10));
    const firstId = spans.forDocument(db, d)[0]!.id;
    spans.update(db, firstId, { status: 'accepted' }, 'human', null);
    expect(queue(db, { ...base, maxScore: 0.45 }).items.map((i) => i.text)).toEqual(['two', 'three', 'four']);
    expect(queue(db, { ...base, status: 'accepted' }).items.map((i) => i.text)).toEqual(['one']);
    const page = queue(db, { ...base, offset: 2, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.items.map((i) => i.text)).toEqual(['four', 'five']);
    db.close();
  });

  it('orders by disagreement between sources: overlapping spans with other labels, classifiers at odds', () => {
    const { db } = createProject();
    const d = addDocument(db, 'd.txt', 'Jordan Lee flew to Jordan with Amazon staff.');
    propose(db, d, 'Jordan Lee', 'PERSON', 0.9, 'model:ner-a');
    propose(db, d, 'Jordan', 'LOC', 0.7, 'model:ner-b'); // overlaps "Jordan Lee", other source, other label
    propose(db, d, 'Jordan', 'LOC', 0.95, 'model:ner-a', 12); // the country: nobody disagrees
    propose(db, d, 'Amazon', 'ORG', 0.8, 'model:ner-a');
    propose(db, d, 'Amazon', 'ORG', 0.6, 'model:ner-b'); // same label: agreement
    proposeLabel(db, d, 'topic', 'travel', 0.8, 'model:topic-a');
    proposeLabel(db, d, 'topic', 'business', 0.2, 'model:topic-a'); // not topic-a's top label
    proposeLabel(db, d, 'topic', 'business', 0.6, 'model:topic-b');
    const { total, items } = queue(db, { ...base, order: 'disagreement' });
    expect(items.map((i) => [i.kind, i.label, i.score, i.disagreement])).toEqual([
      ['span', 'LOC', 0.7, 0.9],
      ['label', 'business', 0.6, 0.8],
      ['span', 'PERSON', 0.9, 0.7],
      ['label', 'travel', 0.8, 0.6],
    ]);
    expect(total).toBe(4);
    // The confidence order shows the same disagreement values on its items.
    const byConfidence = queue(db, base).items.find((i) => i.kind === 'span' && i.label === 'LOC' && i.score === 0.7);
    expect(byConfidence?.disagreement).toBe(0.9);
    db.close();
  });

  it('counts a human span as a fully confident dissent, and ignores rejected ones', () => {
    const { db } = createProject();
    const d = addDocument(db, 'd.txt', 'Call Morgan today.');
    propose(db, d, 'Morgan', 'ORG', 0.5, 'model:ner');
    spans.create(db, { documentId: d, start: 5, end: 11, label: 'PERSON', score: null, source: 'human', sourceName: 'human', runId: null }, 'human', null);
    expect(queue(db, { ...base, order: 'disagreement' }).items.map((i) => i.disagreement)).toEqual([1]);
    const human = spans.forDocument(db, d).find((s) => s.source === 'human')!;
    spans.update(db, human.id, { status: 'rejected' }, 'human', null);
    expect(queue(db, { ...base, order: 'disagreement' }).total).toBe(0);
    db.close();
  });
});
