// A scanned letter, end to end as an analyst works: import → OCR → pattern detectors → accept →
// redacted PDF export. The output is checked by tools that are not Docket's: poppler's pdftotext
// (the text layer) and Debian's tesseract on the rendered page (what a reader sees). The PII is in
// neither; the rest of the letter is still searchable and readable.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { LETTER_PII, scanPage } from '../../../fixtures/ocr/scans.ts';
import { cli } from '../cli/run-cli.ts';

/** Why the pixel checks cannot run here (a tool they need is missing), or null when they can. */
const pixelToolsMissing = (() => {
  const missing = ['tesseract', 'pdftoppm'].filter((tool) => {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT';
    }
  });
  return missing.length === 0 ? null : `${missing.join(' and ')} not installed (Debian: apt-get install tesseract-ocr poppler-utils)`;
})();
const hasTesseract = pixelToolsMissing === null;
if (!hasTesseract) console.warn(`Skipping the tesseract pixel checks of the scanned-letter export: ${pixelToolsMissing}`);

/** A one-page PDF holding nothing but the page image, as a scanner writes it (300 dpi: 1 px = 0.24 pt). */
async function scannedPdf(png: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(png);
  const page = pdf.addPage([(width * 72) / 300, (height * 72) / 300]);
  page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  return pdf.save();
}

const digits = (text: string) => text.replace(/\D/g, '');

describe.each([
  ['a scanned PDF', 'letter.pdf'],
  ['a PNG image', 'letter.png'],
])('%s through OCR, detection, review and redacted export', (_, file) => {
  const root = mkdtempSync(join(tmpdir(), 'docket-scan-'));
  const project = join(root, 'p.docket');
  const out = join(root, 'out');
  let exported = '';

  beforeAll(async () => {
    const scan = scanPage({ seed: 11, dpi: 300, noise: 0.2, skewDegrees: 1 });
    writeFileSync(join(root, file), file.endsWith('.pdf') ? await scannedPdf(scan.image, scan.width, scan.height) : scan.image);
    for (const args of [
      ['init', project],
      ['import', project, join(root, file)],
      ['ocr', project],
      ['detect', project, '--patterns'],
      ['review', project, '--accept-all'],
    ]) {
      const result = await cli(...args);
      expect(result.code, `${args[0]}: ${result.stderr}`).toBe(0);
    }
    const result = await cli('export', project, '--format', 'pdf', '--out', out, '--page-images');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    exported = join(
      out,
      readdirSync(out).find((f) => f.endsWith('.pdf'))!,
    );
  }, 240_000);

  it('reads the scan: the letter is text, each PII value found as its type', async () => {
    const shown = await cli('show', project, '1', '--json');
    const doc = JSON.parse(shown.stdout) as { document: { status: string }; text: string; spans: Array<{ label: string; start: number; end: number }> };
    expect(doc.document.status).toBe('imported');
    expect(doc.text).toContain('Northwind Legal Services');
    const labelled = doc.spans.map((s) => [s.label, digits(doc.text.slice(s.start, s.end)) || doc.text.slice(s.start, s.end)]);
    expect(labelled).toEqual(
      expect.arrayContaining([
        ['CARD', digits(LETTER_PII.card)],
        ['EMAIL', LETTER_PII.email],
        ['PHONE', digits(LETTER_PII.phone)],
      ]),
    );
  });

  it('leaves no PII in the text layer, and the rest of the letter searchable (pdftotext)', () => {
    const text = execFileSync('pdftotext', [exported, '-'], { encoding: 'utf8' });
    expect(text).toContain('Northwind');
    expect(text).toMatch(/Thank you for contacting our office/);
    expect(digits(text)).not.toContain(digits(LETTER_PII.card));
    expect(text).not.toContain(LETTER_PII.email);
    expect(digits(text)).not.toContain(digits(LETTER_PII.phone));
  });

  it.skipIf(!hasTesseract)('leaves no PII readable in the pixels (Debian tesseract on the rendered page)', () => {
    execFileSync('pdftoppm', ['-r', '300', '-png', '-f', '1', '-l', '1', exported, join(root, 'page')]);
    const image = join(
      root,
      readdirSync(root).find((f) => f.startsWith('page') && f.endsWith('.png'))!,
    );
    const seen = execFileSync('tesseract', [image, '-', '-l', 'eng'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(seen).toContain('Northwind');
    expect(digits(seen)).not.toContain(digits(LETTER_PII.card).slice(0, 8));
    expect(seen).not.toContain('whitaker@');
    expect(digits(seen)).not.toContain(digits(LETTER_PII.phone).slice(-7));
  });

  // Only an image goes out as an image again; a scanned PDF goes out as a PDF (checked above).
  if (file.endsWith('.png'))
    it.skipIf(!hasTesseract)('writes the redacted page as a PNG again, with no PII readable in it (Debian tesseract)', () => {
      const images = readdirSync(out).filter((f) => f.endsWith('.png'));
      expect(images).toHaveLength(1);
      const seen = execFileSync('tesseract', [join(out, images[0]!), '-', '-l', 'eng'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      expect(seen).toContain('Northwind');
      expect(digits(seen)).not.toContain(digits(LETTER_PII.card).slice(0, 8));
      expect(seen).not.toContain('whitaker@');
      expect(digits(seen)).not.toContain(digits(LETTER_PII.phone).slice(-7));
    });

  it('says what it checked: the page image was read again by OCR, nothing redacted readable there', () => {
    const report = JSON.parse(
      readFileSync(
        join(
          out,
          readdirSync(out).find((f) => f.endsWith('.json'))!,
        ),
        'utf8',
      ),
    ) as { ok: boolean; files: Array<{ checks: Array<{ name: string; passed: boolean }> }> };
    expect(report.ok).toBe(true);
    const checks = report.files[0]!.checks.map((c) => [c.name, c.passed]);
    expect(checks).toEqual(
      expect.arrayContaining([
        ['ocr-pixels', true],
        ['residual-scan-pixels', true],
      ]),
    );
  });
});
