// The OCR run on a real project file with the real engine: page by page, cancelled after the
// first page it resumes at the second and ends with the same document as a run never stopped;
// pages already holding text are left alone unless every page is asked for.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressUpdate } from '../../../../src-main/core/jobs/jobs.ts';
import { createOcrEngine, type OcrEngine } from '../../../../src-main/core/ocr/engine.ts';
import { ocrRunSettings, runOcr } from '../../../../src-main/core/ocr/run-ocr.ts';
import { openDatabase, type Db } from '../../../../src-main/core/store/database.ts';
import * as pages from '../../../../src-main/core/store/queries/pages.ts';
import * as runs from '../../../../src-main/core/store/queries/runs.ts';
import { importPaths } from '../../../../src-main/core/ingest/import-job.ts';
import { scanPage } from '../../../fixtures/ocr/scans.ts';
import { writeFileSync } from 'node:fs';

const cachePath = mkdtempSync(join(tmpdir(), 'docket-ocr-cache-'));
let engine: OcrEngine;
// One engine for the file (a worker takes a second to start); runs hand it in and it outlives them.
const shared = {
  cachePath,
  engine: async () => ({
    recognize: (image: Parameters<OcrEngine['recognize']>[0], signal?: AbortSignal) => engine.recognize(image, signal),
    close: async () => {},
  }),
};

/** A PDF: a page of text, then two scanned pages (images only). */
async function mixedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([612, 792]).drawText('Cover sheet for the enclosed letters.', { x: 72, y: 700, size: 12, font });
  for (const seed of [1, 2]) {
    const scan = scanPage({ seed, dpi: 200, lines: [`Letter number ${seed}`, `Please call 212-555-010${seed} about the claim.`] });
    const image = await pdf.embedPng(scan.image);
    const page = pdf.addPage([(scan.width * 72) / 200, (scan.height * 72) / 200]);
    page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  }
  return pdf.save();
}

async function project(): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), 'docket-ocr-run-'));
  writeFileSync(join(dir, 'mixed.pdf'), await mixedPdf());
  const db = openDatabase(join(dir, 'p.docket'), { create: true });
  await importPaths(db, { paths: [join(dir, 'mixed.pdf')] }, { signal: new AbortController().signal, report: () => {} });
  return db;
}

const textOf = (db: Db) => db.prepare('SELECT text, status FROM documents').get() as { text: string; status: string };

describe('runOcr', () => {
  beforeAll(async () => {
    engine = await createOcrEngine({ languages: ['eng'], cachePath });
  }, 60_000);
  afterAll(async () => engine?.close());

  it('reads the scanned pages into the document, after the cover page, with progress by page', async () => {
    const db = await project();
    expect(textOf(db).status).toBe('partial_ocr');
    const progress: ProgressUpdate[] = [];
    const summary = await runOcr(db, { pages: 'needs-ocr', languages: ['eng'] }, shared, {
      signal: new AbortController().signal,
      report: (p) => progress.push(p),
    });
    expect(summary.status).toBe('completed');
    const { text, status } = textOf(db);
    expect(status).toBe('imported');
    expect(text.startsWith('Cover sheet for the enclosed letters.\n\nLetter number 1')).toBe(true);
    expect(text).toMatch(/212-555-0102 about the claim\.?$/);
    expect(progress.map((p) => [p.done, p.total, p.unit])).toEqual([
      [1, 2, 'pages'],
      [2, 2, 'pages'],
    ]);
    const [cover, first] = pages.forDocument(db, 1);
    expect(cover!.ocrConfidence).toBeNull();
    expect(first!.ocrConfidence).toBeGreaterThan(80);
    expect(first!.runs.length).toBeGreaterThan(5);
  }, 120_000);

  it('cancelled after the first page, resumes at the second and ends with the same text', async () => {
    const db = await project();
    const controller = new AbortController();
    const request = { pages: 'needs-ocr' as const, languages: ['eng'] };
    await expect(runOcr(db, request, shared, { signal: controller.signal, report: () => controller.abort() })).rejects.toThrow();
    expect(textOf(db).status).toBe('partial_ocr'); // nothing written into the document yet
    expect(db.prepare('SELECT count(*) AS n FROM ocr_pages').get()).toEqual({ n: 1 }); // but the page read is kept
    const stopped = runs.resumable(db, ocrRunSettings(request))!;
    expect(stopped.status).toBe('cancelled');
    const read: number[] = [];
    const counting = {
      cachePath,
      engine: async () => ({
        recognize: (image: Parameters<OcrEngine['recognize']>[0], signal?: AbortSignal) => (read.push(1), engine.recognize(image, signal)),
        close: async () => {},
      }),
    };
    const summary = await runOcr(db, { ...request, resumeRunId: stopped.id }, counting, { signal: new AbortController().signal, report: () => {} });
    expect(summary.status).toBe('completed');
    expect(read).toHaveLength(1); // only the second page was read again
    expect(textOf(db).text).toMatch(/^Cover sheet[^]*Letter number 1[^]*Letter number 2/);
    expect(db.prepare('SELECT count(*) AS n FROM ocr_pages').get()).toEqual({ n: 0 });
  }, 120_000);

  it('reads the other documents when one cannot be read, and names it', async () => {
    const db = await project();
    const dir = mkdtempSync(join(tmpdir(), 'docket-ocr-bad-'));
    writeFileSync(join(dir, 'second.png'), scanPage({ seed: 9, dpi: 200, lines: ['Second scan of the file'] }).image);
    await importPaths(db, { paths: [join(dir, 'second.png')] }, { signal: new AbortController().signal, report: () => {} });
    // The first document's stored PDF is damaged after import: no page of it can be rendered.
    db.prepare('UPDATE blob_chunks SET data = ? WHERE blob_id = (SELECT blob_id FROM documents WHERE id = 1)').run(Buffer.from('%PDF-1.7 broken'));
    const summary = await runOcr(db, { pages: 'needs-ocr', languages: ['eng'] }, shared, { signal: new AbortController().signal, report: () => {} });
    expect(summary.status).toBe('completed');
    expect(summary.counts.documentsFailed).toBe(1);
    expect(summary.error).toMatch(/^Not read: document 1: /);
    const second = db.prepare('SELECT text, status FROM documents WHERE id = 2').get() as { text: string; status: string };
    expect(second.status).toBe('imported');
    expect(second.text).toMatch(/Second scan of the file/);
  }, 120_000);
});
