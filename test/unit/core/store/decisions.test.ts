import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as spans from '../../../../src-main/core/store/queries/spans.ts';
import * as docLabels from '../../../../src-main/core/store/queries/doc-labels.ts';
import { addDocument, createProject, propose, proposeLabel } from './project-fixture.ts';

describe('re-proposals respect decisions', () => {
  it('drops found spans the analyst decided, exactly or (accepted, same label) overlapping', () => {
    const { db } = createProject();
    const d = addDocument(db, 'd.txt', 'Dr Ada Lovelace met Charles Babbage in London.');
    propose(db, d, 'Dr Ada Lovelace', 'PER', 0.9); // widened by the analyst, then accepted
    propose(db, d, 'Charles Babbage', 'PER', 0.9); // rejected
    propose(db, d, 'London', 'LOC', 0.9);
    db.prepare("UPDATE spans SET status = 'accepted' WHERE start = 0").run();
    db.prepare("UPDATE spans SET status = 'rejected' WHERE start = 20").run();
    const found = [
      { start: 3, end: 15, label: 'PER' }, // "Ada Lovelace": inside the accepted, wider span
      { start: 20, end: 35, label: 'PER' }, // rejected exactly
      { start: 20, end: 35, label: 'ORG' }, // same place, other label: a new question
      { start: 3, end: 15, label: 'MISC' }, // overlaps an accepted span of another label
      { start: 39, end: 45, label: 'LOC' }, // only proposed before: proposed again
    ];
    expect(spans.withoutDecided(db, d, found)).toEqual(found.slice(2));
  });

  it('does not propose a document label the analyst accepted or rejected for that task', () => {
    const { db } = createProject();
    const d = addDocument(db, 'd.txt', 'Quarterly results.');
    proposeLabel(db, d, 'topic', 'finance', 0.9, 'model:topic');
    proposeLabel(db, d, 'topic', 'sports', 0.2, 'model:topic');
    db.prepare("UPDATE doc_labels SET status = 'rejected' WHERE label = 'sports'").run();
    const rows = ['sports', 'finance', 'world'].map((label) => ({
      documentId: d,
      task: 'topic',
      label,
      score: 0.5,
      source: 'model' as const,
      sourceName: 'model:topic',
      runId: null,
    }));
    expect(docLabels.replaceProposals(db, d, 'topic', 'model:topic', rows)).toBe(1);
    const labels = docLabels
      .forDocument(db, d)
      .map((l) => `${l.label}:${l.status}`)
      .sort();
    expect(labels).toEqual(['finance:proposed', 'sports:rejected', 'world:proposed']);
  });
});

describe('withoutDecided against the plain definition', () => {
  it('agrees with "not decided exactly, and no accepted span of its label overlaps it" on random spans', () => {
    const { db } = createProject();
    const d = addDocument(db, 'd.txt', 'x'.repeat(400));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            start: fc.nat(380),
            len: fc.integer({ min: 1, max: 20 }),
            label: fc.constantFrom('A', 'B'),
            status: fc.constantFrom('accepted', 'rejected', 'proposed'),
          }),
          { maxLength: 30 },
        ),
        fc.array(fc.record({ start: fc.nat(380), len: fc.integer({ min: 1, max: 20 }), label: fc.constantFrom('A', 'B') }), { maxLength: 30 }),
        (existing, found) => {
          db.prepare('DELETE FROM spans').run();
          const insert = db.prepare(
            "INSERT INTO spans (document_id, start, end, label, score, source, source_name, status, created_at, updated_at) VALUES (?, ?, ?, ?, 0.5, 'model', 'm', ?, '', '')",
          );
          for (const e of existing) insert.run(d, e.start, e.start + e.len, e.label, e.status);
          const spansFound = found.map((f) => ({ start: f.start, end: f.start + f.len, label: f.label }));
          const decided = existing.filter((e) => e.status !== 'proposed');
          const expected = spansFound.filter(
            (s) =>
              !decided.some((e) => e.start === s.start && e.start + e.len === s.end && e.label === s.label) &&
              !decided.some((e) => e.status === 'accepted' && e.label === s.label && e.start < s.end && s.start < e.start + e.len),
          );
          expect(spans.withoutDecided(db, d, spansFound)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
