import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, type PDFRawStream, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parseContent, serialiseContent } from '../../../../src-main/core/export/content-stream.ts';
import { OptionalContent } from '../../../../src-main/core/export/optional-content.ts';
import { PageContentError, PageContentSanitiser } from '../../../../src-main/core/export/page-content.ts';

describe('content streams', () => {
  it('parses operands of every kind and writes them back unchanged', () => {
    const source = 'q 1 0 0 1 50 700 cm BT /F1 12 Tf [(Ja) -20 (ne\\)) 5 <4a6f>] TJ (a\\(b) Tj ET Q /P <</MCID 3 /ActualText (x)>> BDC EMC % comment\n/Im1 Do';
    const ops = parseContent(source);
    expect(ops.map((o) => o.operator)).toEqual(['q', 'cm', 'BT', 'Tf', 'TJ', 'Tj', 'ET', 'Q', 'BDC', 'EMC', 'Do']);
    expect(ops[4]!.operands[0]).toMatchObject({ kind: 'array', raw: '[(Ja) -20 (ne\\)) 5 <4a6f>]' });
    expect(ops[8]!.operands.map((o) => o.kind)).toEqual(['name', 'dict']);
    expect(parseContent(serialiseContent(ops))).toEqual(ops);
  });

  it('keeps inline images whole, binary data and all', () => {
    const source = 'q BI /W 2 /H 1 /CS /G /BPC 8 ID \u0000EI\u00ff EI Q';
    const ops = parseContent(source);
    expect(ops.map((o) => o.operator)).toEqual(['q', 'BI', 'Q']);
    expect(ops[1]!.raw).toBe('BI /W 2 /H 1 /CS /G /BPC 8 ID \u0000EI\u00ff EI');
  });

  it('refuses what is not content: unbalanced syntax, runaway nesting', () => {
    expect(() => parseContent('(unterminated Tj')).toThrow(/unterminated string/);
    expect(() => parseContent('] Tj')).toThrow(/unexpected/);
    expect(() => parseContent('['.repeat(10_000) + ' Tj')).toThrow(/too deep/);
  });
});

async function pageWith(content: string, setup?: (doc: PDFDocument, resources: PDFDict) => void) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  const resources = doc.context.obj({ Font: { F1: font.ref } }) as PDFDict;
  setup?.(doc, resources);
  page.node.set(PDFName.of('Resources'), resources);
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(content)));
  return { doc, page };
}

function contentOf(doc: PDFDocument, page: ReturnType<PDFDocument['getPage']>): string {
  const stream = doc.context.lookup(page.node.get(PDFName.of('Contents'))) as PDFRawStream;
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

describe('page sanitiser', () => {
  it('drops marked-content property lists (ActualText, Alt, MCIDs) but keeps the drawing', async () => {
    const { doc, page } = await pageWith(
      '/Span <</ActualText (Quentin Marwood)>> BDC BT /F1 12 Tf 50 700 Td (the applicant) Tj ET EMC /Figure <</Alt (secret)>> DP',
    );
    new PageContentSanitiser(doc, new OptionalContent(doc)).sanitise(page);
    const out = contentOf(doc, page);
    expect(out).not.toMatch(/Quentin|secret|ActualText|Alt/);
    expect(out).toContain('/Span BMC');
    expect(out).toContain('(the applicant) Tj');
    expect(out).toContain('/Figure MP');
  });

  it('deletes hidden optional content but keeps its state changes, so what follows stays in place', async () => {
    const { doc, page } = await pageWith('BT /F1 12 Tf /OC /L1 BDC 5 400 Td (Hidden Person) Tj EMC 10 0 Td (visible) Tj ET', (d, resources) => {
      const ocg = d.context.register(d.context.obj({ Type: 'OCG', Name: PDFString.of('L1') }));
      resources.set(PDFName.of('Properties'), d.context.obj({ L1: ocg }));
      d.catalog.set(PDFName.of('OCProperties'), d.context.obj({ OCGs: [ocg], D: { OFF: [ocg] } }));
    });
    const sanitiser = new PageContentSanitiser(doc, new OptionalContent(doc));
    sanitiser.sanitise(page);
    const out = contentOf(doc, page);
    expect(out).not.toContain('Hidden');
    expect(out).toMatch(/5 400 Td\n10 0 Td\n\(visible\) Tj/);
    expect(sanitiser.hiddenSections).toBe(1);
    expect(page.node.Resources()!.get(PDFName.of('Properties'))).toBeUndefined();
  });

  it('gives the page its own resources with only what it draws; a form listed but never drawn is gone', async () => {
    const { doc, page } = await pageWith('BT /F1 12 Tf 50 700 Td (drawn) Tj ET /Used Do', (d, resources) => {
      const form = (text: string) =>
        d.context.register(
          d.context.flateStream(`BT /F1 9 Tf (${text}) Tj ET`, {
            Type: 'XObject',
            Subtype: 'Form',
            BBox: [0, 0, 100, 100],
            Resources: { Font: { F1: (resources.get(PDFName.of('Font')) as PDFDict).get(PDFName.of('F1'))! } },
          }),
        );
      resources.set(PDFName.of('XObject'), d.context.obj({ Used: form('shown'), Unused: form('Thaddeus Pendleworth') }));
    });
    const shared = page.node.Resources();
    new PageContentSanitiser(doc, new OptionalContent(doc)).sanitise(page);
    const xobjects = page.node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
    expect(xobjects.keys().map((k) => k.asString())).toEqual(['/Used']);
    expect(page.node.Resources()).not.toBe(shared);
    // The original (possibly shared) dictionary is untouched: other pages still see theirs.
    expect(shared!.lookup(PDFName.of('XObject'), PDFDict).keys()).toHaveLength(2);
  });

  it('drops a form drawn wholly outside the crop box, and refuses one with text reaching across it', async () => {
    const withForm = (placement: string) =>
      pageWith(`q ${placement} cm /Fm Do Q BT /F1 12 Tf 210 250 Td (inside) Tj ET`, (d, resources) => {
        const font = (resources.get(PDFName.of('Font')) as PDFDict).get(PDFName.of('F1'))!;
        const form = d.context.register(
          d.context.flateStream('BT /F1 9 Tf 0 5 Td (Araminta Kettleby) Tj ET', {
            Type: 'XObject',
            Subtype: 'Form',
            BBox: [0, 0, 120, 20],
            Resources: { Font: { F1: font } },
          }),
        );
        resources.set(PDFName.of('XObject'), d.context.obj({ Fm: form }));
      });
    const outside = await withForm('1 0 0 1 0 10');
    outside.page.setCropBox(200, 200, 300, 300);
    new PageContentSanitiser(outside.doc, new OptionalContent(outside.doc)).sanitise(outside.page);
    expect(contentOf(outside.doc, outside.page)).not.toContain('/Fm Do');
    expect(outside.page.node.Resources()!.get(PDFName.of('XObject'))).toBeUndefined();
    const across = await withForm('1 0 0 1 150 250');
    across.page.setCropBox(200, 200, 300, 300);
    expect(() => new PageContentSanitiser(across.doc, new OptionalContent(across.doc)).sanitise(across.page)).toThrow(/form with text reaches outside/);
  });

  it('cuts the media box to the crop box, and refuses text parked outside it', async () => {
    const inside = await pageWith('BT /F1 12 Tf 100 400 Td (inside) Tj ET');
    inside.page.setCropBox(50, 50, 512, 692);
    new PageContentSanitiser(inside.doc, new OptionalContent(inside.doc)).sanitise(inside.page);
    expect(inside.page.getMediaBox()).toEqual({ x: 50, y: 50, width: 512, height: 692 });
    const outside = await pageWith('BT /F1 12 Tf 100 400 Td (inside) Tj 1 0 0 1 5 20 Tm (Araminta Kettleby) Tj ET');
    outside.page.setCropBox(50, 50, 512, 692);
    expect(() => new PageContentSanitiser(outside.doc, new OptionalContent(outside.doc)).sanitise(outside.page)).toThrow(PageContentError);
  });
});
