import { describe, expect, it } from 'vitest';
import { runPatterns } from '../../../../src-main/core/detect/run-patterns.ts';
import * as patternRules from '../../../../src-main/core/store/queries/pattern-rules.ts';
import * as spans from '../../../../src-main/core/store/queries/spans.ts';
import { addDocument, createProject } from '../store/project-fixture.ts';

const job = () => ({ signal: new AbortController().signal, report: () => {} });

describe('a pattern run', () => {
  it('disables a custom rule that runs over its time budget, with a message, and completes every other detector', async () => {
    const { db } = createProject();
    // (x|xx)*y passes the save-time probes but backtracks exponentially on a long run of x without y.
    patternRules.save(db, { kind: 'regex', label: 'XY', pattern: '(x|xx)*y', flags: '', enabled: true });
    const slow = addDocument(db, 'slow.txt', `${'x'.repeat(60)}z — write to first@example.com`);
    const fine = addDocument(db, 'fine.txt', 'Call second@example.com about xxy.');
    const run = await runPatterns(db, job());
    expect(run.status).toBe('completed');
    expect(run.counts.rulesDisabled).toBe(1);
    expect(run.error).toMatch(/Pattern rule "XY" \/\(x\|xx\)\*y\/ took longer than \d+ ms on one document .*skipped for the rest of this run/);
    const labels = (id: number) => spans.forDocument(db, id).map((s) => s.label).sort();
    expect(labels(slow)).toEqual(['EMAIL']);
    expect(labels(fine)).toEqual(['EMAIL']); // the rule stays off after it timed out, even where it would be quick
  }, 60_000);
});
