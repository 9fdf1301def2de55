// The redacted CSV export streams: rows go to their file as they come and each file is checked by
// reading it back from disk in chunks. These pin what must not change with that: a redacted string
// of one row anywhere in the file fails it, rows keep source order, names are blanked against every
// redacted string of documents.csv, and the residual scan row by row says what a whole-file scan says.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRow } from '../../../../src-main/core/export/csv-writer.ts';
import { REPORT_JSON, REPORT_TEXT, runExport } from '../../../../src-main/core/export/export-job.ts';
import type { ProjectReader } from '../../../../src-main/core/export/project-reader.ts';
import { residualContextFor, scanTextResidue } from '../../../../src-main/core/export/residual-scan.ts';
import { ResidualSources } from '../../../../src-main/core/export/residual-sources.ts';
import type { AuditRow } from '../../../../src-main/core/store/queries/audit.ts';
import { fixtureReader, span, type FixtureDocument } from './fixture-reader.ts';

const out = () => mkdtempSync(join(tmpdir(), 'docket-csv-stream-'));
const job = () => ({ signal: new AbortController().signal, report: () => {} });
const EMAIL = 'jane.doe@example.org';
const FILLER = ' The printer on the third floor jams again and the toner light keeps blinking, please send someone over.'.repeat(4);

function row(id: number, source: string, rowNumber: number, text: string, spans: FixtureDocument['spans'] = []): FixtureDocument {
  return {
    id,
    name: `${source}#${rowNumber}`,
    mediaType: 'text/csv',
    sourcePath: `/in/${source}`,
    text,
    metadata: {
      csv: { header: ['id', 'note', 'city'], textColumn: 'note', rowNumber, row: { id: `r${rowNumber}`, city: rowNumber % 2 ? 'Oslo' : 'Bergen, NO' } },
    },
    spans,
  };
}

/** A few thousand rows (about 1.8 MB of CSV: read back in several chunks); row 5 has EMAIL redacted. */
function tickets(count: number, extra: (i: number) => FixtureDocument | null = () => null): FixtureDocument[] {
  return Array.from({ length: count }, (_, n) => {
    const i = n + 1;
    if (i === 5) {
      const text = `Ticket five: write to ${EMAIL} about it.${FILLER}`;
      return row(i, 'tickets.csv', i, text, [span(i, 1, text.indexOf(EMAIL), text.indexOf(EMAIL) + EMAIL.length, 'EMAIL')]);
    }
    return extra(i) ?? row(i, 'tickets.csv', i, `Ticket number ${i}.${FILLER}`);
  });
}

describe('redacted CSV export, streamed', () => {
  it('writes a few thousand rows, checked, and passes', async () => {
    const dir = out();
    const report = await runExport(fixtureReader(tickets(4000)), { format: 'csv', outDir: dir }, job());
    expect(report.ok).toBe(true);
    const content = readFileSync(join(dir, '1-tickets.csv'), 'utf8');
    expect(content.length).toBeGreaterThan(1.5 * 1024 * 1024);
    expect(content.split('\r\n')).toHaveLength(4002); // header, 4000 rows, the empty rest
    expect(content).not.toContain(EMAIL);
    expect(report.files[0]!.checks.map((c) => [c.name, c.passed])).toEqual([
      ['text', true],
      ['residual-scan', true],
    ]);
  });

  it("fails the file when a row far later shows row 5's redacted email (its own span there was rejected)", async () => {
    const dir = out();
    const leaky = (i: number) => {
      if (i !== 3700) return null;
      const text = `Forwarded from ${EMAIL} again.${FILLER}`;
      return row(i, 'tickets.csv', i, text, [span(i, 2, text.indexOf(EMAIL), text.indexOf(EMAIL) + EMAIL.length, 'EMAIL', { status: 'rejected' })]);
    };
    const report = await runExport(fixtureReader(tickets(4000, leaky)), { format: 'csv', outDir: dir }, job());
    expect(report.ok).toBe(false);
    expect(report.files[0]!.checks.map((c) => [c.name, c.passed])).toEqual([
      ['text', false],
      ['residual-scan', true], // the analyst rejected that value: not residue, but still a redacted string
    ]);
    expect(report.failures).toEqual([
      expect.objectContaining({ file: join(dir, '1-tickets.csv'), reason: expect.stringMatching(/^redacted EMAIL #\w+ \(span 1\) still present/) }),
    ]);
    expect(readdirSync(dir).sort()).toEqual([REPORT_JSON, REPORT_TEXT]); // not written, no temp file left
  });

  it('stops midway when cancelled and leaves no file, not even a temporary one', async () => {
    const dir = out();
    const controller = new AbortController();
    const report = (u: { done: number }) => {
      if (u.done === 1500) setImmediate(() => controller.abort());
    };
    const docs = [...tickets(3000), ...Array.from({ length: 500 }, (_, i) => row(5000 + i, 'other.csv', i + 1, `Other ${i}.`))];
    await expect(runExport(fixtureReader(docs), { format: 'csv', outDir: dir }, { signal: controller.signal, report })).rejects.toThrow(/cancelled/);
    expect(readdirSync(dir).sort()).toEqual([REPORT_JSON, REPORT_TEXT]);
  });

  it('keeps source order per file when rows of two sources come interleaved and out of order', async () => {
    const dir = out();
    const a = (n: number) => row(100 + n, 'a.csv', n, n === 3 ? 'Bob Stone says "hi, there"' : `Row ${n} of a`, n === 3 ? [span(100 + n, 9, 0, 9, 'PER')] : []);
    const b = (n: number) => row(200 + n, 'b.csv', n, `Row ${n}\nof b`);
    const docs = [a(6), b(1), a(5), b(3), a(4), b(2), a(3), a(2), b(4), a(1)];
    const report = await runExport(fixtureReader(docs), { format: 'csv', outDir: dir, replacement: { PER: 'label' } }, job());
    expect(report.ok).toBe(true);
    const expected = (rows: FixtureDocument[], text: (d: FixtureDocument) => string) =>
      csvRow(['id', 'note', 'city']) +
      rows.map((d) => csvRow([(d.metadata.csv as { row: { id: string } }).row.id, text(d), (d.metadata.csv as { row: { city: string } }).row.city])).join('');
    expect(readFileSync(join(dir, '106-a.csv'), 'utf8')).toBe(expected([1, 2, 3, 4, 5, 6].map(a), (d) => (d.id === 103 ? '[PER] says "hi, there"' : d.text)));
    expect(readFileSync(join(dir, '201-b.csv'), 'utf8')).toBe(expected([1, 2, 3, 4].map(b), (d) => d.text));
    expect(report.files.map((f) => f.file)).toEqual(['106-a.csv', '201-b.csv']);
  });

  it('blanks a document name in documents.csv that holds a string only a later document redacts', async () => {
    const dir = out();
    const plain = (id: number, name: string, text: string, spans: FixtureDocument['spans'] = []): FixtureDocument => ({
      id,
      name,
      mediaType: 'text/plain',
      sourcePath: null,
      text,
      metadata: {},
      spans,
    });
    const docs = [
      plain(1, 'Notes on Robert Brown.txt', 'Nothing personal in here.'),
      plain(2, 'Minutes.txt', 'Quiet meeting.'),
      ...Array.from({ length: 3000 }, (_, i) => plain(3 + i, `memo-${i}.txt`, `Memo ${i}.${FILLER}`)),
      plain(4000, 'Call log.txt', 'Robert Brown called.', [span(4000, 1, 0, 12, 'PER')]),
    ];
    const report = await runExport(fixtureReader(docs), { format: 'csv', outDir: dir }, job());
    expect(report.ok).toBe(true);
    const lines = readFileSync(join(dir, 'documents.csv'), 'utf8').split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['id,name,text', '1,,Nothing personal in here.', '2,Minutes.txt,Quiet meeting.']);
    expect(lines.at(-2)).toBe('4000,Call log.txt,████████████ called.');
  });

  it('runs the residual scan row by row with the findings, ids and words of a scan of the whole file', async () => {
    const dir = out();
    const unredacted = (i: number) => (i === 10 || i === 2500 ? row(i, 'tickets.csv', i, `Reach me at ann.lee${i}@example.com please.${FILLER}`) : null);
    const docs = tickets(3000, unredacted);
    const audit: AuditRow[] = [];
    const reader: ProjectReader = fixtureReader(docs, audit);
    const report = await runExport(reader, { format: 'csv', outDir: dir, acceptResidual: ['EMAIL'] }, job());
    expect(report.ok).toBe(true);
    // The same scan over the whole written file at once, with the context made from every row at once.
    const content = readFileSync(join(dir, '1-tickets.csv'), 'utf8');
    const whole = scanTextResidue(content, residualContextFor(docs, reader.residualRules(), new Set(['EMAIL'])));
    expect(whole.findings).toHaveLength(2);
    expect(report.files[0]!.checks[1]).toEqual(whole.check);
    const recorded = audit.find((a) => a.action === 'export.residual_accepted')!.after as { findings: Array<{ id: string }> };
    expect(recorded.findings.map((f) => f.id)).toEqual(whole.findings.map((f) => f.id));
  });

  it('gathers the residual context one document at a time as residualContextFor makes it from all', () => {
    const docs = tickets(50).map((d, i) => (i % 7 ? d : { ...d, spans: [span(d.id, 90 + i, 0, 6, 'X', { status: 'rejected' })] }));
    const sources = new ResidualSources();
    for (const d of docs) sources.add(d);
    const rules = { rules: [], phoneRegions: ['US' as const] };
    expect(sources.context(rules, new Set(['a']))).toEqual(residualContextFor(docs, rules, new Set(['a'])));
  });
});
