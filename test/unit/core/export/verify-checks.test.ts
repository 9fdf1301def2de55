// One test per check verifyPdf makes: an otherwise clean PDF that fails that check, and only the
// checks it cannot help failing, so removing any single check from verify.ts fails its test.
// Each verdict is compared whole (ok, the failed checks with their details, the findings), so a
// check hidden behind another (the raw scan finds most strings pdf.js finds) still has a case
// where it alone sees the leak: glyph names mapping "abc" to the secret (text), XML character
// references (XMP, rich-text annotation contents), an unreferenced stream (raw scan only).
import { PDFBool, PDFDocument, PDFName, PDFNumber, PDFString, type PDFObject } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { makeNeedle, type Needle } from '../../../../src-main/core/export/leak-match.ts';
import { verifyPdf, type PdfExpectations, type Verification } from '../../../../src-main/core/export/verify.ts';

const SECRET = 'Ada Lovelace';
const secret = makeNeedle('secret', SECRET)!;
const CLEAN_TEXT = 'BT /F1 12 Tf 72 700 Td (Quarterly harbour report) Tj ET';

/** One Letter page of Helvetica text, no Info dictionary, one revision: what verifyPdf passes. */
async function pdf(tweak?: (doc: PDFDocument) => void, content = CLEAN_TEXT): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = doc.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' });
  const page = doc.addPage([612, 792]);
  page.node.set(PDFName.of('Resources'), doc.context.obj({ Font: { F1: doc.context.register(font) } }));
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(content)));
  tweak?.(doc);
  return doc.save({ useObjectStreams: false });
}

/** The verdict as a whole: the failed checks with their details, and every finding. */
function summary(v: Verification) {
  return { ok: v.ok, failed: v.checks.filter((c) => !c.passed).map((c) => [c.name, c.detail]), findings: v.findings };
}

async function verdict(bytes: Uint8Array, needles: readonly Needle[] = [secret], expect: PdfExpectations = {}) {
  return summary(await verifyPdf(bytes, needles, expect));
}

const leakIn = (check: string) => [check, expect.stringMatching(/^1 redacted string\(s\) found in /)];
const structure = (detail: string) => ['structure', detail];

function addAnnotation(doc: PDFDocument, extra: Record<string, PDFObject> = {}): void {
  const annot = doc.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [72, 600, 92, 620], Contents: PDFString.of('see the note'), ...extra });
  doc.getPage(0).node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(annot)]));
}

/** XML character references: pdf.js's XML parsers decode them, no byte-level scan does. */
const xmlEscaped = [...SECRET].map((c) => (/[A-Z]/.test(c) ? `&#${c.charCodeAt(0)};` : c)).join('');

describe('verifyPdf: the baseline', () => {
  it('passes a clean one-page PDF, and the same page with the expected page size', async () => {
    const bytes = await pdf();
    expect(await verdict(bytes)).toEqual({ ok: true, failed: [], findings: [] });
    expect(await verdict(bytes, [secret], { pageSizes: [[612, 792]] })).toEqual({ ok: true, failed: [], findings: [] });
    expect((await verifyPdf(bytes, [secret])).checks.map((c) => c.name)).toEqual(['pdfjs-text', 'metadata', 'raw-streams', 'structure']);
  });
});

describe('verifyPdf: each leak search on its own', () => {
  it('pdf.js text: "abc defghijk" drawn with glyph names that read "Ada Lovelace" (nothing in the bytes spells it)', async () => {
    const glyphs = [...'AdaLovelace'].map((c) => PDFName.of(`uni${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`));
    const bytes = await pdf((doc) => {
      const encoding = {
        Type: 'Encoding',
        BaseEncoding: 'WinAnsiEncoding',
        Differences: [PDFNumber.of(97), ...glyphs.slice(0, 3), PDFNumber.of(100), ...glyphs.slice(3)],
      };
      const font = doc.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: encoding });
      doc.getPage(0).node.set(PDFName.of('Resources'), doc.context.obj({ Font: { F1: doc.context.register(font) } }));
    }, 'BT /F1 12 Tf 72 700 Td (abc defghijk) Tj ET');
    expect(await verdict(bytes)).toEqual({
      ok: false,
      failed: [leakIn('pdfjs-text')],
      findings: [{ check: 'pdfjs-text', page: 1, where: 'extracted text', needleId: 'secret' }],
    });
  });

  it('pdf.js text: a string left unredacted once in the source may show once, not twice', async () => {
    const once = makeNeedle('secret', SECRET, 1)!;
    expect(await verdict(await pdf(undefined, `BT /F1 12 Tf 72 700 Td (${SECRET} wrote this) Tj ET`), [once])).toEqual({ ok: true, failed: [], findings: [] });
    const twice = await pdf(undefined, `BT /F1 12 Tf 72 700 Td (${SECRET} and ${SECRET}) Tj ET`);
    expect(await verdict(twice, [once])).toEqual({
      ok: false,
      failed: [leakIn('pdfjs-text')],
      findings: [{ check: 'pdfjs-text', page: 1, where: 'extracted text (2 occurrences, 1 unredacted in the source)', needleId: 'secret' }],
    });
  });

  it('annotations: rich-text contents (/RC) with the name as XML character references', async () => {
    const bytes = await pdf((doc) => addAnnotation(doc, { RC: PDFString.of(`<body xmlns="http://www.w3.org/1999/xhtml"><p>${xmlEscaped}</p></body>`) }));
    expect(await verdict(bytes)).toEqual({
      ok: false,
      failed: [leakIn('pdfjs-text'), structure('1 annotation(s); /Annots')],
      findings: [{ check: 'pdfjs-text', page: null, where: 'annotations of page 1', needleId: 'secret' }],
    });
  });

  it('metadata: an XMP packet naming the author in XML character references', async () => {
    const xmp =
      '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>${xmlEscaped}</rdf:li></rdf:Seq></dc:creator></rdf:Description>` +
      '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
    const bytes = await pdf((doc) =>
      doc.catalog.set(PDFName.of('Metadata'), doc.context.register(doc.context.flateStream(xmp, { Type: 'Metadata', Subtype: 'XML' }))),
    );
    expect(await verdict(bytes)).toEqual({
      ok: false,
      failed: [leakIn('metadata'), structure('/Metadata')],
      findings: [{ check: 'metadata', page: null, where: 'document info and XMP', needleId: 'secret' }],
    });
  });

  // pdf.js returns attachments as a Map; searching Object.keys of it found nothing (fixed).
  it('metadata: an attachment named after the person (attachment names searched)', async () => {
    const bytes = await pdf((doc) => {
      const file = doc.context.register(doc.context.flateStream('harmless', { Type: 'EmbeddedFile' }));
      const spec = doc.context.register(
        doc.context.obj({ Type: 'Filespec', F: PDFString.of(`${SECRET}.txt`), UF: PDFString.of(`${SECRET}.txt`), EF: { F: file } }),
      );
      doc.catalog.set(PDFName.of('Names'), doc.context.obj({ EmbeddedFiles: { Names: [PDFString.of(`${SECRET}.txt`), spec] } }));
    });
    expect((await verifyPdf(bytes, [secret])).findings).toContainEqual({ check: 'metadata', page: null, where: 'attachments', needleId: 'secret' });
  });

  it('raw streams: a content stream no page uses (pdf.js never reads it)', async () => {
    const bytes = await pdf((doc) => doc.context.register(doc.context.flateStream(`BT /F1 12 Tf 72 680 Td (${SECRET}) Tj ET`)));
    const v = await verdict(bytes);
    expect(v.ok).toBe(false);
    expect(v.failed).toEqual([['raw-streams', expect.stringMatching(/^\d+ redacted string\(s\) found in file bytes/)]]);
    expect(new Set(v.findings.map((f) => f.check))).toEqual(new Set(['raw-streams']));
    expect(v.findings.map((f) => f.where)).toEqual(expect.arrayContaining(['raw stream #2', 'object 6 0 stream']));
  });
});

describe('verifyPdf: the structure check, one problem at a time', () => {
  it('an annotation without text: counted, and /Annots named', async () => {
    expect(await verdict(await pdf((doc) => addAnnotation(doc)))).toEqual({ ok: false, failed: [structure('1 annotation(s); /Annots')], findings: [] });
  });

  it('an embedded file', async () => {
    const bytes = await pdf((doc) => {
      const file = doc.context.register(doc.context.flateStream('harmless', { Type: 'EmbeddedFile' }));
      const spec = doc.context.register(doc.context.obj({ Type: 'Filespec', F: PDFString.of('notes.txt'), UF: PDFString.of('notes.txt'), EF: { F: file } }));
      doc.catalog.set(PDFName.of('Names'), doc.context.obj({ EmbeddedFiles: { Names: [PDFString.of('notes.txt'), spec] } }));
    });
    expect(await verdict(bytes)).toEqual({ ok: false, failed: [structure('embedded files; /EmbeddedFile; /EmbeddedFiles')], findings: [] });
  });

  it('an incremental update: two %%EOF markers', async () => {
    const bytes = Buffer.concat([await pdf(), Buffer.from('\n%%EOF\n')]);
    expect(await verdict(bytes)).toEqual({ ok: false, failed: [structure('2 %%EOF markers (incremental updates)')], findings: [] });
  });

  it('data after %%EOF', async () => {
    const bytes = Buffer.concat([await pdf(), Buffer.from('trailing bytes\n')]);
    expect(await verdict(bytes)).toEqual({ ok: false, failed: [structure('data after %%EOF')], findings: [] });
  });

  it('a file pdf-lib cannot parse (no %PDF- header; pdf.js still opens it)', async () => {
    const bytes = Buffer.from(
      Buffer.from(await pdf())
        .toString('latin1')
        .replace('%PDF-1.7', '%XYZ-1.7'),
      'latin1',
    );
    expect(await verdict(bytes)).toEqual({ ok: false, failed: [structure('the file does not parse as PDF objects')], findings: [] });
  });

  it('an Info dictionary, however harmless', async () => {
    const bytes = await pdf((doc) => (doc.context.trailerInfo.Info = doc.context.register(doc.context.obj({ Producer: PDFString.of('a word processor') }))));
    expect(await verdict(bytes)).toEqual({ ok: false, failed: [structure('an Info dictionary')], findings: [] });
  });

  it('an /Encrypt entry in the trailer', async () => {
    // Not a dictionary, so pdf.js opens the file regardless; the entry alone must fail it.
    const bytes = await pdf((doc) => (doc.context.trailerInfo.Encrypt = PDFNumber.of(0)));
    expect(await verdict(bytes)).toEqual({ ok: false, failed: [structure('encryption')], findings: [] });
  });

  it('a page count other than the source', async () => {
    expect(
      await verdict(await pdf(), [secret], {
        pageSizes: [
          [612, 792],
          [612, 792],
        ],
      }),
    ).toEqual({ ok: false, failed: [structure('1 pages, the source has 2')], findings: [] });
  });

  it('a page size other than the source (beyond half a point)', async () => {
    expect(await verdict(await pdf(), [secret], { pageSizes: [[612.4, 791.6]] })).toEqual({ ok: true, failed: [], findings: [] });
    expect(await verdict(await pdf(), [secret], { pageSizes: [[595, 842]] })).toEqual({
      ok: false,
      failed: [structure('page 1 is 612.0×792.0, the source 595.0×842.0')],
      findings: [],
    });
  });

  // Every name verify.ts forbids, as a key in an object no page uses.
  const FORBIDDEN = [
    'JavaScript',
    'JS',
    'OpenAction',
    'AA',
    'Launch',
    'SubmitForm',
    'ImportData',
    'GoToR',
    'GoToE',
    'URI',
    'AcroForm',
    'XFA',
    'Annots',
    'EmbeddedFile',
    'EmbeddedFiles',
    'RichMedia',
    'Outlines',
    'PageLabels',
    'OCProperties',
    'Metadata',
    'StructTreeRoot',
  ];
  it.each(FORBIDDEN)('the name /%s anywhere in the file', async (name) => {
    const bytes = await pdf((doc) => doc.context.register(doc.context.obj({ [name]: PDFBool.True })));
    expect(await verdict(bytes)).toEqual({ ok: false, failed: [structure(`/${name}`)], findings: [] });
  });

  it('a forbidden name as a value, inside an array, and in a stream dictionary', async () => {
    const asValue = await pdf((doc) => doc.context.register(doc.context.obj({ S: 'Launch' })));
    expect(await verdict(asValue)).toEqual({ ok: false, failed: [structure('/Launch')], findings: [] });
    const inArray = await pdf((doc) => doc.context.register(doc.context.obj([doc.context.obj({ Kind: 'Harmless', OpenAction: PDFBool.True })])));
    expect(await verdict(inArray)).toEqual({ ok: false, failed: [structure('/OpenAction')], findings: [] });
    const inStream = await pdf((doc) => doc.context.register(doc.context.flateStream('q Q', { JS: PDFBool.True })));
    expect(await verdict(inStream)).toEqual({ ok: false, failed: [structure('/JS')], findings: [] });
  });
});
