// A statement prepared per document holds native memory V8 does not see: reading each document
// of a 200,000-row project through uncached statements grew an export to 4.6 GB. Reading
// documents the way exports and runs do must prepare each statement once, not once per document.
import { describe, expect, it } from 'vitest';
import { storeReader } from '../../../../src-main/core/export/store-reader.ts';
import * as docLabels from '../../../../src-main/core/store/queries/doc-labels.ts';
import * as spans from '../../../../src-main/core/store/queries/spans.ts';
import { projectWith, propose, proposeLabel } from './project-fixture.ts';

describe('statements run per document', () => {
  it('are prepared once for the first documents, and never again for the next ones', () => {
    const { db, ids } = projectWith(Array.from({ length: 40 }, (_, i) => `Mail ana${i}@example.com today.`));
    for (const id of ids) {
      propose(db, id, '@example.com', 'EMAIL', 0.9);
      proposeLabel(db, id, 'sentiment', 'POS', 0.8, 'model:s');
    }
    let prepares = 0;
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => (prepares++, prepare(sql))) as typeof db.prepare;
    const reader = storeReader(db);
    const read = (some: number[]) => {
      for (const id of some) {
        const doc = reader.document(id);
        expect(doc.spans).toHaveLength(1);
        docLabels.replaceProposals(db, id, 'sentiment', 'model:s', [
          { documentId: id, task: 'sentiment', label: 'NEG', score: 0.7, source: 'model', sourceName: 'model:s', runId: null },
        ]);
        spans.replacePatternProposals(db, id, []);
      }
    };
    read(ids.slice(0, 20));
    const first = prepares;
    read(ids.slice(20));
    expect(prepares).toBe(first);
    db.close();
  });
});
