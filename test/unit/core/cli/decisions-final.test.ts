// An analyst's decision is final: the scripted sequence of issue 12 through the real CLI entry
// (import, pattern and NER runs, bulk accept and reject, the detectors again, bulk accept again)
// and the spans in the project file after each step.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docket } from './in-process-cli.ts';
import { openDatabase } from '../../../../src-main/core/store/database.ts';
import { ensureTestModels, modelDir } from '../../../fixtures/models/index.ts';

interface Row {
  id: number;
  document_id: number;
  start: number;
  end: number;
  label: string;
  status: string;
}

const root = mkdtempSync(join(tmpdir(), 'docket-decisions-'));
const project = join(root, 'p.docket');
const spans = (): Row[] => {
  const db = openDatabase(project, { readonly: true });
  try {
    return db.prepare('SELECT id, document_id, start, end, label, status FROM spans ORDER BY id').all() as Row[];
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  await ensureTestModels();
  process.env.DOCKET_USER_DATA = join(root, 'user');
  for (let i = 0; i < 6; i++) {
    writeFileSync(
      join(root, `n${i}.txt`),
      `John Smith paid $12${i}0 to Acme Corp in Paris. Mail john${i}@example.com or call +1 415 555 26${i}1. Ref 2024-03-0${i + 1}.`,
    );
  }
  await docket('init', project);
  await docket('import', project, ...Array.from({ length: 6 }, (_, i) => join(root, `n${i}.txt`)));
});

describe('a decision is final', () => {
  it('re-running the detectors proposes no decided span again, and a later bulk accept cannot undo a rejection', async () => {
    const ner = modelDir('ner-wordpiece-cased');
    expect((await docket('detect', project, '--patterns', '--ner', ner, '--aggregation', 'first')).code).toBe(0);
    expect((await docket('review', project, '--accept-all', '--label', 'EMAIL')).code).toBe(0);
    expect((await docket('review', project, '--accept-all', '--label', 'PERSON')).code).toBe(0);
    expect((await docket('review', project, '--reject-below', '1', '--label', 'ORG')).code).toBe(0);
    expect((await docket('review', project, '--reject-below', '1', '--label', 'PHONE')).code).toBe(0);
    const decided = spans().filter((s) => s.status !== 'proposed');
    expect(decided.filter((s) => s.status === 'accepted').length).toBeGreaterThanOrEqual(12);
    expect(decided.filter((s) => s.status === 'rejected').length).toBeGreaterThanOrEqual(12);

    const again = await docket('detect', project, '--patterns', '--ner', ner, '--aggregation', 'first', '--json');
    expect(again.code).toBe(0);
    const runs = JSON.parse(again.out) as Array<{ counts: Record<string, number> }>;
    expect(runs.reduce((n, r) => n + (r.counts.alreadyDecided ?? 0), 0)).toBe(decided.length);

    const after = spans();
    const proposed = after.filter((s) => s.status === 'proposed');
    const key = (s: Row) => `${s.document_id}:${s.start}:${s.end}:${s.label}`;
    const decidedKeys = new Set(decided.map(key));
    expect(proposed.filter((s) => decidedKeys.has(key(s)))).toEqual([]);
    // Every decision is still there, unchanged.
    expect(after.filter((s) => s.status !== 'proposed')).toEqual(decided);

    expect((await docket('review', project, '--accept-all')).code).toBe(0);
    const rejectedBefore = decided.filter((s) => s.status === 'rejected').map((s) => s.id);
    const final = new Map(spans().map((s) => [s.id, s.status]));
    expect(rejectedBefore.filter((id) => final.get(id) !== 'rejected')).toEqual([]);
    expect(spans().filter((s) => s.status === 'accepted' && decidedKeys.has(key(s)) && decided.find((d) => key(d) === key(s))!.status === 'rejected')).toEqual(
      [],
    );

    // Proposing decided spans again is an explicit choice: then the rejected emails and phones come back as questions.
    expect((await docket('detect', project, '--patterns', '--propose-decided')).code).toBe(0);
    const reproposed = spans().filter((s) => s.status === 'proposed' && decidedKeys.has(key(s)));
    expect(reproposed.map((s) => s.label)).toEqual(expect.arrayContaining(['PHONE', 'EMAIL']));
  }, 120_000);
});
