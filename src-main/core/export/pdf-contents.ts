import { inflateSync, constants } from 'node:zlib';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { stringOperands } from './pdf-strings.ts';

/**
 * A piece of text found in a PDF file, and where: the leak check searches every one.
 * `bytes` is raw syntax (operators, numbers, names: only a distinctive string can be told
 * apart there); `strings` are decoded string objects and operands, searched for every string.
 */
export interface Segment {
  where: string;
  page: number | null;
  text: string;
  kind: 'bytes' | 'strings';
}

/**
 * Every byte of a PDF as text a leak could hide in, independent of any viewer: the whole file
 * as bytes, every stream decoded (pdf-lib's filters, plus a raw scan that inflates any
 * `stream … endstream` it finds, referenced or not), every string object decoded (PDFDoc
 * encoding or UTF-16), and the string operands of each stream joined. Image samples are
 * skipped: pixels are not text.
 */
export function pdfSegments(bytes: Uint8Array, doc: PDFDocument | null): Segment[] {
  const segments: Segment[] = [];
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const scanned = rawStreams(raw);
  segments.push(...textForms('file bytes', null, scanned.outside));
  for (const [index, chunk] of scanned.inflated.entries()) segments.push(...textForms(`raw stream #${index + 1}`, null, chunk));
  if (!doc) return segments;
  const pageOf = pageMap(doc);
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    const page = pageOf.get(ref.toString()) ?? null;
    const where = `object ${ref.objectNumber} ${ref.generationNumber}`;
    const strings: string[] = [];
    collectStrings(object, strings);
    if (strings.length > 0) segments.push({ where: `${where} strings`, page, text: strings.join('\n'), kind: 'strings' });
    if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) {
      let decoded: Uint8Array;
      try {
        decoded = decodePDFRawStream(object).decode();
      } catch {
        continue; // image codecs pdf-lib lacks (DCT, JPX, JBIG2, CCITT): pixels, not text
      }
      segments.push(...textForms(`${where} stream`, page, Buffer.from(decoded.buffer, decoded.byteOffset, decoded.byteLength)));
    }
  }
  return segments;
}

/** Bytes as latin1 (which keeps every byte), UTF-8, UTF-16 when it looks like it, and joined string operands. */
function textForms(where: string, page: number | null, bytes: Buffer): Segment[] {
  const latin1 = bytes.toString('latin1');
  const forms: Segment[] = [{ where, page, text: latin1, kind: 'bytes' }];
  const utf8 = bytes.toString('utf8');
  if (utf8 !== latin1) forms.push({ where: `${where} (utf-8)`, page, text: utf8, kind: 'bytes' });
  if (looksUtf16(bytes)) {
    forms.push({ where: `${where} (utf-16le)`, page, text: bytes.toString('utf16le'), kind: 'bytes' });
    const swapped = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
    forms.push({ where: `${where} (utf-16be)`, page, text: swapped.swap16().toString('utf16le'), kind: 'bytes' });
  }
  if (latin1.includes('(') || latin1.includes('<')) {
    // Joined without a separator (glyph pieces and kerned parts rebuild words), and with one
    // (whole strings, for short values that must stand as a token).
    const operands = stringOperands(latin1);
    forms.push({ where: `${where} (string operands)`, page, text: operands.join(''), kind: 'strings' });
    forms.push({ where: `${where} (strings)`, page, text: operands.join(' '), kind: 'strings' });
  }
  return forms;
}

function looksUtf16(bytes: Buffer): boolean {
  if (bytes.length < 4) return false;
  let zeros = 0;
  const sample = Math.min(bytes.length, 65536);
  for (let i = 0; i < sample; i++) if (bytes[i] === 0) zeros++;
  return zeros / sample > 0.2;
}

/**
 * Every `stream … endstream` body in the file, inflated when it is Flate data, and the file
 * with those bodies (and image samples) blanked out, which is searched as bytes on its own.
 */
function rawStreams(file: Buffer): { inflated: Buffer[]; outside: Buffer } {
  const inflated: Buffer[] = [];
  // The file minus the stream bodies searched elsewhere: kept small, it is normalised as text.
  const outside: Buffer[] = [];
  let kept = 0;
  const cut = (start: number, end: number) => {
    outside.push(file.subarray(kept, start), Buffer.from(' '));
    kept = end;
  };
  let from = 0;
  for (;;) {
    const at = file.indexOf('stream', from, 'latin1');
    if (at < 0) break;
    if (file.subarray(Math.max(0, at - 3), at).toString('latin1') === 'end') {
      from = at + 6;
      continue;
    }
    let start = at + 6;
    if (file[start] === 0x0d) start++;
    if (file[start] === 0x0a) start++;
    const end = file.indexOf('endstream', start, 'latin1');
    if (end < 0) break;
    const body = file.subarray(start, end);
    if (isImageDict(file, at)) {
      cut(start, end);
    } else {
      try {
        inflated.push(inflateSync(body, { finishFlush: constants.Z_SYNC_FLUSH }));
        cut(start, end);
      } catch {
        // Not Flate: stays in the bytes searched as they are.
      }
    }
    from = end + 9;
  }
  outside.push(file.subarray(kept));
  return { inflated, outside: Buffer.concat(outside) };
}

/** Whether the dictionary just before a `stream` keyword declares an image. */
function isImageDict(file: Buffer, streamAt: number): boolean {
  const window = file.subarray(Math.max(0, streamAt - 4096), streamAt).toString('latin1');
  const dict = window.slice(window.lastIndexOf(' obj') + 1);
  return /\/Subtype\s*\/Image\b/.test(dict);
}

function collectStrings(object: PDFObject | undefined, out: string[]): void {
  if (object instanceof PDFString || object instanceof PDFHexString) out.push(object.decodeText());
  else if (object instanceof PDFName) out.push(object.decodeText());
  else if (object instanceof PDFDict)
    for (const [key, value] of object.entries()) {
      out.push(key.decodeText());
      collectStrings(value, out);
    }
  else if (object instanceof PDFArray) for (let i = 0; i < object.size(); i++) collectStrings(object.get(i), out);
  else if (object instanceof PDFStream) collectStrings(object.dict, out);
}

/** Which page each content stream and XObject belongs to, so a finding can name its page. */
function pageMap(doc: PDFDocument): Map<string, number> {
  const map = new Map<string, number>();
  doc.getPages().forEach((page, index) => {
    const pageNo = index + 1;
    map.set(page.ref.toString(), pageNo);
    const contents = page.node.get(PDFName.of('Contents'));
    if (contents instanceof PDFRef) map.set(contents.toString(), pageNo);
    if (contents instanceof PDFArray) for (let i = 0; i < contents.size(); i++) map.set(String(contents.get(i)), pageNo);
    const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'));
    if (xobjects instanceof PDFDict)
      for (const [, ref] of xobjects.entries()) if (ref instanceof PDFRef && !map.has(ref.toString())) map.set(ref.toString(), pageNo);
  });
  return map;
}
