// The sample batch as files: one of every kind the importer reads, each read back by the real
// readers to exactly the text it was made from; kept when complete, written again when a file
// is missing or damaged, and never written through a symbolic link.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsvRows } from '../../../../src-main/core/ingest/csv.ts';
import { extractDocx } from '../../../../src-main/core/ingest/docx.ts';
import { extractImage } from '../../../../src-main/core/ingest/image.ts';
import { readJsonlRows } from '../../../../src-main/core/ingest/jsonl.ts';
import { extractPdf } from '../../../../src-main/core/ingest/pdf.ts';
import type { RowResult } from '../../../../src-main/core/ingest/rows.ts';
import { extractText } from '../../../../src-main/core/ingest/text.ts';
import { formatOf } from '../../../../src-main/core/ingest/types.ts';
import { SAMPLE_FILES, sampleBatchFolder, writeSampleBatch, type SampleBatch } from '../../../../src-main/core/sample/sample-batch.ts';
import * as texts from '../../../../src-main/core/sample/sample-texts.ts';

const fresh = () => sampleBatchFolder(mkdtempSync(join(tmpdir(), 'docket-sample-')));
const file = (batch: SampleBatch, name: string) => join(batch.folder, name);

async function rows(reader: AsyncIterable<RowResult>): Promise<Array<{ name: string; text: string }>> {
  const out: Array<{ name: string; text: string }> = [];
  for await (const row of reader) {
    if ('problem' in row) throw new Error(row.problem);
    out.push({ name: row.document.name, text: row.document.text });
  }
  return out;
}

let batch: SampleBatch;
beforeAll(async () => {
  batch = await writeSampleBatch(fresh());
});

describe('the sample batch', () => {
  it('has a file of every kind, each named so the importer reads it as that kind', () => {
    expect(new Set(SAMPLE_FILES.map((f) => f.kind))).toEqual(new Set(['txt', 'md', 'csv', 'jsonl', 'pdf', 'docx', 'png']));
    expect(batch.paths.map((p) => basename(p))).toEqual(SAMPLE_FILES.map((f) => f.name));
    for (const f of SAMPLE_FILES) {
      expect(formatOf(f.name)).toBe(f.kind);
      expect(statSync(file(batch, f.name)).size).toBeGreaterThan(0);
    }
    expect(batch.written).toEqual(SAMPLE_FILES.map((f) => f.name));
    // Only the batch and its hidden manifest: no temporary file left behind.
    expect(readdirSync(batch.folder).sort()).toEqual(['.sample-batch.json', ...SAMPLE_FILES.map((f) => f.name)].sort());
  });

  it('reads back, through the importer, to exactly the texts it was made from', async () => {
    const read = (name: string) => readFileSync(file(batch, name));
    expect(extractText('complaint-letter.txt', read('complaint-letter.txt'), 'txt').text).toBe(texts.complaintLetter);
    expect(extractText('thank-you-letter.txt', read('thank-you-letter.txt'), 'txt').text).toBe(texts.thanksLetter);
    expect(extractText('office-memo.md', read('office-memo.md'), 'md').text).toBe(texts.officeMemo);
    expect(await rows(readCsvRows(file(batch, 'case-notes.csv'), 'case-notes.csv', 'csv', {}))).toEqual(
      texts.caseNotes.map((n, i) => ({ name: `case-notes.csv#${i + 1}`, text: n.text })),
    );
    expect(await rows(readJsonlRows(file(batch, 'messages.jsonl'), 'messages.jsonl', {}))).toEqual(
      texts.messages.map((m, i) => ({ name: `messages.jsonl#${i + 1}`, text: m.text })),
    );
    expect((await extractDocx('tenancy-agreement.docx', read('tenancy-agreement.docx'))).text).toBe(texts.agreementParagraphs.join('\n\n'));
  });

  it('has a two-page PDF whose text layer gives every line, names included, exactly', async () => {
    const pdf = await extractPdf('tenant-review.pdf', readFileSync(file(batch, 'tenant-review.pdf')));
    expect(pdf.status).toBe('imported');
    expect(pdf.pageCount).toBe(2);
    expect(pdf.text).toBe(texts.reportPages.map((lines) => lines.join('\n')).join('\n\n'));
    const pageText = (n: number) => pdf.text.slice(pdf.pages[n]!.textStart, pdf.pages[n]!.textEnd);
    for (const name of ['Olumide Adeyemi', 'Sofia Rossi']) expect(pageText(0)).toContain(name);
    for (const name of ['Nguyen Thi Mai', 'Arjun Mehta', 'Katarzyna Nowak']) expect(pageText(1)).toContain(name);
  });

  it('has a scanned note: a one-page image at the 300 dpi it states, with no text until OCR', async () => {
    const { doc } = await extractImage('phone-message-scan.png', readFileSync(file(batch, 'phone-message-scan.png')), 'png');
    expect(doc).toMatchObject({ status: 'needs_ocr', pageCount: 1, text: '' });
    expect(doc.metadata.source).toMatchObject({ format: 'png', dpi: 300, dpiFromFile: true, pixelWidth: 1748, pixelHeight: 1240 });
  });
});

describe('writing the batch again', () => {
  it('keeps a complete batch as it is', async () => {
    const before = statSync(file(batch, 'tenant-review.pdf')).mtimeMs;
    const again = await writeSampleBatch(batch.folder);
    expect(again.written).toEqual([]);
    expect(statSync(file(batch, 'tenant-review.pdf')).mtimeMs).toBe(before);
  });

  it('replaces a truncated, an edited and a missing file, and only those', async () => {
    const folder = fresh();
    const first = await writeSampleBatch(folder);
    const pdf = readFileSync(file(first, 'tenant-review.pdf'));
    truncateSync(file(first, 'tenant-review.pdf'), Math.floor(pdf.length / 2));
    // Same length, other bytes: only the checksum tells.
    writeFileSync(file(first, 'office-memo.md'), texts.officeMemo.replace('Berlin', 'Bremen'));
    unlinkSync(file(first, 'messages.jsonl'));
    const second = await writeSampleBatch(folder);
    expect(second.written.sort()).toEqual(['messages.jsonl', 'office-memo.md', 'tenant-review.pdf']);
    expect(readFileSync(file(second, 'tenant-review.pdf'))).toEqual(pdf);
    expect(readFileSync(file(second, 'office-memo.md'), 'utf8')).toBe(texts.officeMemo);
    expect((await extractPdf('tenant-review.pdf', readFileSync(file(second, 'tenant-review.pdf')))).pageCount).toBe(2);
  });

  it('writes every file again when the manifest is gone (nothing to vouch for them)', async () => {
    const folder = fresh();
    await writeSampleBatch(folder);
    unlinkSync(join(folder, '.sample-batch.json'));
    expect((await writeSampleBatch(folder)).written).toEqual(SAMPLE_FILES.map((f) => f.name));
  });
});

describe('symbolic links', () => {
  it('refuses a batch folder that is a link, writing nothing where it points', async () => {
    const root = mkdtempSync(join(tmpdir(), 'docket-sample-link-'));
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, sampleBatchFolder(root));
    await expect(writeSampleBatch(sampleBatchFolder(root))).rejects.toThrow(/sample-batch is a symbolic link; .*never through a link/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('refuses a file of the batch that is a link, leaving its target as it was', async () => {
    const folder = fresh();
    await writeSampleBatch(folder);
    const target = join(folder, '..', 'precious.txt');
    writeFileSync(target, 'not yours');
    unlinkSync(join(folder, 'complaint-letter.txt'));
    symlinkSync(target, join(folder, 'complaint-letter.txt'));
    await expect(writeSampleBatch(folder)).rejects.toThrow(/complaint-letter\.txt is a symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe('not yours');
  });
});
