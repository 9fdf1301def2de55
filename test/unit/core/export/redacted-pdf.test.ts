import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeNeedle, normalise } from '../../../../src-main/core/export/leak-match.ts';
import { closePdfjs, openPdfjs } from '../../../../src-main/core/export/pdfjs.ts';
import { redactPdf, type PdfRedactionResult } from '../../../../src-main/core/export/redacted-pdf.ts';
import { mergeRanges } from '../../../../src-main/core/export/selection.ts';
import { verifyPdf } from '../../../../src-main/core/export/verify.ts';
import { boxesForRange } from '../../../../src-main/core/layout/boxes.ts';
import { exportFixture, keptWords, secrets } from '../../../fixtures/export/generate.ts';
import { loadFixturePdf, spansFor, type FixturePdf } from './pdf-fixture.ts';

const options = { dpi: 110, colour: { r: 0, g: 0, b: 0 }, overlay: 'label', wholePages: new Set<number>() };
const dir = mkdtempSync(join(tmpdir(), 'docket-redact-'));

async function pdfjsText(bytes: Uint8Array): Promise<string[]> {
  const doc = await openPdfjs(bytes);
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await closePdfjs(doc);
  return pages;
}

function pdfinfoSizes(path: string): string[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', path], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/g)].map((m) => m[1]!);
}

/** Every secret must be absent from this text in every normalised form. */
function expectNoSecrets(text: string, where: string, list: readonly string[]): void {
  const hay = normalise(text);
  const compact = hay.replace(/ /g, '');
  for (const secret of list) {
    const needle = normalise(secret);
    expect(hay.includes(needle) || compact.includes(needle.replace(/ /g, '')), `${where} still holds a secret`).toBe(false);
  }
}

/** The secrets as a qpdf --qdf dump shows them: plain, in UTF-16BE hex, and in PDF string syntax. */
function expectQdfClean(path: string, list: readonly string[]): string {
  const qdf = join(dir, `qdf-${Math.random().toString(36).slice(2)}.pdf`);
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, qdf]);
  const raw = readFileSync(qdf).toString('latin1');
  for (const secret of list) {
    expect(raw.includes(secret), 'qpdf dump holds a secret').toBe(false);
    expect(raw.toLowerCase().includes(Buffer.from(secret, 'utf16le').swap16().toString('hex')), 'qpdf dump holds a UTF-16 secret').toBe(false);
  }
  return raw;
}

describe('redactPdf on a multi-column PDF with forms, annotations, metadata and an attachment', () => {
  let fixture: FixturePdf;
  let result: PdfRedactionResult;
  let outPath: string;
  const all = Object.values(secrets).filter((s) => s !== secrets.rotated);

  beforeAll(async () => {
    fixture = await loadFixturePdf(exportFixture('multi-column.pdf'));
    const spans = spansFor(fixture.text, {
      person: secrets.person,
      colleague: secrets.colleague,
      lineBreak: secrets.lineBreak,
      pageBreak: secrets.pageBreak,
      officer: secrets.officer,
      phone: secrets.phone,
    });
    result = await redactPdf(fixture.bytes, fixture.text, fixture.pages, mergeRanges(spans), options);
    outPath = join(dir, 'multi.pdf');
    writeFileSync(outPath, result.bytes);
  });

  it('the fixture really holds the secrets in text, metadata, forms, annotations and the attachment', async () => {
    const raw = execFileSync('qpdf', ['--qdf', '--object-streams=disable', exportFixture('multi-column.pdf'), '-'], { encoding: 'latin1' });
    expect(raw).toContain('/EmbeddedFile');
    expect(raw).toContain(`Patient: ${secrets.person}`);
    expect(raw).toContain('/AcroForm');
    expect(fixture.text).toMatch(/Maria\s*\nGonzalez/);
    const verdict = await verifyPdf(
      fixture.bytes,
      all.map((s, i) => makeNeedle(String(i), s)!),
    );
    expect(verdict.ok).toBe(false);
    expect(new Set(verdict.findings.map((f) => f.check))).toEqual(new Set(['pdfjs-text', 'metadata', 'raw-streams']));
  });

  it('rasterises exactly the pages with redactions, including both sides of the page break', () => {
    expect(result.rasterisedPages).toEqual([1, 2]);
    expect(result.boxes.some((b) => b.pageNo === 1) && result.boxes.some((b) => b.pageNo === 2)).toBe(true);
  });

  it('leaves no secret in pdf.js text, pdftotext, or the decompressed qpdf dump', async () => {
    for (const [i, page] of (await pdfjsText(result.bytes)).entries()) expectNoSecrets(page, `pdf.js page ${i + 1}`, all);
    expectNoSecrets(execFileSync('pdftotext', [outPath, '-'], { encoding: 'utf8' }), 'pdftotext', all);
    const raw = expectQdfClean(outPath, all);
    for (const name of [
      '/Annots',
      '/AcroForm',
      '/EmbeddedFile',
      '/Outlines',
      '/PageLabels',
      '/OCProperties',
      '/Metadata',
      '/JavaScript',
      '/OpenAction',
      '/Title',
      '/Author',
    ]) {
      expect(raw, `output still has ${name}`).not.toContain(name);
    }
    expect(raw.match(/%%EOF/g)).toHaveLength(1);
  });

  it('keeps the unredacted words extractable, also on rasterised pages', async () => {
    const text = (await pdfjsText(result.bytes)).join(' ');
    const poppler = execFileSync('pdftotext', [outPath, '-'], { encoding: 'utf8' });
    for (const word of keptWords) {
      expect(text).toContain(word);
      expect(poppler).toContain(word);
    }
    expect(text).toContain('contact'); // the word right before a redacted name
    expect(text).toContain('circulated'); // page 2, right after the page-break name
  });

  it('keeps page count and page sizes', () => {
    expect(pdfinfoSizes(outPath)).toEqual(pdfinfoSizes(exportFixture('multi-column.pdf')));
    expect(pdfinfoSizes(outPath)).toHaveLength(3);
  });

  it('passes its own verification', async () => {
    const needles = all.map((s, i) => makeNeedle(`s${i}`, s)!);
    const verdict = await verifyPdf(result.bytes, needles, { pageSizes: fixture.pages.map((p) => [p.width, p.height] as const) });
    expect(verdict.findings).toEqual([]);
    expect(verdict.checks.map((c) => [c.name, c.passed])).toEqual([
      ['pdfjs-text', true],
      ['metadata', true],
      ['raw-streams', true],
      ['structure', true],
    ]);
  });

  it('an overlay-only exporter (black boxes over live text) fails verification, naming the pages', async () => {
    const doc = await PDFDocument.load(fixture.bytes);
    const spans = spansFor(fixture.text, { person: secrets.person, pageBreak: secrets.pageBreak });
    for (const span of spans) {
      for (const box of boxesForRange(fixture.pages, span.start, span.end, { padding: 2 })) {
        doc.getPage(box.pageNo - 1).drawRectangle({ x: box.x, y: box.y, width: box.w, height: box.h, color: rgb(0, 0, 0) });
      }
    }
    const broken = await doc.save();
    const verdict = await verifyPdf(broken, [makeNeedle('person', secrets.person)!, makeNeedle('pageBreak', secrets.pageBreak)!]);
    expect(verdict.ok).toBe(false);
    const textHits = verdict.findings.filter((f) => f.check === 'pdfjs-text');
    expect(textHits.map((f) => [f.needleId, f.page])).toEqual(expect.arrayContaining([['person', 1]]));
    expect(verdict.checks.find((c) => c.name === 'structure')!.passed).toBe(false);
  });

  it('paints a whole page and leaves no text on it', async () => {
    const whole = await redactPdf(fixture.bytes, fixture.text, fixture.pages, [], { ...options, wholePages: new Set([3]) });
    const pages = await pdfjsText(whole.bytes);
    expect(pages[2]!.trim()).toBe('');
    expect(pages[0]).toContain(secrets.person); // nothing else was redacted
    expect(whole.rasterisedPages).toEqual([3]);
  });

  it('stops between pages when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(redactPdf(fixture.bytes, fixture.text, fixture.pages, [], { ...options, signal: controller.signal })).rejects.toThrow(/cancelled/);
  });
});

describe('redactPdf on a rotated page with rotated text', () => {
  it('removes the name, keeps the rotation, the sizes and the other words', async () => {
    const fixture = await loadFixturePdf(exportFixture('rotated.pdf'));
    const spans = spansFor(fixture.text, { person: secrets.rotated });
    expect(spans).toHaveLength(1);
    const result = await redactPdf(fixture.bytes, fixture.text, fixture.pages, mergeRanges(spans), { ...options, overlay: '(b)(6)' });
    const path = join(dir, 'rotated.pdf');
    writeFileSync(path, result.bytes);
    const text = (await pdfjsText(result.bytes)).join(' ');
    expectNoSecrets(text, 'pdf.js', [secrets.rotated]);
    expectNoSecrets(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }), 'pdftotext', [secrets.rotated]);
    expectQdfClean(path, [secrets.rotated]);
    for (const word of ['Report', 'filed', 'committee', 'approved', 'unanimously', 'warehouse', 'inventory', 'landscape']) expect(text).toContain(word);
    const out = await PDFDocument.load(result.bytes);
    expect(out.getPage(0).getRotation().angle).toBe(90);
    expect(pdfinfoSizes(path)).toEqual(pdfinfoSizes(exportFixture('rotated.pdf')));
    expect((await verifyPdf(result.bytes, [makeNeedle('r', secrets.rotated)!])).ok).toBe(true);
  });
});
