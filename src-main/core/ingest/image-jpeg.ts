// JPEG: markers walked up to EOI, nothing decoded; the file (or a TIFF's JPEG strip) is embedded as
// it is (/DCTDecode). JFIF or EXIF density; EXIF orientation (see image.ts).
import type { PDFDocument, PDFRef } from 'pdf-lib';
import {
  checkSize,
  damaged,
  imageStream,
  perInch,
  resolution,
  truncated,
  unsupported,
  type Dpi,
  type Frame,
  type ImageKind,
  type ImageSource,
} from './image-source.ts';
import { orientationOf, readDirectory, tiffReader, tiffResolution } from './image-tiff-directory.ts';
import type { IngestError } from './ingest-error.ts';

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
const JPEG_KINDS: Record<number, string> = {
  0xc3: 'lossless',
  0xc5: 'hierarchical',
  0xc6: 'hierarchical',
  0xc7: 'hierarchical',
  0xc9: 'arithmetic-coded',
  0xca: 'arithmetic-coded',
  0xcb: 'arithmetic-coded',
  0xcd: 'hierarchical arithmetic-coded',
  0xce: 'hierarchical arithmetic-coded',
  0xcf: 'hierarchical arithmetic-coded',
};

/**
 * Walks a JPEG's markers from SOI to EOI: segment lengths must fit in the file, the entropy-coded
 * data after each SOS is skipped up to the next marker, and a file that ends before EOI is
 * truncated. Nothing is decoded. `where` prefixes messages (a TIFF strip).
 */
export function walkJpeg(bytes: Uint8Array, kind: ImageKind, where = ''): JpegInfo {
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

export function readJpeg(bytes: Uint8Array, maxPixels: number): ImageSource {
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

export function jpegStream(
  pdf: PDFDocument,
  data: Uint8Array,
  info: Pick<JpegInfo, 'width' | 'height' | 'components' | 'adobe'>,
  extra: Record<string, unknown> = {},
): PDFRef {
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
