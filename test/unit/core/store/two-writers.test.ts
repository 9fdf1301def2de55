// Two real processes writing one project file at once: an import and a pattern run, then two
// imports and a stream of span edits. Every write waits for the lock instead of failing.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/core/store/database.ts';
import * as spanEdits from '../../../../src-main/core/store/queries/span-edits.ts';
import { docket } from '../cli/run-cli.ts';

function run(...args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [docket, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

function folder(root: string, name: string, files: number): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (let i = 0; i < files; i++)
    writeFileSync(
      join(dir, `${name}-${i}.txt`),
      `Note ${name} ${i}: write to person${i}@${name}.example or call 415-555-${String(1000 + (i % 9000)).padStart(4, '0')}.`,
    );
  return dir;
}

describe('several writers, no lost write', () => {
  it('an import of 2,000 files and a pattern run at once, then two imports at once: all exit 0, nothing lost', async () => {
    const root = mkdtempSync(join(tmpdir(), 'docket-writers-'));
    const project = join(root, 'p.docket');
    expect((await run('init', project)).code).toBe(0);
    expect((await run('import', project, folder(root, 'seed', 300))).code).toBe(0);
    const [imported, detected] = await Promise.all([run('import', project, folder(root, 'a', 2000)), run('detect', project, '--patterns')]);
    expect(imported.stderr).not.toMatch(/locked|busy/i);
    expect(detected.stderr).not.toMatch(/locked|busy/i);
    expect([imported.code, detected.code]).toEqual([0, 0]);
    const [b, c] = await Promise.all([run('import', project, folder(root, 'b', 600)), run('import', project, folder(root, 'c', 600))]);
    expect([b.code, c.code]).toEqual([0, 0]);
    const db = openDatabase(project, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(3500);
    expect((db.prepare("SELECT status FROM runs WHERE task = 'patterns'").get() as { status: string }).status).toBe('completed');
    db.close();
  }, 300_000);

  it('span edits from this process succeed while another process runs the detectors', async () => {
    const root = mkdtempSync(join(tmpdir(), 'docket-writers-'));
    const project = join(root, 'p.docket');
    await run('init', project);
    await run('import', project, folder(root, 'n', 1500));
    const db = openDatabase(project);
    const detecting = run('detect', project, '--patterns');
    let edits = 0;
    let failures = 0;
    let finished = false;
    void detecting.then(() => (finished = true));
    for (let i = 0; !finished || edits < 200; i++) {
      try {
        spanEdits.create(db, { documentId: 1 + (i % 1500), start: 0, end: 4, label: 'NOTE' }, `g${i}`);
        edits++;
      } catch {
        failures++;
      }
      await new Promise((r) => setImmediate(r));
    }
    expect((await detecting).code).toBe(0);
    expect(failures).toBe(0);
    expect((db.prepare("SELECT count(*) AS n FROM spans WHERE label = 'NOTE'").get() as { n: number }).n).toBe(edits);
    db.close();
  }, 300_000);
});
