import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../src-main/core/store/database.ts';
import { queue } from '../../../../src-main/core/store/queries/review.ts';
import * as spans from '../../../../src-main/core/store/queries/spans.ts';
import { addDocument, createProject, propose, proposeLabel } from './project-fixture.ts';

const base = { order: 'confidence' as const, status: 'proposed' as const, limit: 100 };

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
    const first = queue(db, { ...base, limit: 2 });
    expect(first.total).toBe(5);
    expect(first.items.map((i) => i.text)).toEqual(['two', 'three']);
    const second = queue(db, { ...base, after: first.next!, limit: 2 });
    expect(second.items.map((i) => i.text)).toEqual(['four', 'five']);
    const last = queue(db, { ...base, after: second.next!, limit: 2 });
    expect(last.items.map((i) => i.text)).toEqual(['six']);
    expect(last.next).toBeNull();
    db.close();
  });

  it('continues after the page the analyst decided: nothing still waiting is skipped', () => {
    const { db } = createProject();
    const d = addDocument(db, 'd.txt', 'one two three four five six');
    ['one', 'two', 'three', 'four', 'five', 'six'].forEach((w, i) => propose(db, d, w, 'MISC', (i + 1) / 10));
    const first = queue(db, { ...base, limit: 3 });
    for (const item of first.items) spans.update(db, item.id, { status: 'accepted' }, 'human', null);
    expect(queue(db, { ...base, after: first.next!, limit: 3 }).items.map((i) => i.text)).toEqual(['four', 'five', 'six']);
    db.close();
  });

  it('continues after a span with the labels of its document and score behind it, not again', () => {
    const { db } = createProject();
    const d = addDocument(db, 'd.txt', 'one two three');
    propose(db, d, 'one', 'MISC', 0.5);
    propose(db, d, 'two', 'MISC', 0.5);
    proposeLabel(db, d, 'topic', 'a', 0.5, 'model:t');
    proposeLabel(db, d, 'topic', 'b', 0.5, 'model:t');
    const all = queue(db, base).items.map((i) => `${i.kind}${i.id}`);
    expect(all).toEqual(['label1', 'label2', 'span1', 'span2']);
    for (const limit of [1, 2, 3]) expect(walk(db, 'confidence', limit)).toEqual(all);
    db.close();
  });

  it('pages by disagreement, labels and spans alike, each item once', () => {
    const { db } = createProject();
    const d = addDocument(db, 'd.txt', 'Jordan Lee flew to Jordan with Amazon staff.');
    for (const [i, source] of ['model:a', 'model:b', 'model:c'].entries()) {
      propose(db, d, 'Jordan Lee', `PERSON${i}`, 0.5, source);
      propose(db, d, 'Amazon', `ORG${i}`, 0.5 + i / 10, source);
      proposeLabel(db, d, 'topic', `topic${i}`, 0.5, source);
    }
    const all = queue(db, { ...base, order: 'disagreement' });
    expect(all.items).toHaveLength(9);
    expect(walk(db, 'disagreement', 2)).toEqual(all.items.map((i) => `${i.kind}${i.id}`));
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

/** Every item of the queue, a page of `limit` at a time, each page after the one before. */
function walk(db: Db, order: 'confidence' | 'disagreement', limit: number): string[] {
  const seen: string[] = [];
  let page = queue(db, { ...base, order, limit });
  for (let pages = 1; ; pages++) {
    seen.push(...page.items.map((i) => `${i.kind}${i.id}`));
    if (!page.next || pages > 100) return seen;
    page = queue(db, { ...base, order, after: page.next, limit });
  }
}
