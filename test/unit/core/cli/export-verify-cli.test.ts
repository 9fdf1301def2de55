import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_JSON, REPORT_TEXT } from '../../../../src-main/core/export/report.ts';
import { addDocument, createProject, propose } from '../store/project-fixture.ts';
import { cli, docket } from './run-cli.ts';

const out = () => mkdtempSync(join(tmpdir(), 'docket-cli-export-'));

describe('docket export / verify', () => {
  it('fails closed on an unredacted email the residual scan finds, then exports it when the analyst accepts it by id (audited)', async () => {
    const { db, path } = createProject();
    const d = addDocument(db, 'note.txt', 'Ada Lovelace can be reached at ada@analytical.example today.');
    propose(db, d, 'Ada Lovelace', 'PERSON', 0.95, 'model:ner');
    db.prepare("UPDATE spans SET status = 'accepted' WHERE document_id = ?").run(d);
    db.close();
    const dir = out();
    const first = await cli('export', path, '--format', 'txt', '--out', dir);
    expect(first.code).toBe(2);
    const findingId = /--accept-residual ([0-9a-f]{16})/.exec(first.stderr)?.[1];
    expect(first.stderr).toMatch(/unredacted EMAIL #[0-9a-f]{16} found by the residual scan in the file as written and read back/);
    expect(first.stderr).not.toContain('ada@analytical.example');
    expect(readdirSync(dir).sort()).toEqual([REPORT_JSON, REPORT_TEXT]);

    // Into the same folder: refused without consent, then replaced with --overwrite.
    const refused = await cli('export', path, '--format', 'txt', '--out', dir, '--accept-residual', findingId!);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/docket-export-report\.json already exists; choose an empty folder, or replace the files there \(--overwrite/);
    const second = await cli('export', path, '--format', 'txt', '--out', dir, '--accept-residual', findingId!, '--overwrite');
    expect(second.code).toBe(0);
    expect(readFileSync(join(dir, `${d}-note.txt`), 'utf8')).toBe('████████████ can be reached at ada@analytical.example today.');
    const audit = out();
    expect((await cli('export', path, '--format', 'audit', '--out', audit)).code).toBe(0);
    const entries = readFileSync(join(audit, 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string; after: { findings: Array<{ id: string; label: string }> } });
    const accepted = entries.filter((e) => e.action === 'export.residual_accepted');
    expect(accepted.map((e) => e.after.findings)).toEqual([[expect.objectContaining({ id: findingId, label: 'EMAIL' })]]);

    // verify reads the acceptance from the report beside the files, and passes.
    const verified = await cli('verify', dir, '--project', path);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
  }, 120_000);

  it('verify reports what an interrupted export left: an unfinished report and a temporary file; the next export clears them', async () => {
    const { db, path } = createProject();
    const d = addDocument(db, 'plain.txt', 'Nothing personal in here at all.');
    db.close();
    const dir = out();
    expect((await cli('export', path, '--format', 'txt', '--out', dir)).code).toBe(0);
    // What a kill -9 between writing and verifying leaves, and what a kill mid-export leaves.
    writeFileSync(join(dir, `.${d}-plain.txt.0123456789ab.partial`), 'Ada Lovelace');
    const report = JSON.parse(readFileSync(join(dir, REPORT_JSON), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, REPORT_JSON), JSON.stringify({ ...report, status: 'in-progress', ok: false }));
    const verified = await cli('verify', dir, '--project', path);
    expect(verified.code).toBe(2);
    expect(verified.stderr).toMatch(/never finished/);
    expect(verified.stderr).toMatch(/temporary file left by an interrupted export: it was never verified/);
    expect((await cli('export', path, '--format', 'txt', '--out', dir, '--overwrite')).code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
    expect((await cli('verify', dir, '--project', path)).code).toBe(0);
  }, 120_000);

  it('a killed export leaves a folder that says so', async () => {
    const { db, path } = createProject();
    for (let i = 0; i < 400; i++) addDocument(db, `n${i}.txt`, `Note ${i}: the harbour committee met again. `.repeat(200));
    db.close();
    const dir = out();
    const child = spawn(process.execPath, [docket, 'export', path, '--format', 'txt', '--out', dir], { stdio: 'ignore' });
    const reportPath = join(dir, REPORT_JSON);
    // Kill it as soon as it has begun writing files.
    for (let i = 0; i < 3000 && !(existsSync(reportPath) && readdirSync(dir).some((f) => f.endsWith('.txt') && f !== REPORT_TEXT)); i++)
      await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const status = (JSON.parse(readFileSync(reportPath, 'utf8')) as { status: string }).status;
    expect(status).toBe('in-progress');
    expect(readFileSync(join(dir, REPORT_TEXT), 'utf8')).toContain('RESULT: INCOMPLETE');
    const verified = await cli('verify', dir, '--project', path);
    expect(verified.code).toBe(2);
    expect(verified.stderr).toMatch(/never finished/);
  }, 120_000);
});
