// A file is imported whole or not at all: a CSV import killed part-way leaves rows marked as an
// incomplete import, which runs and exports leave out, and importing the same file again
// completes it, with no row twice.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli, docket } from '../cli/run-cli.ts';

const ROWS = 60_000;

function count(path: string, where = '1'): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM documents WHERE ${where}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('a file is imported whole or not at all', () => {
  it('a killed CSV import is left out of runs until the same file is imported again, which completes it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'docket-whole-'));
    const project = join(root, 'p.docket');
    const csv = join(root, 'rows.csv');
    writeFileSync(
      csv,
      'id,text\n' + Array.from({ length: ROWS }, (_, i) => `r${i},"Row ${i}: write to row${i}@example.com about the shipment."`).join('\n') + '\n',
    );
    writeFileSync(join(root, 'seed.txt'), 'A seed note, imported whole.');
    await cli('init', project);
    await cli('import', project, join(root, 'seed.txt'));

    const child = spawn(process.execPath, [docket, 'import', project, csv], { stdio: 'ignore' });
    for (let i = 0; i < 6000 && count(project, "status = 'importing'") < 1000; i++) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const left = count(project, "status = 'importing'");
    expect(left).toBeGreaterThanOrEqual(1000);
    expect(left).toBeLessThan(ROWS);
    expect(count(project, "status != 'importing'")).toBe(1); // nothing of the CSV looks imported

    // Runs leave the incomplete rows out.
    const detected = JSON.parse((await cli('detect', project, '--patterns', '--json')).stdout) as Array<{ docsTotal: number }>;
    expect(detected[0]!.docsTotal).toBe(1);

    const again = await cli('import', project, csv, '--json');
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as { imported: number; duplicates: number; warnings: Array<{ message: string }> };
    expect(report.imported).toBe(ROWS);
    expect(report.duplicates).toBe(0);
    expect(report.warnings.map((w) => w.message).join(' ')).toMatch(/completed an earlier import of this file that had stopped part-way/);
    expect(count(project, "status = 'importing'")).toBe(0);
    expect(count(project)).toBe(ROWS + 1);
  }, 300_000);
});
