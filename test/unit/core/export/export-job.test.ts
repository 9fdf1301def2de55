import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPdf } from '../../../../src-main/core/ingest/pdf.ts';
import { REPORT_JSON, REPORT_TEXT, runExport } from '../../../../src-main/core/export/export-job.ts';
import { readJsonl } from '../../../../src-main/core/export/jsonl.ts';
import { makeNeedle } from '../../../../src-main/core/export/leak-match.ts';
import { failuresOf } from '../../../../src-main/core/export/verified-output.ts';
import { verifyPdf } from '../../../../src-main/core/export/verify.ts';
import type { ProjectReader } from '../../../../src-main/core/export/project-reader.ts';
import { exportFixture, secrets } from '../../../fixtures/export/generate.ts';
import { fixtureReader, label, span } from './fixture-reader.ts';
import { loadFixturePdf, spansFor } from './pdf-fixture.ts';

const job = () => ({ signal: new AbortController().signal, report: () => {} });
const out = () => mkdtempSync(join(tmpdir(), 'docket-export-'));
const NOTE = 'Jane Doe phoned Jane Doe back about ACME.\nThen Robert Brown wrote.';
const secretsAll = [secrets.person, secrets.colleague, secrets.lineBreak, secrets.pageBreak, secrets.officer, secrets.phone];

let reader: ProjectReader;
beforeAll(async () => {
  const pdf = await loadFixturePdf(exportFixture('multi-column.pdf'));
  const pdfSpans = spansFor(pdf.text, {
    per: secrets.person,
    colleague: secrets.colleague,
    lineBreak: secrets.lineBreak,
    pageBreak: secrets.pageBreak,
    officer: secrets.officer,
    phone: secrets.phone,
  });
  reader = fixtureReader([
    {
      id: 1,
      name: 'minutes.pdf',
      mediaType: 'application/pdf',
      sourcePath: '/in/minutes.pdf',
      text: pdf.text,
      metadata: {},
      pages: pdf.pages,
      spans: pdfSpans,
      data: pdf.bytes,
      labels: [label(1, 1, 'finance')],
    },
    {
      id: 2,
      name: 'Jane Doe notes.txt', // a file named after the person
      mediaType: 'text/plain',
      sourcePath: null,
      text: NOTE,
      metadata: {},
      spans: [
        span(2, 11, 0, 8, 'PER'),
        span(2, 12, 16, 24, 'PER'),
        span(2, 13, 36, 40, 'ORG', { status: 'proposed', score: 0.3 }),
        span(2, 14, 47, 59, 'PER'),
        span(2, 15, 0, 4, 'PER', { status: 'rejected' }),
      ],
    },
    ...[0, 1].map((row) => ({
      id: 3 + row,
      name: `people.csv#${row + 1}`,
      mediaType: 'text/csv',
      sourcePath: '/in/people.csv',
      text: row === 0 ? 'Call Jane Doe, she said "hi, there"' : 'No names here',
      metadata: {
        csv: { header: ['id', 'note', 'city'], textColumn: 'note', rowNumber: row + 1, row: { id: `r${row + 1}`, city: row ? 'Oslo' : 'Bergen, NO' } },
      },
      spans: row === 0 ? [span(3, 21, 5, 13, 'PER')] : [],
    })),
  ]);
});

describe('runExport', () => {
  it('pdf: writes verified redacted PDFs (original and laid out) and a report without the strings', async () => {
    const dir = out();
    const report = await runExport(reader, { format: 'pdf', outDir: dir, documentIds: [1, 2], dpi: 96, overlay: '(b)(6)' }, job());
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.files.map((f) => f.file)).toEqual(['1-minutes.pdf', '2.pdf']); // the name held a redacted string
    expect(report.files[0]!.pages).toBe(3);
    expect(report.files[0]!.spansByLabel).toEqual({ PER: 1, COLLEAGUE: 1, LINEBREAK: 1, PAGEBREAK: 1, OFFICER: 1, PHONE: 1 });
    expect(report.files[1]!.spansByLabel).toEqual({ PER: 3 }); // proposed and rejected spans left out
    const laidOut = execFileSync('pdftotext', [join(dir, '2.pdf'), '-'], { encoding: 'utf8' });
    expect(laidOut).toContain('phoned');
    expect(laidOut).toContain('ACME'); // proposed only: not redacted by default
    expect(laidOut).not.toMatch(/Jane|Robert|Brown/);
    const jsonReport = readFileSync(join(dir, REPORT_JSON), 'utf8');
    const textReport = readFileSync(join(dir, REPORT_TEXT), 'utf8');
    for (const s of [...secretsAll, 'Jane', 'Robert']) {
      expect(jsonReport).not.toContain(s);
      expect(textReport).not.toContain(s);
    }
    expect(textReport).toContain('RESULT: PASSED');
    expect(JSON.parse(jsonReport).files[0].stringIds.length).toBeGreaterThan(0);
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('a string redacted once but left unredacted elsewhere exports: only its redacted occurrence must go', async () => {
    const dir = out();
    // "inventory" is redacted once on page 1 and stands, unredacted, twice more (pages 1 and 3).
    const doc = reader.document(1);
    const at = doc.text.indexOf('inventory');
    const partial = fixtureReader([{ ...doc, data: doc.bytes()!, spans: [span(1, 1, at, at + 'inventory'.length, 'MISC')] }]);
    // The page also says "Robert Brown will call 555-867-5309": a number said to be a phone, in no
    // assigned range, which the residual scan reports; this test is about "inventory" only.
    const report = await runExport(partial, { format: 'pdf', outDir: dir, dpi: 72, acceptResidual: ['PHONE'] }, job());
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    const before = execFileSync('pdftotext', [exportFixture('multi-column.pdf'), '-'], { encoding: 'utf8' }).match(/inventory/g)!.length;
    const after = execFileSync('pdftotext', [join(dir, '1-minutes.pdf'), '-'], { encoding: 'utf8' }).match(/inventory/g)?.length ?? 0;
    expect(after).toBe(before - 1);
  });

  it('a 2-character span inside a longer number exports, verified (other "42"s and page numbers do not block it)', async () => {
    const dir = out();
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([612, 792]);
    page.drawText('Reference 5512429876 was filed on page 42 of the register.', { x: 56, y: 700, size: 12, font });
    page.drawText('Box 42 holds the originals.', { x: 56, y: 680, size: 12, font });
    const bytes = await pdf.save();
    const imported = await extractPdf('ref.pdf', bytes);
    const at = imported.text.indexOf('5512429876') + 4;
    const doc = {
      id: 9,
      name: 'ref.pdf',
      mediaType: 'application/pdf',
      sourcePath: null,
      text: imported.text,
      metadata: {},
      pages: imported.pages.map((p) => ({ ...p, runs: p.runs ?? [] })),
      spans: [span(9, 1, at, at + 2, 'ID')],
      data: bytes,
    };
    const report = await runExport(fixtureReader([doc]), { format: 'pdf', outDir: dir, dpi: 72 }, job());
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    const text = execFileSync('pdftotext', [join(dir, '9-ref.pdf'), '-'], { encoding: 'utf8' });
    expect(text).not.toContain('5512429876');
    expect(text.match(/\b42\b/g)).toHaveLength(2);
    const txt = await runExport(fixtureReader([doc]), { format: 'txt', outDir: out(), dpi: 72 }, job());
    expect(txt.ok).toBe(true);
  });

  it('fails loudly, naming the spans and what to do, when a redacted occurrence survives', async () => {
    const doc = reader.document(1);
    const needle = makeNeedle('inv', 'inventory', 1)!; // one unredacted occurrence allowed, the source shows more
    const verdict = await verifyPdf(doc.bytes()!, [needle]);
    expect(verdict.ok).toBe(false);
    expect(new Set(verdict.findings.filter((f) => f.check === 'pdfjs-text').map((f) => f.page))).toEqual(new Set([1, 3]));
    const failures = failuresOf('1-minutes.pdf', verdict, new Map([['inv', 'MISC']]), new Map([['inv', [7, 9]]]));
    expect(failures[0]!.reason).toMatch(/MISC #inv .*spans 7, 9.*redact every occurrence/i);
    expect(failures.every((f) => !f.reason.includes('inventory'))).toBe(true);
  });

  it('txt: replaces per label with consistent pseudonyms across the batch', async () => {
    const dir = out();
    const report = await runExport(reader, { format: 'txt', outDir: dir, documentIds: [2, 3], replacement: { PER: 'pseudonym' }, status: 'all' }, job());
    expect(report.ok).toBe(true);
    expect(readFileSync(join(dir, '2.txt'), 'utf8')).toBe('PER_1 phoned PER_1 back about ████.\nThen PER_2 wrote.');
    expect(readFileSync(join(dir, '3-people.txt'), 'utf8')).toBe('Call PER_1, she said "hi, there"');
  });

  it('csv: CSV sources come back as CSV, text column redacted, other columns intact', async () => {
    const dir = out();
    const report = await runExport(reader, { format: 'csv', outDir: dir, documentIds: [3, 4, 2], replacement: { PER: 'label' } }, job());
    expect(report.ok).toBe(true);
    const rows = parse(readFileSync(join(dir, '3-people.csv'), 'utf8')) as string[][];
    expect(rows).toEqual([
      ['id', 'note', 'city'],
      ['r1', 'Call [PER], she said "hi, there"', 'Bergen, NO'],
      ['r2', 'No names here', 'Oslo'],
    ]);
    expect(parse(readFileSync(join(dir, 'documents.csv'), 'utf8'))[1]).toEqual([
      '2',
      '', // the name held a redacted string
      '[PER] phoned [PER] back about ACME.\nThen [PER] wrote.',
    ]);
  });

  it('jsonl: re-reads to exactly the exported spans', async () => {
    const dir = out();
    const report = await runExport(reader, { format: 'jsonl', outDir: dir, status: 'all' }, job());
    expect(report.ok).toBe(true);
    expect(report.files[0]!.checks).toEqual([expect.objectContaining({ name: 'round-trip', passed: true })]);
    const records = readJsonl(readFileSync(join(dir, 'spans.jsonl'), 'utf8'));
    expect(records).toHaveLength(4);
    expect(records[1]!.spans).toEqual([
      { start: 0, end: 8, label: 'PER' },
      { start: 16, end: 24, label: 'PER' },
      { start: 36, end: 40, label: 'ORG' },
      { start: 47, end: 59, label: 'PER' },
    ]);
    for (const [i, record] of records.entries()) {
      const doc = reader.document(i + 1);
      expect(record.text).toBe(doc.text);
      for (const s of record.spans) expect(doc.spans.some((d) => d.start === s.start && d.end === s.end && d.label === s.label)).toBe(true);
    }
  });

  it('conll, labels-csv, spans-csv: round-trip check passes; span text only on request', async () => {
    const dir = out();
    expect((await runExport(reader, { format: 'conll', outDir: dir }, job())).ok).toBe(true);
    expect(readFileSync(join(dir, 'spans.conll'), 'utf8')).toContain('Jane\tB-PER\nDoe\tI-PER\n');
    // Into the same folder: its report (and spans.csv below) are replaced, so only with consent.
    await expect(runExport(reader, { format: 'labels-csv', outDir: dir }, job())).rejects.toThrow(/docket-export-report\.json already exists/);
    await runExport(reader, { format: 'labels-csv', outDir: dir, overwrite: true }, job());
    expect(parse(readFileSync(join(dir, 'labels.csv'), 'utf8'))).toEqual([
      ['document_id', 'document_name', 'task', 'label', 'score', 'source', 'source_name', 'status', 'model_id', 'run_id'],
      ['1', 'minutes.pdf', 'topic', 'finance', '0.8', 'model', 'topic', 'accepted', 'model-of-run-3', '3'],
    ]);
    await runExport(reader, { format: 'spans-csv', outDir: dir, documentIds: [1], overwrite: true }, job());
    const plain = parse(readFileSync(join(dir, 'spans.csv'), 'utf8')) as string[][];
    expect(plain[0]).not.toContain('text');
    expect(JSON.stringify(plain)).not.toContain(secrets.person);
    expect(plain[1]![10]).toBe('1'); // page
    expect(JSON.parse(plain[1]![11]!)[0][0]).toBe(1); // boxes: [[page, x, y, w, h]]
    await runExport(reader, { format: 'spans-csv', outDir: dir, documentIds: [1], includeSpanText: true, overwrite: true }, job());
    expect(readFileSync(join(dir, 'spans.csv'), 'utf8')).toContain(secrets.person);
  });

  it('stops when cancelled and leaves no partial file', async () => {
    const dir = out();
    const controller = new AbortController();
    controller.abort();
    await expect(runExport(reader, { format: 'pdf', outDir: dir }, { signal: controller.signal, report: () => {} })).rejects.toThrow(/cancelled/);
    expect(readdirSync(dir).sort()).toEqual([REPORT_JSON, REPORT_TEXT]); // no partial file, and a report that says what happened
    expect(JSON.parse(readFileSync(join(dir, REPORT_JSON), 'utf8'))).toMatchObject({ status: 'cancelled', ok: false, files: [] });
    expect(readFileSync(join(dir, REPORT_TEXT), 'utf8')).toContain('RESULT: CANCELLED');
  });
});

describe('writing files', () => {
  it('never writes through a link planted where a file goes, and replaces an existing file only with consent', async () => {
    const dir = out();
    const outside = join(out(), 'precious.txt');
    writeFileSync(outside, 'keep me');
    symlinkSync(outside, join(dir, REPORT_TEXT));
    await expect(runExport(reader, { format: 'txt', outDir: dir, documentIds: [2] }, job())).rejects.toThrow(/already exists/);
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
    const report = await runExport(reader, { format: 'txt', outDir: dir, documentIds: [2], overwrite: true }, job());
    expect(report.ok).toBe(true);
    expect(readFileSync(outside, 'utf8')).toBe('keep me'); // the link was replaced, its target untouched
    expect(lstatSync(join(dir, REPORT_TEXT)).isSymbolicLink()).toBe(false);
  });
});
