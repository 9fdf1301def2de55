import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { contains, countOccurrences, findNeedles, isDistinctive, makeHaystack, type Needle } from './leak-match.ts';
import { pdfSegments } from './pdf-contents.ts';
import { closePdfjs, openPdfjs } from './pdfjs.ts';

export interface Check {
  name: string;
  passed: boolean;
  detail?: string;
}

/** A redacted string found in the output: where, and which needle (never the text). */
export interface Finding {
  check: string;
  page: number | null;
  where: string;
  needleId: string;
}

export interface Verification {
  ok: boolean;
  checks: Check[];
  findings: Finding[];
}

export interface PdfExpectations {
  /** Page sizes of the source, [width, height] in points, in page order. */
  pageSizes?: ReadonlyArray<readonly [number, number]>;
}

/** Names that must not occur anywhere in a sanitised file: scripts, actions, forms, attachments. */
const FORBIDDEN_NAMES = [
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

/**
 * Re-opens an exported PDF and looks for every redacted string: in the text pdf.js extracts,
 * in every stream and string of the file (decoded, by pdf-lib and by a raw scan) and in the
 * metadata; and checks the structure is the sanitised one (one revision, no scripts,
 * annotations, forms, attachments, outlines, metadata; page count and sizes as the source).
 */
export async function verifyPdf(bytes: Uint8Array, needles: readonly Needle[], expect: PdfExpectations = {}): Promise<Verification> {
  const findings: Finding[] = [];
  const checks: Check[] = [];
  // Strings the analyst left unredacted elsewhere may show as often as they stood unredacted
  // in the source, and are counted in the text a reader gets; every other string must be gone
  // from every layer.
  const absent = needles.filter((n) => n.allowed === 0);
  const counted = needles.filter((n) => n.allowed > 0);
  const shown = new Map<string, Array<{ page: number; hits: number }>>();
  const record = (check: string, page: number | null, where: string, text: string, kind: 'strings' | 'bytes' = 'strings') => {
    const haystack = makeHaystack(text);
    const candidates = kind === 'bytes' ? absent.filter(isDistinctive) : absent;
    for (const needleId of findNeedles(haystack, candidates)) findings.push({ check, page, where, needleId });
    if (check !== 'pdfjs-text' || page === null) return;
    for (const needle of counted) {
      const hits = countOccurrences(haystack, needle);
      if (hits > 0) (shown.get(needle.id) ?? shown.set(needle.id, []).get(needle.id)!).push({ page, hits });
    }
  };

  // pdf-lib's view of the objects (null if it cannot parse the file: then the raw scan and
  // pdf.js still run, and the structure check fails).
  const parsed = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false }).catch(() => null);
  const viewer = await openPdfjs(bytes);
  try {
    const sizes: Array<[number, number]> = [];
    let annotations = 0;
    for (let pageNo = 1; pageNo <= viewer.numPages; pageNo++) {
      const page = await viewer.getPage(pageNo);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('');
      record('pdfjs-text', pageNo, 'extracted text', text);
      const annots = (await page.getAnnotations()) as Array<Record<string, unknown>>;
      annotations += annots.length;
      if (annots.length > 0) record('pdfjs-text', null, `annotations of page ${pageNo}`, annots.map((a) => JSON.stringify(a)).join('\n'));
      sizes.push([page.view[2]! - page.view[0]!, page.view[3]! - page.view[1]!]);
      page.cleanup();
    }
    const meta = await viewer.getMetadata();
    const metadataText = JSON.stringify(meta.info ?? {}) + '\n' + (meta.metadata ? JSON.stringify([...meta.metadata]) : '');
    record('metadata', null, 'document info and XMP', metadataText);
    const attachments = await viewer.getAttachments();
    if (attachments) record('metadata', null, 'attachments', attachmentNames(attachments));
    for (const needle of counted) {
      const pages = shown.get(needle.id) ?? [];
      const total = pages.reduce((sum, p) => sum + p.hits, 0);
      if (total <= needle.allowed) continue;
      for (const { page } of pages)
        findings.push({
          check: 'pdfjs-text',
          page,
          where: `extracted text (${total} occurrences, ${needle.allowed} unredacted in the source)`,
          needleId: needle.id,
        });
    }
    checks.push(check('pdfjs-text', findings, `text of ${viewer.numPages} pages extracted with pdf.js`));
    checks.push(check('metadata', findings, 'document info, XMP and attachment names'));
    checks.push(structureCheck(sanitisedProblems(bytes, parsed, annotations, attachments !== null), sizes, expect));
  } finally {
    await closePdfjs(viewer);
  }

  for (const segment of pdfSegments(bytes, parsed)) record('raw-streams', segment.page, segment.where, segment.text, segment.kind);
  checks.splice(2, 0, check('raw-streams', findings, 'file bytes, every stream decompressed, every string and string operand decoded'));
  return { ok: findings.length === 0 && checks.every((c) => c.passed), checks, findings };
}

/** Redacted text outputs (TXT, CSV): the same normalised search over the whole file, with the same allowance. */
export function verifyText(content: string, needles: readonly Needle[]): Verification {
  const haystack = makeHaystack(content);
  const findings: Finding[] = [];
  for (const needle of needles) {
    const found = needle.allowed === 0 ? contains(haystack, needle) : countOccurrences(haystack, needle) > needle.allowed;
    if (found)
      findings.push({
        check: 'text',
        page: null,
        where: needle.allowed === 0 ? 'file text' : `file text (more than the ${needle.allowed} unredacted occurrences of the source)`,
        needleId: needle.id,
      });
  }
  const checks = [check('text', findings, 'whole file, normalised')];
  return { ok: findings.length === 0, checks, findings };
}

function check(name: string, findings: readonly Finding[], scope: string): Check {
  const hits = findings.filter((f) => f.check === name).length;
  return hits === 0 ? { name, passed: true, detail: scope } : { name, passed: false, detail: `${hits} redacted string(s) found in ${scope}` };
}

function sanitisedProblems(bytes: Uint8Array, doc: PDFDocument | null, annotations: number, hasAttachments: boolean): string[] {
  const problems: string[] = [];
  if (annotations > 0) problems.push(`${annotations} annotation(s)`);
  if (hasAttachments) problems.push('embedded files');
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const eofs = text.match(/%%EOF/g)?.length ?? 0;
  if (eofs !== 1) problems.push(`${eofs} %%EOF markers (incremental updates)`);
  if (text.slice(text.lastIndexOf('%%EOF') + 5).trim() !== '') problems.push('data after %%EOF');
  if (!doc) return [...problems, 'the file does not parse as PDF objects'];
  if (doc.context.trailerInfo.Info) problems.push('an Info dictionary');
  if (doc.context.trailerInfo.Encrypt) problems.push('encryption');
  const names = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) collectKeys(object, names);
  for (const name of FORBIDDEN_NAMES) if (names.has(name)) problems.push(`/${name}`);
  return problems;
}

function collectKeys(object: unknown, names: Set<string>): void {
  const dict = object instanceof PDFDict ? object : (object as { dict?: unknown })?.dict instanceof PDFDict ? (object as { dict: PDFDict }).dict : null;
  if (dict) {
    for (const [key, value] of dict.entries()) {
      names.add(key.asString().slice(1));
      if (value instanceof PDFName) names.add(value.asString().slice(1));
      collectKeys(value, names);
    }
  } else if (object instanceof PDFArray) {
    for (let i = 0; i < object.size(); i++) collectKeys(object.get(i), names);
  }
}

function structureCheck(problems: string[], sizes: ReadonlyArray<readonly [number, number]>, expect: PdfExpectations): Check {
  if (expect.pageSizes) {
    if (expect.pageSizes.length !== sizes.length) problems.push(`${sizes.length} pages, the source has ${expect.pageSizes.length}`);
    else
      expect.pageSizes.forEach(([w, h], i) => {
        const [ow, oh] = sizes[i]!;
        if (Math.abs(w - ow) > 0.5 || Math.abs(h - oh) > 0.5)
          problems.push(`page ${i + 1} is ${ow.toFixed(1)}×${oh.toFixed(1)}, the source ${w.toFixed(1)}×${h.toFixed(1)}`);
      });
  }
  return problems.length === 0
    ? {
        name: 'structure',
        passed: true,
        detail: `one revision; no scripts, actions, annotations, forms, attachments, outlines or metadata; ${sizes.length} pages as the source`,
      }
    : { name: 'structure', passed: false, detail: problems.join('; ') };
}

/**
 * Every name an attachment goes by: the key of the name tree and the file names it carries.
 * pdf.js returns a Map (older versions a plain object): Object.keys of a Map is always empty.
 */
function attachmentNames(attachments: unknown): string {
  const entries: Array<[string, unknown]> = attachments instanceof Map ? [...attachments.entries()] : Object.entries(attachments as Record<string, unknown>);
  return JSON.stringify(
    entries.map(([key, value]) => [
      key,
      (value as { filename?: unknown; rawFilename?: unknown } | null)?.filename,
      (value as { rawFilename?: unknown } | null)?.rawFilename,
    ]),
  );
}
