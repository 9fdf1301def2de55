// Self-tests of the adversarial PDF corpus (test/fixtures/export/adversarial.ts) and of the
// independent leak scanner (./independent-scan.ts). Not the redaction test: this proves that each
// case really hides its secrets in the *source* PDF, that the scanner sees every one of them, that
// controls and visible secrets are extractable, and that the scanner reports nothing on a PDF
// holding only the controls.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adversarialCases, allControls, cardSecrets, ibanSecrets, type AdversarialCase } from '../../../fixtures/export/adversarial.ts';
import { extractedText, scanFile, valuePattern } from './independent-scan.ts';

let cases: AdversarialCase[] = [];
let tmp = '';

beforeAll(async () => {
  cases = await adversarialCases();
  tmp = mkdtempSync(join(tmpdir(), 'docket-adversarial-'));
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const oneSpace = (s: string) => s.replace(/[\s\u00a0]+/gu, ' ');
const byName = (name: string) => cases.find((c) => c.name === name)!;

function luhn(number: string): boolean {
  const digits = number.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length >= 13 && sum % 10 === 0;
}

function ibanValid(iban: string): boolean {
  const s = iban.replace(/\s+/g, '');
  const moved = (s.slice(4) + s.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return BigInt(moved) % 97n === 1n;
}

const NAMES = [
  'glyph-pieces',
  'render-mode-3',
  'white-on-white',
  'tiny-text',
  'xobject-two-pages',
  'xobject-shared-resources',
  'xobject-never-drawn',
  'outlines',
  'annotations',
  'acroform',
  'attachments',
  'javascript',
  'metadata',
  'incremental-update',
  'outside-cropbox',
  'hidden-layer',
  'actualtext-alt',
  'rotated-90',
  'rotated-270',
  'irregular-spacing',
];

describe('adversarial corpus: shape', () => {
  it('has every case, with unique names, secrets and controls', () => {
    expect(cases.map((c) => c.name).sort()).toEqual([...NAMES].sort());
    const secrets = cases.flatMap((c) => c.secrets);
    const controls = cases.flatMap((c) => c.controls);
    expect(new Set(secrets).size).toBe(secrets.length);
    expect(new Set(controls).size).toBe(controls.length);
    for (const c of cases) {
      expect(c.secrets.length, c.name).toBeGreaterThan(0);
      expect(c.controls.length, c.name).toBeGreaterThan(0);
      expect(c.what.length, c.name).toBeGreaterThan(10);
      for (const s of c.secrets) expect(s.length, s).toBeGreaterThanOrEqual(8);
      for (const v of c.visibleSecrets) expect(c.secrets).toContain(v);
    }
  });

  it('uses realistic identifiers: cards pass Luhn, IBANs pass mod 97', () => {
    expect(cardSecrets.length).toBeGreaterThanOrEqual(5);
    for (const card of cardSecrets) expect(luhn(card), card).toBe(true);
    for (const iban of ibanSecrets) expect(ibanValid(iban), iban).toBe(true);
  });

  it('no secret matches inside a control sentence or inside another secret', () => {
    const secrets = cases.flatMap((c) => c.secrets);
    for (const s of secrets) {
      const re = valuePattern(s);
      for (const control of allControls()) expect(re.test(control), `${s} in "${control}"`).toBe(false);
      for (const other of secrets) if (other !== s) expect(re.test(other), `${s} in ${other}`).toBe(false);
    }
  });
});

describe('adversarial corpus: each source PDF hides what it says, and the scanner sees it', () => {
  for (const name of NAMES) {
    describe(name, () => {
      it('every secret is found in at least one layer of the source', () => {
        const c = byName(name);
        for (const secret of c.secrets) expect(scanFile(c.file, secret), `${name}: ${secret}`).not.toEqual([]);
      });

      it('every control sentence is extractable (pdftotext)', () => {
        const c = byName(name);
        const text = oneSpace(extractedText(c.file));
        for (const control of c.controls) expect(text, `${name}: ${control}`).toContain(control);
      });

      it('every visible secret is extractable (pdftotext), up to whitespace', () => {
        // Up to whitespace, and hyphens where the value has a separator: pdftotext joins
        // '312-555-' at a line end with '0178' on the next line as '312-5550178'.
        const c = byName(name);
        const text = extractedText(c.file);
        for (const secret of c.visibleSecrets) expect(valuePattern(secret).test(text), `${name}: ${secret} in ${JSON.stringify(text)}`).toBe(true);
      });

      it("no other case's secret is found in it (leaks are attributable)", () => {
        const c = byName(name);
        for (const other of cases) {
          if (other.name === name) continue;
          for (const secret of other.secrets) expect(scanFile(c.file, secret), `${other.name}'s ${secret} in ${name}`).toEqual([]);
        }
      });
    });
  }
});

describe('adversarial corpus: where the hidden secrets are', () => {
  // Secrets that are not visible but that poppler's text extraction reports anyway: widget and
  // FreeText appearances are drawn, /ActualText replaces the words it covers, and pdftotext reads
  // the MediaBox, not the CropBox. Every other hidden secret must be absent from the page text.
  const extractedAnyway = (c: AdversarialCase): string[] => {
    if (c.name === 'acroform' || c.name === 'outside-cropbox') return c.secrets;
    if (c.name === 'annotations') return ['646-555-0119']; // the FreeText appearance
    if (c.name === 'actualtext-alt') return ['Octavian Merriweather']; // the /Span /ActualText
    return [];
  };

  it('hidden secrets are not in the page text, except where poppler draws them anyway', () => {
    for (const c of cases) {
      const text = extractedText(c.file);
      const anyway = extractedAnyway(c);
      for (const secret of c.secrets.filter((s) => !c.visibleSecrets.includes(s))) {
        expect(valuePattern(secret).test(text), `${c.name}: ${secret}`).toBe(anyway.includes(secret));
      }
    }
  });

  it('the old revision of incremental-update is only in the raw bytes (qpdf drops unreachable objects)', () => {
    const c = byName('incremental-update');
    for (const secret of c.secrets) {
      const layers = new Set(scanFile(c.file, secret).map((h) => h.layer));
      expect([...layers], secret).toEqual(['raw streams inflated']);
    }
  });

  it('the shuffled glyph pieces are only found in reading order, the kerned name also in joined string operands', () => {
    const c = byName('glyph-pieces');
    const card = scanFile(c.file, '4012 8888 8888 1881').map((h) => h.layer);
    expect(card).toContain('pdftotext');
    expect(card).not.toContain('pdftotext -raw');
    const name = scanFile(c.file, 'Quentin Marwood');
    expect(name).toContainEqual({ layer: 'qpdf --qdf decoded', form: 'string operands joined' });
    expect(name).not.toContainEqual({ layer: 'qpdf --qdf decoded', form: 'latin1' });
  });

  it('UTF-16BE outline titles and Info values are seen decoded, and as UTF-16 bytes/hex in the file', () => {
    const outlines = scanFile(byName('outlines').file, 'Wilhelmina Strathairn');
    expect(outlines).toContainEqual({ layer: 'qpdf --qdf decoded', form: 'string' });
    expect(outlines.some((h) => h.form === 'hex utf-16be' || h.form === 'utf-16be')).toBe(true);
    const info = scanFile(byName('metadata').file, 'Leopold Harrowgate').map((h) => h.layer);
    expect(info).toEqual(expect.arrayContaining(['pdfinfo', 'pdfinfo -meta']));
  });

  it('attachments are seen by pdfdetach, in the list and in the saved files', () => {
    const c = byName('attachments');
    expect(scanFile(c.file, 'Philippa Oakenshott')).toContainEqual({ layer: 'qpdf --qdf decoded', form: 'string' }); // /Desc (pdfdetach -list shows names only)
    expect(scanFile(c.file, 'GB82 WEST 1234 5698 7654 32').map((h) => h.layer)).toContain('pdfdetach -saveall: beneficiary.txt');
    expect(scanFile(c.file, 'august.vellacott@northgate-audit.example').map((h) => h.layer)).toContain('pdfdetach -saveall: audit.txt');
  });
});

describe('independent scanner', () => {
  it('matches across case, whitespace, line breaks and hyphens, and not a different value', () => {
    const phone = valuePattern('555-867-5309');
    expect(phone.test('call 555-867-\n5309 now')).toBe(true);
    expect(phone.test('5558675309')).toBe(true);
    expect(phone.test('555 867 5309')).toBe(true);
    expect(phone.test('555-867-5308')).toBe(false);
    const name = valuePattern('Quentin Marwood');
    expect(name.test('QUENTIN\u00a0 marwood')).toBe(true);
    expect(name.test('Quentin Marwoo d')).toBe(true);
    expect(name.test('Quentin Marwoo')).toBe(false);
  });

  it('decodes octal-escaped and hex strings in the raw bytes, and glyph pieces in a content stream', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    const octal = (s: string) => [...s].map((ch) => `\\${ch.charCodeAt(0).toString(8).padStart(3, '0')}`).join('');
    const info = doc.context.obj({
      Title: PDFString.of(octal('Zebedee Foxworthy')), // every byte octal-escaped
      Subject: PDFString.of('Call \\(212\\) 555\\-0198 \\\\ now'),
      Keywords: PDFHexString.of(Buffer.from('ember.lockhart@example.org', 'latin1').toString('hex')),
      Author: PDFHexString.fromText('Marguerite Oyelaran'),
    });
    doc.context.trailerInfo.Info = doc.context.register(info);
    page.node.set(PDFName.of('Resources'), doc.context.obj({ Font: { F1: font.ref } }));
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream('BT /F1 1 Tf 5 5 Td [(Ru) 40 (fus) -10 ( Bla) (ck) <77656c6c>] TJ ET')));
    const file = join(tmp, 'escapes.pdf');
    writeFileSync(file, await doc.save({ useObjectStreams: false }));
    const raw = (value: string) =>
      scanFile(file, value)
        .filter((h) => h.layer === 'raw file bytes')
        .map((h) => h.form);
    expect(raw('Zebedee Foxworthy')).toContain('string');
    expect(raw('Zebedee Foxworthy')).not.toContain('latin1');
    expect(raw('(212) 555-0198')).toContain('string');
    expect(raw('ember.lockhart@example.org')).toEqual(expect.arrayContaining(['string', 'hex latin1']));
    expect(raw('Marguerite Oyelaran')).toEqual(expect.arrayContaining(['string', 'hex utf-16be']));
    expect(raw('Rufus Blackwell')).toEqual(['string operands joined']);
  });

  it('finds nothing in a fresh PDF holding only the control sentences', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const controls = allControls();
    for (let i = 0; i < controls.length; i += 30) {
      const page = doc.addPage([612, 792]);
      controls.slice(i, i + 30).forEach((c, j) => page.drawText(c, { x: 56, y: 750 - j * 22, size: 11, font }));
    }
    doc.setTitle('Controls only');
    const file = join(tmp, 'controls-only.pdf');
    writeFileSync(file, await doc.save());
    const text = oneSpace(extractedText(file));
    for (const control of controls) expect(text).toContain(control);
    for (const c of cases) for (const secret of c.secrets) expect(scanFile(file, secret), secret).toEqual([]);
  });

  it('throws a clear error for a file that is not a PDF', () => {
    const file = join(tmp, 'not-a.pdf');
    writeFileSync(file, 'hello');
    expect(() => scanFile(file, 'Quentin Marwood')).toThrow(/independent-scan: 'pdftotext/);
  });
});
