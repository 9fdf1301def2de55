import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docket } from './in-process-cli.ts';
import { generatedDir } from '../../../fixtures/generate.ts';
import { generateIngestFixtures, ingestDir } from '../../../fixtures/ingest/generate.ts';

const project = join(mkdtempSync(join(tmpdir(), 'docket-cli-')), 'p.docket');
beforeAll(() => generateIngestFixtures(generatedDir));

describe('docket import / docs / show', () => {
  it('imports, exits 2 when some inputs failed, and lists the failures', async () => {
    expect((await docket('init', project)).code).toBe(0);
    const dir = ingestDir(generatedDir);
    const result = await docket('import', project, join(dir, 'memo.docx'), join(dir, 'rows.csv'), join(dir, 'empty.txt'));
    expect(result.code).toBe(2);
    expect(result.out).toMatch(/^Imported 5 document\(s\); 0 duplicate\(s\) skipped; 1 file\(s\) failed\./);
    expect(result.err).toContain('empty.txt: the file is empty');
    const again = await docket('import', project, join(dir, 'memo.docx'), '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ imported: 0, duplicates: 1, failed: [] });
  });

  it('lists documents as a table and as JSON, and shows one', async () => {
    const table = await docket('docs', project);
    expect(table.out.split('\n')[0]).toMatch(/^ID\s+NAME\s+TYPE\s+PAGES\s+STATUS\s+SPANS\s+TOP LABEL$/);
    expect(table.out).toMatch(/memo\.docx\s+DOCX/);
    const rows = JSON.parse((await docket('docs', project, '--json')).out) as Array<{ id: number; name: string }>;
    expect(rows.map((r) => r.name)).toEqual(['memo.docx', 'rows.csv#1', 'rows.csv#2', 'rows.csv#3', 'rows.csv#4']);
    const shown = JSON.parse((await docket('show', project, String(rows[1]!.id), '--json')).out) as { text: string };
    expect(shown.text).toBe('She said "hello, world"');
    const searched = JSON.parse((await docket('docs', project, '--search', 'budget', '--json')).out) as unknown[];
    expect(searched.length).toBe(1);
  });

  it('exits 1 with a clear message on bad usage', async () => {
    expect(await docket('import', project)).toMatchObject({ code: 1, err: expect.stringMatching(/Give at least one file or folder/) });
    expect(await docket('show', project, 'abc')).toMatchObject({ code: 1, err: expect.stringMatching(/positive whole number/) });
    expect(await docket('show', project, '999')).toMatchObject({ code: 1, err: expect.stringMatching(/No document 999/) });
    expect(await docket('docs', join(tmpdir(), 'missing.docket'))).toMatchObject({ code: 1, err: expect.stringMatching(/does not exist/) });
    expect((await docket('import', '--help')).out).toMatch(/--csv-column NAME/);
  });
});
