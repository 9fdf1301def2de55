// Scanned pages as documents. A PNG, JPEG or TIFF file is imported as a PDF made of its images,
// one page per image (per TIFF frame), the way img2pdf (OCRmyPDF's first step) does it: the page
// is as large as the image at its resolution (300 dpi when the file gives none, or an implausible
// one), the image is embedded without re-compressing it where PDF can hold it as it is, and every
// page needs OCR. The PDF is what the project stores, so the page view, the OCR job and the
// redacted-PDF export read an image exactly as they read a scanned PDF.
//
//   PNG   IHDR/PLTE/IDAT/pHYs read here (chunk lengths and CRCs checked, IEND required). Grey,
//         RGB and palette images of up to 8 bits without transparency go into the PDF as they are:
//         their IDAT stream is a FlateDecode stream with the PNG predictors (/Predictor 15), so the
//         pixels are the file's, byte for byte. Its zlib stream is inflated once here (native
//         zlib, streamed, never held) to check it is whole. Others (alpha, 16-bit, interlaced):
//         decoded and re-encoded losslessly by pdf-lib's embedPng (16-bit becomes 8-bit).
//   JPEG  Markers walked up to EOI (a truncated file has none); the file is embedded as it is
//         (/DCTDecode), so nothing is re-compressed. JFIF or EXIF density; EXIF orientation.
//   TIFF  Image directories read here, bounded (the chain is followed once, loops refused, tag
//         values must lie inside the file), each frame checked before any pixel is decoded.
//         CCITT G3/G4 (fax, most bilevel scans) and JPEG strips go into the PDF as they are
//         (/CCITTFaxDecode, /DCTDecode), one image per strip or tile; uncompressed, LZW, Deflate
//         and PackBits frames are decoded by utif2 and stored losslessly as /FlateDecode.
//
// Every refusal is an IngestError; limits (limits.ts) are checked from the headers, before any
// pixel is decoded: pixels per image (decompression bombs) and frames per TIFF.
import { once } from 'node:events';
import { createInflate, crc32, deflateSync, inflateSync } from 'node:zlib';
import { concatTransformationMatrix, drawObject, PDFDocument, PDFHexString, popGraphicsState, pushGraphicsState, type PDFOperator, type PDFRef } from 'pdf-lib';
import UTIF, { type IFD } from 'utif2';
import { CancelledError, throwIfCancelled } from '../jobs/jobs.ts';
import type { NewPage } from '../store/queries/pages.ts';
import { IngestError } from './ingest-error.ts';
import { limit, limitError } from './limits.ts';
import { MEDIA_TYPES, type ExtractedDocument } from './types.ts';

export type ImageKind = 'png' | 'jpeg' | 'tiff';

export function isImageKind(kind: string): kind is ImageKind {
  return kind === 'png' || kind === 'jpeg' || kind === 'tiff';
}

export interface ImageOptions {
  /** Checked between frames: a cancelled import stops within a frame. */
  signal?: AbortSignal;
}

/** The document (every page needing OCR) and the PDF to store as its bytes. */
export interface ExtractedImage {
  doc: ExtractedDocument;
  pdf: Uint8Array;
}

/** Resolution assumed when the file gives none, or one outside PLAUSIBLE_DPI. */
export const DEFAULT_DPI = 300;
const PLAUSIBLE_DPI = [50, 4800] as const;

const LABEL: Record<ImageKind, string> = { png: 'PNG', jpeg: 'JPEG', tiff: 'TIFF' };

interface Dpi {
  x: number;
  y: number;
  fromFile: boolean;
}

/** A part of a frame placed as its own image: strips and tiles of CCITT and JPEG TIFFs; else the whole frame. */
interface Piece {
  ref: PDFRef;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One page to be: its image's size, resolution and orientation, checked; its pixels are embedded later, one frame at a time. */
interface Frame {
  width: number;
  height: number;
  dpi: Dpi;
  /** EXIF/TIFF orientation, 1-8 (1: as stored). */
  orientation: number;
  embed(pdf: PDFDocument): Promise<Piece[]>;
}

interface ImageSource {
  frames: Frame[];
  warnings: string[];
  details: Record<string, unknown>;
}

/**
 * Reads an image file into a PDF of its images, one page per image (per TIFF frame). The file's
 * content decides the format; a name that says otherwise is a warning. Refusals (IngestError):
 * not an image, truncated or damaged, over a limit, a kind of image Docket cannot embed.
 */
export async function extractImage(name: string, bytes: Uint8Array, kind: ImageKind, options: ImageOptions = {}): Promise<ExtractedImage> {
  const actual = sniff(bytes);
  if (actual === null) throw notAnImage(kind, bytes);
  const maxPixels = limit('imagePixels');
  const source = actual === 'png' ? await readPng(bytes, maxPixels, options.signal) : actual === 'jpeg' ? readJpeg(bytes, maxPixels) : readTiff(bytes, maxPixels, limit('tiffFrames'));
  const warnings: string[] = [];
  if (actual !== kind) {
    const dot = name.lastIndexOf('.');
    warnings.push(`it is named ${dot >= 0 ? name.slice(dot) : name} but is a ${LABEL[actual]} image; imported as ${LABEL[actual]}.`);
  }
  warnings.push(...source.warnings);
  const { pdf, pages } = await assemble(source.frames, options.signal);
  const first = source.frames[0]!;
  const count = pages.length;
  warnings.push(`it is a scanned image: ${count === 1 ? 'its page has' : `its ${count} pages have`} no text until OCR reads ${count === 1 ? 'it' : 'them'}.`);
  const metadata = {
    source: {
      format: actual,
      mediaType: MEDIA_TYPES[actual],
      frames: count,
      pixelWidth: first.width,
      pixelHeight: first.height,
      dpi: first.dpi.x,
      ...(first.dpi.y !== first.dpi.x ? { dpiY: first.dpi.y } : {}),
      dpiFromFile: first.dpi.fromFile,
      ...(first.orientation !== 1 ? { orientation: first.orientation } : {}),
      ...source.details,
    },
  };
  const doc: ExtractedDocument = { name, text: '', mediaType: MEDIA_TYPES.pdf, partKey: '', pageCount: count, status: 'needs_ocr', warnings, metadata, pages };
  return { doc, pdf };
}

// ---------------------------------------------------------------------------------------------
// Formats, errors, resolution

function sniff(b: Uint8Array): ImageKind | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(b, [0x49, 0x49, 0x2b, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2b])) return 'tiff'; // BigTIFF: refused by readTiff with its own reason
  return null;
}

function startsWith(b: Uint8Array, prefix: number[]): boolean {
  return b.length >= prefix.length && prefix.every((v, i) => b[i] === v);
}

function notAnImage(kind: ImageKind, b: Uint8Array): IngestError {
  const ascii = (n: number) => String.fromCharCode(...b.subarray(0, n));
  let looks: string | null = null;
  if (ascii(5) === '%PDF-') looks = 'a PDF: rename it to .pdf';
  else if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) looks = 'a ZIP archive (a DOCX?): rename it to what it is';
  else if (ascii(4) === 'GIF8') looks = 'a GIF image, which Docket does not import: convert it to PNG';
  else if (ascii(2) === 'BM') looks = 'a BMP image, which Docket does not import: convert it to PNG';
  else if (ascii(4) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP') looks = 'a WebP image, which Docket does not import: convert it to PNG';
  else if (String.fromCharCode(...b.subarray(4, 8)) === 'ftyp') looks = 'a HEIC/AVIF image or a video, which Docket does not import: convert it to JPEG or PNG';
  const reason = looks ? `it looks like ${looks}` : 'its first bytes are not those of a PNG, JPEG or TIFF image: it is damaged or not an image';
  return new IngestError('not_image', `it is named as a ${LABEL[kind]} image but is not one (${reason}).`);
}

function damaged(kind: ImageKind, detail: string): IngestError {
  return new IngestError('corrupt', `the ${LABEL[kind]} image is damaged: ${detail}. Re-export or re-scan it and import it again.`);
}

function truncated(kind: ImageKind, detail: string): IngestError {
  return new IngestError('corrupt', `the ${LABEL[kind]} file is truncated: ${detail} (an interrupted copy or download?). Copy or download it again.`);
}

function unsupported(kind: ImageKind, detail: string, fix: string): IngestError {
  return new IngestError('unsupported', `the ${LABEL[kind]} image ${detail}, which Docket cannot import. ${fix}`);
}

function checkSize(kind: ImageKind, width: number, height: number, maxPixels: number, where = ''): void {
  if (!(width > 0 && height > 0)) throw damaged(kind, `${where}its header gives a size of ${width} × ${height} pixels: there is no image`);
  if (width * height > maxPixels) throw limitError('imagePixels', width * height, maxPixels, `${where}${width.toLocaleString('en-US')} × ${height.toLocaleString('en-US')} pixels`);
}

/** The file's resolution when plausible, else DEFAULT_DPI on both axes. */
function resolution(x: number | undefined, y: number | undefined): Dpi {
  const yy = y ?? x;
  const ok = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v) && v >= PLAUSIBLE_DPI[0] && v <= PLAUSIBLE_DPI[1];
  if (!ok(x) || !ok(yy)) return { x: DEFAULT_DPI, y: DEFAULT_DPI, fromFile: false };
  return { x: round2(x), y: round2(yy), fromFile: true };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** dots per inch from a count per `unit`: 'inch', 'cm' or 'm' (anything else: no physical size). */
function perInch(value: number, unit: 'inch' | 'cm' | 'm' | null): number | undefined {
  if (unit === null || !Number.isFinite(value) || value <= 0) return undefined;
  return unit === 'inch' ? value : unit === 'cm' ? value * 2.54 : value * 0.0254;
}

// ---------------------------------------------------------------------------------------------
// The PDF

/**
 * Where the image's unit square goes on the page, per orientation, as fractions of the page:
 * x = α·u + β·v + γ, y = δ·u + ε·v + ζ (u rightwards and v upwards in the image as stored; x, y
 * in PDF page space). Orientations 5-8 turn the image a quarter, so the page is as wide as the
 * image is high. Derived from EXIF's meaning of each value (where the stored row 0 and column 0
 * are seen).
 */
const ORIENTATION: Record<number, readonly [number, number, number, number, number, number]> = {
  1: [1, 0, 0, 0, 1, 0],
  2: [-1, 0, 1, 0, 1, 0],
  3: [-1, 0, 1, 0, -1, 1],
  4: [1, 0, 0, 0, -1, 1],
  5: [0, -1, 1, -1, 0, 1],
  6: [0, 1, 0, -1, 0, 1],
  7: [0, 1, 0, 1, 0, 0],
  8: [0, -1, 1, 1, 0, 0],
};

async function assemble(frames: Frame[], signal: AbortSignal | undefined): Promise<{ pdf: Uint8Array; pages: NewPage[] }> {
  // No Info dictionary (dates, producer): the same image gives the same PDF.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const pages: NewPage[] = [];
  for (const [index, frame] of frames.entries()) {
    await new Promise((resolve) => setImmediate(resolve));
    if (signal) throwIfCancelled(signal);
    const pieces = await frame.embed(pdf);
    const imageW = (frame.width / frame.dpi.x) * 72;
    const imageH = (frame.height / frame.dpi.y) * 72;
    const turned = frame.orientation >= 5;
    const width = round2(turned ? imageH : imageW);
    const height = round2(turned ? imageW : imageH);
    const [a, b, c, d, e, f] = ORIENTATION[frame.orientation] ?? ORIENTATION[1]!;
    const page = pdf.addPage([width, height]);
    const ops: PDFOperator[] = [pushGraphicsState(), concatTransformationMatrix(a * width, d * height, b * width, e * height, c * width, f * height)];
    for (const piece of pieces) {
      const name = page.node.newXObject('Im', piece.ref);
      const whole = piece.x === 0 && piece.y === 0 && piece.w === frame.width && piece.h === frame.height;
      if (whole) ops.push(drawObject(name));
      else {
        // A strip or tile: its rectangle of the frame, in the unit square (v upwards, row 0 at the top).
        const W = frame.width;
        const H = frame.height;
        ops.push(pushGraphicsState(), concatTransformationMatrix(piece.w / W, 0, 0, piece.h / H, piece.x / W, 1 - (piece.y + piece.h) / H), drawObject(name), popGraphicsState());
      }
    }
    ops.push(popGraphicsState());
    page.pushOperators(...ops);
    pages.push({ pageNo: index + 1, width, height, rotation: 0, textStart: 0, textEnd: 0, needsOcr: true, runs: [] });
  }
  return { pdf: await pdf.save({ useObjectStreams: false }), pages };
}

type Dict = Parameters<PDFDocument['context']['stream']>[1];

function imageStream(pdf: PDFDocument, contents: Uint8Array, dict: NonNullable<Dict>): PDFRef {
  return pdf.context.register(pdf.context.stream(contents, { Type: 'XObject', Subtype: 'Image', ...dict }));
}

function indexed(pdf: PDFDocument, palette: Uint8Array) {
  return pdf.context.obj(['Indexed', 'DeviceRGB', palette.length / 3 - 1, PDFHexString.of(Buffer.from(palette).toString('hex'))]);
}

// ---------------------------------------------------------------------------------------------
// PNG

const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const PNG_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

async function readPng(bytes: Uint8Array, maxPixels: number, signal: AbortSignal | undefined): Promise<ImageSource> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: { width: number; height: number; depth: number; colour: number; interlaced: boolean } | null = null;
  let palette: Uint8Array | null = null;
  let transparency = false;
  let animated = false;
  let dpi: Dpi = resolution(undefined, undefined);
  const idat: Uint8Array[] = [];
  let pos = 8;
  for (;;) {
    if (pos + 8 > bytes.length) throw truncated('png', header ? 'it ends before its end chunk (IEND)' : 'it ends inside its header');
    const length = view.getUint32(pos);
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) throw damaged('png', `a chunk at byte ${pos} has an invalid ${length > 0x7fffffff ? 'length' : 'type'}`);
    if (pos + 12 + length > bytes.length) throw truncated('png', `it ends inside its ${type} chunk`);
    const data = bytes.subarray(pos + 8, pos + 8 + length);
    const critical = (bytes[pos + 4]! & 0x20) === 0;
    if (crc32(bytes.subarray(pos + 4, pos + 8 + length)) !== view.getUint32(pos + 8 + length)) {
      // libpng's rule: a damaged critical chunk is an error, a damaged ancillary one is ignored.
      if (critical) throw damaged('png', `its ${type} chunk fails its checksum (CRC)`);
      pos += 12 + length;
      continue;
    }
    if (header === null && type !== 'IHDR') throw damaged('png', 'it does not start with a header chunk (IHDR)');
    pos += 12 + length;
    if (type === 'IHDR') {
      if (header !== null) continue;
      if (length !== 13) throw damaged('png', 'its header chunk (IHDR) has the wrong length');
      const width = view.getUint32(data.byteOffset - bytes.byteOffset);
      const height = view.getUint32(data.byteOffset - bytes.byteOffset + 4);
      const [depth, colour, compression, filter, interlace] = [data[8]!, data[9]!, data[10]!, data[11]!, data[12]!];
      // The size first: a 50 KB file may claim 50,000 × 50,000 pixels, refused before anything is inflated.
      checkSize('png', width, height, maxPixels);
      if (!PNG_DEPTHS[colour]?.includes(depth) || compression !== 0 || filter !== 0 || interlace > 1) {
        throw damaged('png', `its header gives an impossible format (colour type ${colour}, bit depth ${depth})`);
      }
      header = { width, height, depth, colour, interlaced: interlace === 1 };
    } else if (type === 'PLTE') {
      if (length === 0 || length % 3 !== 0 || length / 3 > 256) throw damaged('png', 'its palette (PLTE) has an invalid length');
      palette = data;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'tRNS') transparency = true;
    else if (type === 'acTL') animated = true;
    else if (type === 'pHYs' && length === 9 && data[8] === 1) {
      const at = data.byteOffset - bytes.byteOffset;
      dpi = resolution(perInch(view.getUint32(at), 'm'), perInch(view.getUint32(at + 4), 'm'));
    } else if (type === 'IEND') break;
  }
  const h = header!;
  if (idat.length === 0) throw damaged('png', 'it has no image data (no IDAT chunk)');
  if (h.colour === 3 && palette === null) throw damaged('png', 'it is a palette image without a palette (PLTE)');
  await checkPngData(idat, h, signal);
  const warnings = animated ? ['it is an animated PNG: only its first image is imported.'] : [];
  // As it is when PDF can hold it: FlateDecode with the PNG predictors is exactly PNG's IDAT.
  const direct = !h.interlaced && h.depth <= 8 && (h.colour === 0 || h.colour === 2 || h.colour === 3) && !transparency;
  const frame: Frame = {
    width: h.width,
    height: h.height,
    dpi,
    orientation: 1,
    async embed(pdf) {
      if (direct) {
        const colorSpace = h.colour === 0 ? 'DeviceGray' : h.colour === 2 ? 'DeviceRGB' : indexed(pdf, palette!);
        const ref = imageStream(pdf, Buffer.concat(idat), {
          Width: h.width,
          Height: h.height,
          ColorSpace: colorSpace,
          BitsPerComponent: h.depth,
          Filter: 'FlateDecode',
          DecodeParms: { Predictor: 15, Colors: PNG_CHANNELS[h.colour]!, BitsPerComponent: h.depth, Columns: h.width },
        });
        return [{ ref, x: 0, y: 0, w: h.width, h: h.height }];
      }
      try {
        const image = await pdf.embedPng(bytes);
        return [{ ref: image.ref, x: 0, y: 0, w: h.width, h: h.height }];
      } catch (error) {
        if (/animated/i.test((error as Error).message)) throw unsupported('png', 'is animated and has transparency', 'Save its first frame as a PNG and import that.');
        throw damaged('png', `its pixels cannot be decoded (${(error as Error).message})`);
      }
    },
  };
  return { frames: [frame], warnings, details: { ...(direct ? {} : { reencoded: true }) } };
}

/**
 * Inflates the zlib stream of the IDAT chunks once, streamed (native zlib, nothing held), and
 * checks it holds exactly the rows the header promises, each starting with a valid filter type.
 */
async function checkPngData(idat: Uint8Array[], h: { width: number; height: number; depth: number; colour: number; interlaced: boolean }, signal: AbortSignal | undefined): Promise<void> {
  const bits = PNG_CHANNELS[h.colour]! * h.depth;
  const rowBytes = (w: number) => 1 + Math.ceil((w * bits) / 8);
  let expected = 0;
  if (!h.interlaced) expected = h.height * rowBytes(h.width);
  else {
    // Adam7: seven passes, each a smaller image of its own rows.
    for (const [x0, y0, dx, dy] of [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const) {
      const w = Math.ceil((h.width - x0) / dx);
      const rows = Math.ceil((h.height - y0) / dy);
      if (w > 0 && rows > 0) expected += rows * rowBytes(w);
    }
  }
  const stride = h.interlaced ? 0 : rowBytes(h.width);
  let seen = 0;
  const inflate = createInflate();
  inflate.on('data', (chunk: Buffer) => {
    let problem: string | null = null;
    if (stride > 0) {
      for (let i = (stride - (seen % stride)) % stride; i < chunk.length; i += stride) {
        if (chunk[i]! > 4) {
          problem = `row ${Math.floor((seen + i) / stride) + 1} has an invalid filter type`;
          break;
        }
      }
    }
    seen += chunk.length;
    if (seen > expected) problem ??= 'it holds more pixel data than its size';
    if (problem) inflate.destroy(new Error(problem));
  });
  const finished = new Promise<void>((resolve, reject) => {
    inflate.on('end', resolve);
    inflate.on('error', reject);
  });
  finished.catch(() => {}); // awaited below; a failure while writing must not also surface as unhandled
  try {
    for (const part of idat) {
      if (!inflate.write(part)) await Promise.race([once(inflate, 'drain'), finished]);
      if (signal) throwIfCancelled(signal);
    }
    inflate.end();
    await finished;
  } catch (error) {
    inflate.destroy();
    if (error instanceof CancelledError) throw error;
    const message = (error as Error).message;
    if (/unexpected end of file/i.test(message)) throw truncated('png', 'its compressed pixel data ends early');
    throw damaged('png', `its compressed pixel data cannot be read (${message})`);
  }
  if (seen < expected) throw damaged('png', `it holds ${seen.toLocaleString('en-US')} bytes of pixel data where its size needs ${expected.toLocaleString('en-US')}`);
}

// ---------------------------------------------------------------------------------------------
// JPEG

interface JpegInfo {
  width: number;
  height: number;
  components: number;
  /** Bytes up to and including EOI. */
  end: number;
  dpi: Dpi;
  orientation: number;
  adobe: boolean;
}

/** SOF markers pdf.js decodes: baseline, extended and progressive Huffman, 8-bit. */
const JPEG_READABLE = new Set([0xc0, 0xc1, 0xc2]);
const JPEG_KINDS: Record<number, string> = { 0xc3: 'lossless', 0xc5: 'hierarchical', 0xc6: 'hierarchical', 0xc7: 'hierarchical', 0xc9: 'arithmetic-coded', 0xca: 'arithmetic-coded', 0xcb: 'arithmetic-coded', 0xcd: 'hierarchical arithmetic-coded', 0xce: 'hierarchical arithmetic-coded', 0xcf: 'hierarchical arithmetic-coded' };

/**
 * Walks a JPEG's markers from SOI to EOI: segment lengths must fit in the file, the entropy-coded
 * data after each SOS is skipped up to the next marker, and a file that ends before EOI is
 * truncated. Nothing is decoded. `where` prefixes messages (a TIFF strip).
 */
function walkJpeg(bytes: Uint8Array, kind: ImageKind, where = ''): JpegInfo {
  const n = bytes.length;
  if (n < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) throw damaged(kind, `${where}it does not start with a JPEG start-of-image marker`);
  let pos = 2;
  let sof: { marker: number; precision: number; height: number; width: number; components: number } | null = null;
  let scans = 0;
  let jfif: Dpi | null = null;
  let exif: { dpi: Dpi | null; orientation: number } | null = null;
  let adobe = false;
  for (;;) {
    // A marker: 0xFF (fill bytes may repeat it) and a code. Stray bytes before it are skipped, as libjpeg does.
    let at = bytes.indexOf(0xff, pos);
    if (at < 0) throw truncated(kind, `${where}it ends before its end-of-image marker`);
    while (at < n && bytes[at] === 0xff) at++;
    if (at >= n) throw truncated(kind, `${where}it ends before its end-of-image marker`);
    const marker = bytes[at]!;
    pos = at + 1;
    if (marker === 0xd9) break;
    if (marker === 0x00 || marker === 0x01 || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (pos + 2 > n) throw truncated(kind, `${where}it ends inside a marker segment`);
    const length = (bytes[pos]! << 8) | bytes[pos + 1]!;
    if (length < 2) throw damaged(kind, `${where}a marker segment has the invalid length ${length}`);
    if (pos + length > n) throw truncated(kind, `${where}it ends inside a marker segment`);
    const body = bytes.subarray(pos + 2, pos + length);
    pos += length;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (sof === null) {
        if (body.length < 6) throw damaged(kind, `${where}its frame header (SOF) is too short`);
        sof = { marker, precision: body[0]!, height: (body[1]! << 8) | body[2]!, width: (body[3]! << 8) | body[4]!, components: body[5]! };
      }
    } else if (marker === 0xda) {
      if (sof === null) throw damaged(kind, `${where}its image data comes before its frame header`);
      scans++;
      pos = skipEntropyData(bytes, pos, () => truncated(kind, `${where}it ends inside its image data, before its end-of-image marker`));
    } else if (marker === 0xe0 && ascii(body, 0, 5) === 'JFIF\0' && body.length >= 12) {
      const unit = body[7] === 1 ? 'inch' : body[7] === 2 ? 'cm' : null;
      jfif = unit ? resolution(perInch((body[8]! << 8) | body[9]!, unit), perInch((body[10]! << 8) | body[11]!, unit)) : null;
      if (jfif && !jfif.fromFile) jfif = null;
    } else if (marker === 0xe1 && ascii(body, 0, 6) === 'Exif\0\0' && exif === null) {
      exif = readExif(body.subarray(6));
    } else if (marker === 0xee && ascii(body, 0, 5) === 'Adobe') adobe = true;
  }
  if (sof === null) throw damaged(kind, `${where}it has no frame header (SOF)`);
  if (scans === 0) throw damaged(kind, `${where}it has no image data`);
  const fix = 'Open it and save it again as an ordinary (baseline) JPEG or as PNG, and import that.';
  if (!JPEG_READABLE.has(sof.marker)) throw unsupported(kind, `${where.replace(/: $/, ' ')}is a ${JPEG_KINDS[sof.marker] ?? 'rare kind of'} JPEG`, fix);
  if (sof.precision !== 8) throw unsupported(kind, `${where.replace(/: $/, ' ')}has ${sof.precision}-bit JPEG samples`, fix);
  if (![1, 3, 4].includes(sof.components)) throw unsupported(kind, `${where.replace(/: $/, ' ')}has ${sof.components} colour components`, fix);
  const dpi = jfif ?? exif?.dpi ?? resolution(undefined, undefined);
  return { width: sof.width, height: sof.height, components: sof.components, end: pos, dpi, orientation: exif?.orientation ?? 1, adobe };
}

/** From just after an SOS segment to the 0xFF of the next marker (byte stuffing and restart markers skipped). */
function skipEntropyData(bytes: Uint8Array, pos: number, ended: () => IngestError): number {
  for (;;) {
    const at = bytes.indexOf(0xff, pos);
    if (at < 0 || at + 1 >= bytes.length) throw ended();
    const next = bytes[at + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) pos = at + 2;
    else if (next === 0xff) pos = at + 1;
    else return at;
  }
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

/** Orientation and resolution from an EXIF block (a small TIFF); a damaged one is ignored, not fatal. */
function readExif(tiff: Uint8Array): { dpi: Dpi | null; orientation: number } | null {
  try {
    const reader = tiffReader(tiff);
    if (reader === null || reader.u16(2) !== 42) return null;
    const tags = readDirectory(reader, reader.u32(4)).tags;
    const dpi = tiffResolution(tags);
    return { dpi: dpi.fromFile ? dpi : null, orientation: orientationOf(tags) };
  } catch {
    return null;
  }
}

function readJpeg(bytes: Uint8Array, maxPixels: number): ImageSource {
  // The size is in the frame header near the start; check it before walking the whole file.
  const info = walkJpeg(bytes, 'jpeg');
  checkSize('jpeg', info.width, info.height, maxPixels);
  const frame: Frame = {
    width: info.width,
    height: info.height,
    dpi: info.dpi,
    orientation: info.orientation,
    async embed(pdf) {
      return [{ ref: jpegStream(pdf, bytes.subarray(0, info.end), info), x: 0, y: 0, w: info.width, h: info.height }];
    },
  };
  return { frames: [frame], warnings: [], details: {} };
}

function jpegStream(pdf: PDFDocument, data: Uint8Array, info: Pick<JpegInfo, 'width' | 'height' | 'components' | 'adobe'>, extra: Record<string, unknown> = {}): PDFRef {
  return imageStream(pdf, data, {
    Width: info.width,
    Height: info.height,
    ColorSpace: info.components === 1 ? 'DeviceGray' : info.components === 3 ? 'DeviceRGB' : 'DeviceCMYK',
    BitsPerComponent: 8,
    Filter: 'DCTDecode',
    // Adobe's CMYK JPEGs store ink inverted (as pdf-lib and img2pdf do).
    ...(info.components === 4 && info.adobe ? { Decode: [1, 0, 1, 0, 1, 0, 1, 0] } : {}),
    ...extra,
  });
}

// ---------------------------------------------------------------------------------------------
// TIFF directories (also EXIF's)

interface TiffReader {
  bytes: Uint8Array;
  le: boolean;
  u16(at: number): number;
  u32(at: number): number;
}

function tiffReader(bytes: Uint8Array): TiffReader | null {
  const le = bytes[0] === 0x49 && bytes[1] === 0x49;
  if (!le && !(bytes[0] === 0x4d && bytes[1] === 0x4d)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { bytes, le, u16: (at) => view.getUint16(at, le), u32: (at) => view.getUint32(at, le) };
}

/** Tag values as utif2 keeps them: "t<tag>" → numbers, [numerator, denominator] pairs, bytes or [string]. */
type TagValue = number[] | Array<[number, number]> | Uint8Array | string[];
type Tags = Record<string, TagValue>;

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
/** Values one tag may hold: more than any real file (a strip per row of a 100-megapixel image), far below what would exhaust memory. */
const MAX_TAG_VALUES = 1 << 24;

class OutsideFile extends Error {}

/**
 * One image file directory: its entries (12 bytes each) and the offset of the next. Values must
 * lie inside the file; one that does not is left out and noted (`outside`), so a truncated file
 * is named as such when a tag it needs is missing.
 */
function readDirectory(r: TiffReader, offset: number): { tags: Tags; next: number; outside: boolean } {
  const size = r.bytes.length;
  if (offset < 8 || offset + 2 > size) throw new OutsideFile();
  const count = r.u16(offset);
  if (offset + 2 + count * 12 > size) throw new OutsideFile();
  const tags: Tags = {};
  let outside = false;
  for (let i = 0; i < count; i++) {
    const entry = offset + 2 + i * 12;
    const tag = r.u16(entry);
    const type = r.u16(entry + 2);
    const n = r.u32(entry + 4);
    const width = TYPE_SIZE[type];
    if (width === undefined || n === 0) continue;
    if (n > MAX_TAG_VALUES) {
      outside = true;
      continue;
    }
    const at = n * width <= 4 ? entry + 8 : r.u32(entry + 8);
    if (at + n * width > size) {
      outside = true;
      continue;
    }
    tags[`t${tag}`] = tagValues(r, type, at, n);
  }
  const nextAt = offset + 2 + count * 12;
  const next = nextAt + 4 <= size ? r.u32(nextAt) : 0;
  return { tags, next, outside };
}

function tagValues(r: TiffReader, type: number, at: number, n: number): TagValue {
  const view = new DataView(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
  const le = r.le;
  const list = <T>(width: number, read: (p: number) => T): T[] => Array.from({ length: n }, (_, i) => read(at + i * width));
  switch (type) {
    case 1:
    case 6:
    case 7:
      return r.bytes.subarray(at, at + n);
    case 2: {
      const text = r.bytes.subarray(at, at + n);
      const nul = text.indexOf(0);
      return [String.fromCharCode(...text.subarray(0, nul < 0 ? n : nul).subarray(0, 4096))];
    }
    case 3:
      return list(2, (p) => view.getUint16(p, le));
    case 8:
      return list(2, (p) => view.getInt16(p, le));
    case 4:
    case 13:
      return list(4, (p) => view.getUint32(p, le));
    case 9:
      return list(4, (p) => view.getInt32(p, le));
    case 5:
      return list(8, (p) => [view.getUint32(p, le), view.getUint32(p + 4, le)] as [number, number]);
    case 10:
      return list(8, (p) => [view.getInt32(p, le), view.getInt32(p + 4, le)] as [number, number]);
    case 11:
      return list(4, (p) => view.getFloat32(p, le));
    default:
      return list(8, (p) => view.getFloat64(p, le));
  }
}

function num(tags: Tags, tag: number): number | undefined {
  const v = tags[`t${tag}`];
  const first = v?.[0];
  return typeof first === 'number' ? first : undefined;
}

function nums(tags: Tags, tag: number): number[] | undefined {
  const v = tags[`t${tag}`];
  return Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : undefined;
}

function rational(tags: Tags, tag: number): number | undefined {
  const v = tags[`t${tag}`]?.[0];
  if (Array.isArray(v)) return v[1] === 0 ? undefined : v[0] / v[1];
  return typeof v === 'number' ? v : undefined;
}

function tiffResolution(tags: Tags): Dpi {
  const unitTag = num(tags, 296) ?? 2;
  const unit = unitTag === 2 ? 'inch' : unitTag === 3 ? 'cm' : null;
  const x = rational(tags, 282);
  const y = rational(tags, 283);
  return resolution(x === undefined ? undefined : perInch(x, unit), y === undefined ? undefined : perInch(y, unit));
}

function orientationOf(tags: Tags): number {
  const o = num(tags, 274) ?? 1;
  return o >= 1 && o <= 8 ? o : 1;
}

// ---------------------------------------------------------------------------------------------
// TIFF frames

/** Compression schemes: embedded as they are (CCITT, JPEG), or decoded by utif2. */
const CCITT = new Set([2, 3, 4]);
const DECODED = new Set([1, 5, 8, 32946, 32773]);
const COMPRESSION_NAMES: Record<number, string> = { 6: 'old-style JPEG', 7: 'JPEG', 9: 'JBIG', 10: 'JBIG2', 34661: 'JBIG', 34712: 'JPEG 2000', 34887: 'LERC', 34925: 'LZMA', 50000: 'Zstandard', 50001: 'WebP', 50002: 'JPEG XL' };
/** The tags utif2's decoders and toRGBA8 read for the schemes above: a directory is handed over with these only. */
const UTIF_TAGS = [256, 257, 258, 259, 262, 273, 277, 278, 279, 284, 317, 320, 322, 323, 324, 325, 338, 339];

interface Layout {
  /** Strips (x 0, the full width) or tiles, in the order of their offsets. */
  pieces: Array<{ x: number; y: number; w: number; h: number; offset: number; length: number }>;
  tiled: boolean;
}

function readTiff(bytes: Uint8Array, maxPixels: number, maxFrames: number): ImageSource {
  const r = tiffReader(bytes)!;
  const magic = r.u16(2);
  if (magic === 43) throw unsupported('tiff', 'is a BigTIFF (the format for files over 4 GB)', 'Save it as an ordinary TIFF, PNG or PDF and import that.');
  if (bytes.length < 8) throw truncated('tiff', 'it ends inside its header');
  // The chain of directories, followed once: a loop is damage, a long chain stops at the limit.
  const directories: Array<{ tags: Tags; outside: boolean }> = [];
  const visited = new Set<number>();
  let offset = r.u32(4);
  while (offset !== 0) {
    if (visited.has(offset)) throw damaged('tiff', 'its list of frames loops back on itself');
    visited.add(offset);
    if (directories.length >= maxFrames) throw limitError('tiffFrames', null, maxFrames);
    try {
      const directory = readDirectory(r, offset);
      directories.push(directory);
      offset = directory.next;
    } catch (error) {
      if (!(error instanceof OutsideFile)) throw error;
      if (directories.length === 0) throw offset >= bytes.length ? truncated('tiff', 'it ends before its first image directory') : damaged('tiff', 'its first image directory is outside the file');
      // A next-directory offset pointing outside the file: keep the frames read, as libtiff does.
      break;
    }
  }
  // Reduced-resolution copies (thumbnails) and transparency masks are not pages.
  const pages = directories.filter((d) => ((num(d.tags, 254) ?? 0) & 0b101) === 0 && num(d.tags, 255) !== 2);
  if (pages.length === 0) throw damaged('tiff', 'it holds no full-size image');
  // utif2 reads some schemes through the data's underlying buffer: give it one holding exactly the file.
  const file = (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : new Uint8Array(bytes).buffer) as ArrayBuffer;
  const frames = pages.map((d, index) => tiffFrame(bytes, file, d, pages.length > 1 ? `frame ${index + 1}: ` : '', maxPixels));
  const skipped = directories.length - pages.length;
  return { frames, warnings: [], details: skipped > 0 ? { skippedFrames: skipped } : {} };
}

/** Checks one frame from its directory alone (size, format, where its data lies); decoding waits for embed. */
function tiffFrame(bytes: Uint8Array, file: ArrayBuffer, directory: { tags: Tags; outside: boolean }, where: string, maxPixels: number): Frame {
  const tags = directory.tags;
  const width = num(tags, 256) ?? 0;
  const height = num(tags, 257) ?? 0;
  if ((width === 0 || height === 0) && directory.outside) throw truncated('tiff', `${where}its directory points past the end of the file`);
  checkSize('tiff', width, height, maxPixels, where);
  const compression = num(tags, 259) ?? 1;
  const depths = nums(tags, 258) ?? [1];
  const bps = depths[0]!;
  const spp = num(tags, 277) ?? 1;
  const photometric = num(tags, 262) ?? (spp >= 3 ? 2 : bps === 1 ? 0 : 1);
  const fix = 'Save it as PNG, or as a TIFF with LZW, Deflate or CCITT G4 compression, and import that.';
  const refuse = (what: string) => unsupported('tiff', `${where.replace(/: $/, ' ')}${what}`, fix);
  if (!CCITT.has(compression) && !DECODED.has(compression) && compression !== 7) {
    throw refuse(`is compressed with ${COMPRESSION_NAMES[compression] ?? `a scheme Docket does not know (TIFF compression ${compression})`}`);
  }
  if (!depths.every((d) => d === bps) || ![1, 2, 4, 8, 16].includes(bps)) throw refuse(`has ${depths.join('/')}-bit samples`);
  if ((num(tags, 339) ?? 1) !== 1) throw refuse('has signed or floating-point samples');
  if ((num(tags, 284) ?? 1) === 2 && spp > 1) throw refuse('stores its colour planes separately (PlanarConfiguration 2)');
  const predictor = num(tags, 317) ?? 1;
  if (predictor !== 1 && predictor !== 2) throw refuse('uses the floating-point predictor');
  const grey = (photometric === 0 || photometric === 1) && spp === 1;
  const colourOk =
    compression === 7
      ? bps === 8 && ((grey && photometric === 1) || (spp === 3 && (photometric === 2 || photometric === 6)) || (spp === 4 && photometric === 5))
      : CCITT.has(compression)
        ? grey && bps === 1
        : grey ||
          (photometric === 2 && (spp === 3 || spp === 4) && (bps === 8 || bps === 16)) ||
          (photometric === 3 && spp === 1 && bps <= 8 && (nums(tags, 320)?.length ?? 0) === 3 * 2 ** bps) ||
          (photometric === 5 && spp === 4 && bps === 8);
  if (!colourOk) throw refuse(`has a colour model Docket does not read (PhotometricInterpretation ${photometric}, ${spp} sample${spp === 1 ? '' : 's'} of ${bps} bits${CCITT.has(compression) ? ', CCITT' : compression === 7 ? ', JPEG' : ''})`);
  const layout = tiffLayout(bytes, tags, width, height, bps * spp, compression, where, directory.outside);
  const common = { width, height, dpi: tiffResolution(tags), orientation: orientationOf(tags) };
  if (CCITT.has(compression)) return { ...common, embed: async (pdf) => ccittPieces(pdf, bytes, tags, layout, compression, photometric) };
  if (compression === 7) {
    // Each strip is a JPEG of its own (with the shared tables of JPEGTables): check them all now.
    const tables = tags.t347 instanceof Uint8Array ? tags.t347 : null;
    const strips = layout.pieces.map((p, i) => {
      const data = withTables(bytes.subarray(p.offset, p.offset + p.length), tables);
      const info = walkJpeg(data, 'tiff', `${where}${layout.tiled ? 'tile' : 'strip'} ${i + 1}: `);
      if (info.width * info.height > p.w * p.h * 4 || info.width * info.height > maxPixels) throw damaged('tiff', `${where}${layout.tiled ? 'tile' : 'strip'} ${i + 1} holds a JPEG of ${info.width} × ${info.height} pixels, larger than its place`);
      return { data, info };
    });
    return {
      ...common,
      async embed(pdf) {
        return layout.pieces.map((p, i) => {
          const { data, info } = strips[i]!;
          // YCbCr is what a JPEG decoder converts by default; RGB-coded data must be left as it is.
          const ref = jpegStream(pdf, data, info, info.components === 3 && photometric === 2 ? { DecodeParms: { ColorTransform: 0 } } : {});
          return { ref, x: p.x, y: p.y, w: info.width, h: info.height };
        });
      },
    };
  }
  // Deflate strips are inflated by utif2 (pako) without an output bound: check each with native zlib first.
  if (compression === 8 || compression === 32946) {
    const rowBytes = Math.ceil((width * bps * spp) / 8);
    for (const [i, p] of layout.pieces.entries()) {
      const bound = (layout.tiled ? Math.ceil((p.w * bps * spp) / 8) : rowBytes) * p.h;
      try {
        inflateSync(bytes.subarray(p.offset, p.offset + p.length), { maxOutputLength: bound + 1024 });
      } catch (error) {
        const message = (error as Error).message;
        throw damaged('tiff', `${where}${layout.tiled ? 'tile' : 'strip'} ${i + 1}'s compressed data ${/buffer|larger|maxOutputLength/i.test(message) ? 'unpacks to more than its size' : `cannot be read (${message})`}`);
      }
    }
  }
  return { ...common, embed: async (pdf) => decodedPiece(pdf, file, tags, { width, height, bps, spp, photometric, compression }, where) };
}

/** Where the frame's strips or tiles lie; each must be inside the file (a truncated file's are not). */
function tiffLayout(bytes: Uint8Array, tags: Tags, width: number, height: number, bitsPerPixel: number, compression: number, where: string, outside: boolean): Layout {
  const rowBytes = (w: number) => Math.ceil((w * bitsPerPixel) / 8);
  const tileW = num(tags, 322);
  const tileH = num(tags, 323);
  const tiled = tileW !== undefined || tileH !== undefined;
  const offsets = nums(tags, tiled ? 324 : 273);
  let lengths = nums(tags, tiled ? 325 : 279);
  const what = tiled ? 'tile' : 'strip';
  const missing = () => (outside ? truncated('tiff', `${where}its directory points past the end of the file`) : damaged('tiff', `${where}it does not say where its image data is`));
  if (!offsets || offsets.length === 0) throw missing();
  const pieces: Layout['pieces'] = [];
  if (tiled) {
    if (!tileW || !tileH) throw damaged('tiff', `${where}its tile size is missing or 0`);
    const across = Math.ceil(width / tileW);
    const down = Math.ceil(height / tileH);
    if (offsets.length < across * down) throw damaged('tiff', `${where}it has ${offsets.length} tiles where its size needs ${across * down}`);
    for (let i = 0; i < across * down; i++) pieces.push({ x: (i % across) * tileW, y: Math.floor(i / across) * tileH, w: tileW, h: tileH, offset: offsets[i]!, length: lengths?.[i] ?? 0 });
  } else {
    const rows = Math.min(num(tags, 278) ?? height, height) || height;
    const count = Math.ceil(height / rows);
    if (offsets.length < count) throw damaged('tiff', `${where}it has ${offsets.length} strips where its height needs ${count}`);
    // utif2 reads an uncompressed single strip by its size, whatever its byte count says.
    if (compression === 1 && count === 1) lengths = [rowBytes(width) * height];
    for (let i = 0; i < count; i++) pieces.push({ x: 0, y: i * rows, w: width, h: Math.min(rows, height - i * rows), offset: offsets[i]!, length: lengths?.[i] ?? 0 });
  }
  if (!lengths || lengths.length < pieces.length) throw missing();
  for (const [i, p] of pieces.entries()) {
    if (p.length === 0 && compression !== 1) throw damaged('tiff', `${where}${what} ${i + 1} is empty`);
    if (p.offset + p.length > bytes.length) throw truncated('tiff', `${where}it ends inside ${what} ${i + 1} of ${pieces.length}`);
  }
  if (compression === 1) {
    // Uncompressed: each strip must hold all its rows.
    for (const [i, p] of pieces.entries()) {
      const need = rowBytes(p.w) * p.h;
      if (p.offset + need > bytes.length) throw truncated('tiff', `${where}it ends inside ${what} ${i + 1} of ${pieces.length}`);
    }
  }
  return { pieces, tiled };
}

/** A TIFF strip's JPEG with the frame's shared tables (JPEGTables: SOI, tables, EOI) put in front of it. */
function withTables(strip: Uint8Array, tables: Uint8Array | null): Uint8Array {
  if (!tables || tables.length < 4) return strip;
  const head = tables[tables.length - 2] === 0xff && tables[tables.length - 1] === 0xd9 ? tables.subarray(0, -2) : tables;
  const body = strip[0] === 0xff && strip[1] === 0xd8 ? strip.subarray(2) : strip;
  return Buffer.concat([head, body]);
}

const REVERSED_BITS = Uint8Array.from({ length: 256 }, (_, b) => {
  let r = 0;
  for (let i = 0; i < 8; i++) r |= ((b >> i) & 1) << (7 - i);
  return r;
});

/** CCITT fax strips as they are (/CCITTFaxDecode): nothing decoded here, pdf.js reads them when the page is drawn. */
function ccittPieces(pdf: PDFDocument, bytes: Uint8Array, tags: Tags, layout: Layout, compression: number, photometric: number): Piece[] {
  const reversed = num(tags, 266) === 2; // FillOrder 2: least significant bit first; PDF has no such option
  const t4 = num(tags, 292) ?? 0;
  return layout.pieces.map((p) => {
    let data = bytes.subarray(p.offset, p.offset + p.length);
    if (reversed) data = data.map((b) => REVERSED_BITS[b]!);
    const parms = {
      K: compression === 4 ? -1 : compression === 3 && (t4 & 1) === 1 ? 1 : 0,
      Columns: p.w,
      Rows: p.h,
      // TIFF's CCITT codes give "white" runs as 0 bits; with BlackIsZero (1) those are shown black.
      BlackIs1: photometric === 1,
      EncodedByteAlign: compression === 2 || (compression === 3 && (t4 & 4) === 4),
    };
    const ref = imageStream(pdf, data, { Width: p.w, Height: p.h, ColorSpace: 'DeviceGray', BitsPerComponent: 1, Filter: 'CCITTFaxDecode', DecodeParms: parms });
    return { ref, x: p.x, y: p.y, w: p.w, h: p.h };
  });
}

/** Uncompressed, LZW, Deflate and PackBits frames: decoded by utif2, stored losslessly as FlateDecode. */
function decodedPiece(
  pdf: PDFDocument,
  file: ArrayBuffer,
  tags: Tags,
  f: { width: number; height: number; bps: number; spp: number; photometric: number; compression: number },
  where: string,
): Piece[] {
  const ifd: Record<string, unknown> = {};
  for (const tag of UTIF_TAGS) if (tags[`t${tag}`] !== undefined) ifd[`t${tag}`] = tags[`t${tag}`];
  ifd.t262 = [f.photometric];
  const image = ifd as unknown as IFD;
  // utif2 prints progress for tiled images with console.log; an import's output is not the place.
  const log = console.log;
  console.log = () => {};
  try {
    UTIF.decodeImage(file, image);
  } catch (error) {
    throw damaged('tiff', `${where}its pixels cannot be decoded (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    console.log = log;
  }
  const { width: w, height: h, bps, spp, photometric } = f;
  const rowBytes = Math.ceil((w * bps * spp) / 8);
  const data = image.data as Uint8Array | undefined;
  if (!data || data.length < rowBytes * h) throw damaged('tiff', `${where}its pixel data is shorter than its size`);
  const pixels = data.subarray(0, rowBytes * h);
  const whole = (ref: PDFRef): Piece[] => [{ ref, x: 0, y: 0, w, h }];
  const flate = (contents: Uint8Array, dict: NonNullable<Dict>) => imageStream(pdf, deflateSync(contents), { Width: w, Height: h, Filter: 'FlateDecode', ...dict });
  if (bps <= 8 && spp === 1 && (photometric === 0 || photometric === 1)) {
    return whole(flate(pixels, { ColorSpace: 'DeviceGray', BitsPerComponent: bps, ...(photometric === 0 ? { Decode: [1, 0] } : {}) }));
  }
  if (bps === 8 && spp === 3 && photometric === 2) return whole(flate(pixels, { ColorSpace: 'DeviceRGB', BitsPerComponent: 8 }));
  if (bps === 8 && spp === 4 && photometric === 5) return whole(flate(pixels, { ColorSpace: 'DeviceCMYK', BitsPerComponent: 8 }));
  if (photometric === 3 && spp === 1) {
    const map = nums(tags, 320)!;
    const n = 2 ** bps;
    const palette = new Uint8Array(n * 3);
    for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) palette[i * 3 + c] = map[c * n + i]! >> 8;
    return whole(flate(pixels, { ColorSpace: indexed(pdf, palette), BitsPerComponent: bps }));
  }
  // 16-bit samples, and RGB with a fourth sample: through utif2's RGBA, kept grey when it is grey.
  let rgba: Uint8Array;
  try {
    rgba = UTIF.toRGBA8(image);
  } catch (error) {
    throw damaged('tiff', `${where}its pixels cannot be converted (${error instanceof Error ? error.message : String(error)})`);
  }
  const area = w * h;
  let isGrey = true;
  let opaque = true;
  for (let i = 0; i < area * 4 && (isGrey || opaque); i += 4) {
    if (rgba[i] !== rgba[i + 1] || rgba[i] !== rgba[i + 2]) isGrey = false;
    if (rgba[i + 3] !== 255) opaque = false;
  }
  const alpha = spp === 4 && photometric === 2 && [1, 2].includes(num(tags, 338) ?? 0) && !opaque;
  const colour = new Uint8Array(area * (isGrey ? 1 : 3));
  for (let i = 0, o = 0; i < area; i++) {
    colour[o++] = rgba[i * 4]!;
    if (!isGrey) {
      colour[o++] = rgba[i * 4 + 1]!;
      colour[o++] = rgba[i * 4 + 2]!;
    }
  }
  let smask: PDFRef | undefined;
  if (alpha) {
    const a = new Uint8Array(area);
    for (let i = 0; i < area; i++) a[i] = rgba[i * 4 + 3]!;
    smask = flate(a, { ColorSpace: 'DeviceGray', BitsPerComponent: 8 });
  }
  return whole(flate(colour, { ColorSpace: isGrey ? 'DeviceGray' : 'DeviceRGB', BitsPerComponent: 8, ...(smask ? { SMask: smask } : {}) }));
}
