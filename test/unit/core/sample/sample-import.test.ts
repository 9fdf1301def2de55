// The sample batch through the same import any batch goes through, into a real project file:
// a dozen documents of every kind, the scanned note readable by the OCR run, and the contact
// details the batch promises found by the pattern detectors.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../src-main/core/api/contract.ts';
import { detectPatterns } from '../../../../src-main/core/detect/index.ts';
import { importPaths } from '../../../../src-main/core/ingest/import-job.ts';
import { runOcr } from '../../../../src-main/core/ocr/run-ocr.ts';
import { SAMPLE_DOCUMENTS, sampleBatchFolder, writeSampleBatch } from '../../../../src-main/core/sample/sample-batch.ts';
import { scannedNoteLines } from '../../../../src-main/core/sample/sample-texts.ts';
import { openDatabase, type Db } from '../../../../src-main/core/store/database.ts';
import * as documentTable from '../../../../src-main/core/store/queries/document-table.ts';
import * as documents from '../../../../src-main/core/store/queries/documents.ts';

const root = mkdtempSync(join(tmpdir(), 'docket-sample-import-'));
const job = { signal: new AbortController().signal, report: () => {} };
let db: Db;
let report: ImportReport;
const rows = () => documentTable.list(db, { sort: 'importedAt', descending: false, offset: 0, limit: 100 }).rows;
const textOf = (name: string) => documents.text(db, rows().find((r) => r.name === name)!.id);

beforeAll(async () => {
  const batch = await writeSampleBatch(sampleBatchFolder(join(root, 'user')));
  db = openDatabase(join(root, 'sample.docket'), { create: true });
  report = await importPaths(db, { paths: batch.paths }, job);
});
afterAll(() => db.close());

describe('the sample batch imported', () => {
  it('makes a dozen documents, the ones the batch lists, with nothing failed', () => {
    expect(report.failed).toEqual([]);
    expect(report.imported).toBe(12);
    expect(rows().map((r) => r.name)).toEqual(SAMPLE_DOCUMENTS.map((d) => d.name));
    const types = new Set(rows().map((r) => r.mediaType));
    for (const type of [
      'text/plain',
      'text/markdown',
      'text/csv',
      'application/jsonl',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]) {
      expect(types).toContain(type);
    }
    expect(rows().find((r) => r.name === 'phone-message-scan.png')).toMatchObject({ status: 'needs_ocr', pageCount: 1 });
    expect(report.warnings).toEqual([{ path: expect.stringMatching(/phone-message-scan\.png$/), message: expect.stringMatching(/scanned image/) }]);
  });

  it('carries contact details of every promised kind, found by the pattern detectors', () => {
    const found = new Map<string, Set<string>>();
    for (const row of rows()) {
      const text = documents.text(db, row.id);
      for (const span of detectPatterns(text, [], { phoneRegions: ['US', 'GB', 'DE', 'FR'] })) {
        if (!found.has(span.label)) found.set(span.label, new Set());
        found.get(span.label)!.add(text.slice(span.start, span.end));
      }
    }
    const phones = found.get('PHONE')!;
    expect(phones).toContain('(312) 555-0178'); // US
    expect(phones).toContain('020 7946 0958'); // GB
    expect(phones).toContain('+49 30 23125 456'); // DE
    expect(phones).toContain('+33 1 99 00 12 34'); // FR
    expect(found.get('CARD')).toContain('4111 1111 1111 1111');
    expect(found.get('IBAN')?.size).toBe(4);
    expect(found.get('EMAIL')?.size).toBeGreaterThanOrEqual(8);
    expect(found.get('DATE')).toContain('2024-04-15');
  });

  it('has a scanned note that the OCR run reads, names and number included', async () => {
    const summary = await runOcr(db, { pages: 'needs-ocr', languages: ['eng'] }, { cachePath: join(root, 'ocr-cache'), workers: 1 }, job);
    expect(summary.status).toBe('completed');
    const text = textOf('phone-message-scan.png');
    for (const line of scannedNoteLines) expect(text).toContain(line);
  });
});
