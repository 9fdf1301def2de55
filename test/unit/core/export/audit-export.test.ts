// The audit log export has no documents: it reports progress by entries, gives the event loop a
// turn every few thousand, and stops (leaving no file) when cancelled midway.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_JSON, REPORT_TEXT, runExport } from '../../../../src-main/core/export/export-job.ts';
import type { ProgressUpdate } from '../../../../src-main/core/jobs/jobs.ts';
import type { AuditRow } from '../../../../src-main/core/store/queries/audit.ts';
import { fixtureReader } from './fixture-reader.ts';

const ENTRIES = 10_000;
const out = () => mkdtempSync(join(tmpdir(), 'docket-audit-'));

/** A project whose audit log is read lazily, counting how many entries the export pulled. */
function auditProject() {
  const pulled = { count: 0, closed: false };
  const reader = fixtureReader([]);
  reader.auditRows = function* (): Generator<AuditRow> {
    try {
      for (let id = 1; id <= ENTRIES; id++) {
        pulled.count++;
        yield {
          id,
          at: '2024-05-01T10:00:00.000Z',
          actor: 'human',
          action: 'span.accept',
          entity: 'span',
          entityId: id,
          groupId: null,
          before: null,
          after: { status: 'accepted' },
        };
      }
    } finally {
      pulled.closed = true;
    }
  };
  return { reader, pulled };
}

describe('audit export', () => {
  it('writes every entry and reports progress in entries along the way', async () => {
    const dir = out();
    const { reader } = auditProject();
    const updates: ProgressUpdate[] = [];
    const report = await runExport(reader, { format: 'audit', outDir: dir }, { signal: new AbortController().signal, report: (u) => updates.push(u) });
    expect(report.ok).toBe(true);
    const lines = readFileSync(join(dir, 'audit.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(ENTRIES);
    expect(JSON.parse(lines[ENTRIES - 1]!)).toMatchObject({ id: ENTRIES, action: 'span.accept' });
    const entries = updates.filter((u) => u.unit === 'audit entries').map((u) => u.done);
    expect(entries.length).toBeGreaterThanOrEqual(5);
    expect(entries.at(-1)).toBe(ENTRIES);
    expect(entries).toEqual([...entries].sort((a, b) => a - b));
  });

  it('stops midway when cancelled: the rest is not read, no file is left, the report says cancelled', async () => {
    const dir = out();
    const { reader, pulled } = auditProject();
    const controller = new AbortController();
    // Cancelled from outside the loop, as a cancel message arrives: on a later turn of the event loop.
    const report = (u: ProgressUpdate) => {
      if (u.unit === 'audit entries' && u.done >= 4000) setImmediate(() => controller.abort());
    };
    await expect(runExport(reader, { format: 'audit', outDir: dir }, { signal: controller.signal, report })).rejects.toThrow(/cancelled/);
    expect(pulled.count).toBeLessThan(ENTRIES);
    expect(pulled.closed).toBe(true); // the rows' iterator (a query, in a project) was closed
    expect(readdirSync(dir).sort()).toEqual([REPORT_JSON, REPORT_TEXT]);
    expect(JSON.parse(readFileSync(join(dir, REPORT_JSON), 'utf8'))).toMatchObject({ status: 'cancelled', ok: false, files: [] });
  });
});
