// `docket init --sample` as a user runs it, in its own process: a new project holding the
// sample batch (every kind, the known names in the text), and a clear refusal for a path that
// is taken.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRow } from '../../../../src-main/core/api/contract.ts';
import { SAMPLE_DOCUMENTS } from '../../../../src-main/core/sample/sample-batch.ts';
import { docket } from './run-cli.ts';

const root = mkdtempSync(join(tmpdir(), 'docket-init-sample-'));
const userData = join(root, 'user');

/** `docket`, with its own user-data folder (where the batch is written). */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [docket, ...args], {
      timeout: 60_000,
      env: { ...process.env, DOCKET_USER_DATA: userData },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const project = join(root, 'try.docket');
let created: { code: number; stdout: string; stderr: string };
let docs: DocumentRow[];
beforeAll(async () => {
  created = await cli('init', project, '--sample');
  docs = JSON.parse((await cli('docs', project, '--json')).stdout) as DocumentRow[];
});

describe('docket init --sample', () => {
  it('creates the project with the sample batch and says what to try next', () => {
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`Created sample project ${project}: 12 documents`);
    expect(created.stdout).toContain('nothing was downloaded');
    expect(created.stdout).toContain(join(userData, 'sample-batch'));
    for (const hint of [
      `docket detect ${project} --patterns --ner builtin/names`,
      `docket review ${project} --accept-above 0.9`,
      `docket export ${project} --format pdf --out`,
      `docket ocr ${project}`,
    ]) {
      expect(created.stdout).toContain(hint);
    }
  });

  it('holds a dozen documents of every kind', () => {
    expect(docs.map((d) => d.name)).toEqual(SAMPLE_DOCUMENTS.map((d) => d.name));
    const byName = new Map(docs.map((d) => [d.name, d]));
    expect(byName.get('complaint-letter.txt')?.mediaType).toBe('text/plain');
    expect(byName.get('office-memo.md')?.mediaType).toBe('text/markdown');
    expect(byName.get('case-notes.csv#1')?.mediaType).toBe('text/csv');
    expect(byName.get('messages.jsonl#1')?.mediaType).toBe('application/jsonl');
    expect(byName.get('tenant-review.pdf')).toMatchObject({ mediaType: 'application/pdf', pageCount: 2, status: 'imported' });
    expect(byName.get('tenancy-agreement.docx')?.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(byName.get('phone-message-scan.png')).toMatchObject({ mediaType: 'application/pdf', pageCount: 1, status: 'needs_ocr' });
  });

  it("has the known names in the documents' text", async () => {
    const textOf = async (name: string) =>
      (JSON.parse((await cli('show', project, String(docs.find((d) => d.name === name)!.id), '--json')).stdout) as { text: string }).text;
    expect(await textOf('complaint-letter.txt')).toContain("Siobhán O'Sullivan");
    expect(await textOf('case-notes.csv#1')).toContain('María José García López');
    expect(await textOf('messages.jsonl#3')).toContain('joao.pereira@example.com');
    expect(await textOf('tenant-review.pdf')).toContain('Katarzyna Nowak');
    expect(await textOf('tenancy-agreement.docx')).toContain('Kwame Mensah');
    const found = JSON.parse((await cli('docs', project, '--search', 'Watanabe', '--json')).stdout) as DocumentRow[];
    expect(found.map((d) => d.name)).toEqual(['thank-you-letter.txt']);
  });

  it('refuses a path that exists, with exit code 1, leaving the file as it was', async () => {
    const again = await cli('init', project, '--sample');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${project} already exists; --sample makes a new project, so give a name that is not taken.`);
    const notes = join(root, 'notes.docket');
    writeFileSync(notes, 'not a project');
    expect(await cli('init', notes, '--sample')).toMatchObject({ code: 1, stderr: expect.stringContaining('already exists') });
    expect(readFileSync(notes, 'utf8')).toBe('not a project');
    expect(JSON.parse((await cli('docs', project, '--json')).stdout)).toHaveLength(12);
  });

  it('refuses a folder that does not exist, and reports as JSON when asked', async () => {
    expect(await cli('init', join(root, 'missing', 'p.docket'), '--sample')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/folder .*missing does not exist/),
    });
    const json = await cli('init', join(root, 'second.docket'), '--sample', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ path: join(root, 'second.docket'), batch: join(userData, 'sample-batch'), imported: 12, failed: [] });
  });
});
