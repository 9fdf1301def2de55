// Scanned pages as documents. A PNG, JPEG or TIFF file is imported as a PDF made of its images,
// one page per image (per TIFF frame), the way img2pdf (OCRmyPDF's first step) does it: the page
// is as large as the image at its resolution (300 dpi when the file gives none, or an implausible
// one), the image is embedded without re-compressing it where PDF can hold it as it is, and every
// page needs OCR. The PDF is what the project stores, so the page view, the OCR job and the
// redacted-PDF export read an image exactly as they read a scanned PDF.
//
// Each format has its reader: image-png.ts (PNG), image-jpeg.ts (JPEG), image-tiff.ts (TIFF frames,
// with image-tiff-directory.ts reading TIFF directories, EXIF's too); image-source.ts holds what they
// share (frames, errors, resolution, image streams). "Here" below is the format's reader.
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
import { concatTransformationMatrix, drawObject, PDFDocument, popGraphicsState, pushGraphicsState, type PDFOperator } from 'pdf-lib';
import { throwIfCancelled } from '../jobs/jobs.ts';
import type { NewPage } from '../store/queries/pages.ts';
import { readJpeg } from './image-jpeg.ts';
import { readPng } from './image-png.ts';
import { LABEL, round2, type Frame, type ImageKind } from './image-source.ts';
import { readTiff } from './image-tiff.ts';
import { IngestError } from './ingest-error.ts';
import { limit } from './limits.ts';
import { MEDIA_TYPES, type ExtractedDocument } from './types.ts';

export { DEFAULT_DPI, type ImageKind } from './image-source.ts';

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

/**
 * Reads an image file into a PDF of its images, one page per image (per TIFF frame). The file's
 * content decides the format; a name that says otherwise is a warning. Refusals (IngestError):
 * not an image, truncated or damaged, over a limit, a kind of image Docket cannot embed.
 */
export async function extractImage(name: string, bytes: Uint8Array, kind: ImageKind, options: ImageOptions = {}): Promise<ExtractedImage> {
  const actual = sniff(bytes);
  if (actual === null) throw notAnImage(kind, bytes);
  const maxPixels = limit('imagePixels');
  const source =
    actual === 'png'
      ? await readPng(bytes, maxPixels, options.signal)
      : actual === 'jpeg'
        ? readJpeg(bytes, maxPixels)
        : readTiff(bytes, maxPixels, limit('tiffFrames'));
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
// Formats

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
        ops.push(
          pushGraphicsState(),
          concatTransformationMatrix(piece.w / W, 0, 0, piece.h / H, piece.x / W, 1 - (piece.y + piece.h) / H),
          drawObject(name),
          popGraphicsState(),
        );
      }
    }
    ops.push(popGraphicsState());
    page.pushOperators(...ops);
    pages.push({ pageNo: index + 1, width, height, rotation: 0, textStart: 0, textEnd: 0, needsOcr: true, runs: [] });
  }
  return { pdf: await pdf.save({ useObjectStreams: false }), pages };
}
