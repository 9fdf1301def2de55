// A killed run resumes: `docket detect --ner` is killed (SIGKILL) at three moments, the same
// command then resumes the run, and the stored results equal those of a clean, uninterrupted run.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureTestModels, modelDir } from '../../../fixtures/models/index.ts';
import { cli, docket } from './run-cli.ts';

const root = mkdtempSync(join(tmpdir(), 'docket-resume-'));
const killed = join(root, 'killed.docket');
const clean = join(root, 'clean.docket');
const DOCS = 60;

function read<T>(path: string, sql: string): T[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const spans = (path: string) =>
  read<{ k: string }>(path, "SELECT document_id || ':' || start || ':' || end || ':' || label || ':' || round(score, 4) AS k FROM spans ORDER BY k").map(
    (r) => r.k,
  );

/** Starts the command and kills it once the run has stored at least `docs` documents. */
async function killAfter(docs: number): Promise<number> {
  const child = spawn(process.execPath, [docket, 'detect', killed, '--ner', modelDir('ner-wordpiece-cased')], { stdio: 'ignore' });
  let done = 0;
  for (let i = 0; i < 6000; i++) {
    done = read<{ n: number | null }>(killed, "SELECT max(docs_done) AS n FROM runs WHERE task = 'ner'")[0]?.n ?? 0;
    if (done >= docs) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  return done;
}

beforeAll(async () => {
  await ensureTestModels();
  process.env.DOCKET_USER_DATA = join(root, 'user');
  const files = Array.from({ length: DOCS }, (_, i) => {
    const file = join(root, `d${i}.txt`);
    writeFileSync(file, `Report ${i}. John Smith met Maria Garcia of Acme Corp in Paris and Berlin. `.repeat(20 + (i % 7) * 10));
    return file;
  });
  await cli('init', killed);
  await cli('import', killed, ...files);
  copyFileSync(killed, clean);
}, 120_000);

describe('a killed run resumes', () => {
  it("killed at three moments, the same command resumes it and ends with exactly a clean run's results", async () => {
    expect((await cli('detect', clean, '--ner', modelDir('ner-wordpiece-cased'))).code).toBe(0);
    const moments: number[] = [];
    for (const at of [1, 20, 40]) moments.push(await killAfter(at));
    expect(moments[2]).toBeLessThan(DOCS); // killed before the end each time
    const resumed = await cli('detect', killed, '--ner', modelDir('ner-wordpiece-cased'));
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`resuming run \\d+: (\\d+)/${DOCS} documents done`));
    const resumedFrom = Number(/resuming run \d+: (\d+)\//.exec(resumed.stderr)![1]);
    expect(resumedFrom).toBeGreaterThanOrEqual(moments[2]!);
    const runs = read<{ status: string; docs_done: number }>(killed, "SELECT status, docs_done FROM runs WHERE task = 'ner'");
    expect(runs).toEqual([{ status: 'completed', docs_done: DOCS }]); // one run, resumed, never restarted
    expect(spans(killed)).toEqual(spans(clean));
    // --restart starts a new run rather than resuming (here: nothing to resume, a fresh run).
    const restarted = await cli('detect', killed, '--ner', modelDir('ner-wordpiece-cased'), '--restart');
    expect(restarted.stderr).not.toMatch(/resuming/);
    expect(read<{ n: number }>(killed, "SELECT count(*) AS n FROM runs WHERE task = 'ner'")[0]!.n).toBe(2);
  }, 300_000);
});
