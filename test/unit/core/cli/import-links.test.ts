import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';

describe('docket import and symbolic links', () => {
  it('reports and skips a link out of the folder, and follows it with --follow-links', async () => {
    const root = mkdtempSync(join(tmpdir(), 'docket-links-'));
    const inbox = join(root, 'inbox');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'note.txt'), 'A note in the folder.');
    writeFileSync(join(root, 'elsewhere.txt'), 'A note outside the folder.');
    symlinkSync(join(root, 'elsewhere.txt'), join(inbox, 'link.txt'));
    symlinkSync(inbox, join(inbox, 'loop'));
    const project = join(root, 'p.docket');
    await cli('init', project);
    const skipped = await cli('import', project, inbox, '--json');
    const report = JSON.parse(skipped.stdout) as { imported: number; failed: Array<{ path: string; reason: string }>; warnings: Array<{ message: string }> };
    expect(report.imported).toBe(1);
    expect(report.failed.map((f) => f.path)).toEqual([join(inbox, 'link.txt')]);
    expect(skipped.code).toBe(2);
    const followed = JSON.parse((await cli('import', project, inbox, '--follow-links', '--json')).stdout) as { imported: number; duplicates: number };
    expect(followed.imported).toBe(1); // the file behind the link; the note is a duplicate now
    expect(followed.duplicates).toBe(1);
  }, 60_000);
});
