// What the image readers share: the frames they hand to the PDF assembly (image.ts), the
// refusals they make, the resolution they find, and the image streams they embed.
import { PDFHexString, type PDFDocument, type PDFRef } from 'pdf-lib';
import { IngestError } from './ingest-error.ts';
import { limitError } from './limits.ts';

export type ImageKind = 'png' | 'jpeg' | 'tiff';

/** Resolution assumed when the file gives none, or one outside PLAUSIBLE_DPI. */
export const DEFAULT_DPI = 300;
const PLAUSIBLE_DPI = [50, 4800] as const;

export const LABEL: Record<ImageKind, string> = { png: 'PNG', jpeg: 'JPEG', tiff: 'TIFF' };

export interface Dpi {
  x: number;
  y: number;
  fromFile: boolean;
}

/** A part of a frame placed as its own image: strips and tiles of CCITT and JPEG TIFFs; else the whole frame. */
export interface Piece {
  ref: PDFRef;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One page to be: its image's size, resolution and orientation, checked; its pixels are embedded later, one frame at a time. */
export interface Frame {
  width: number;
  height: number;
  dpi: Dpi;
  /** EXIF/TIFF orientation, 1-8 (1: as stored). */
  orientation: number;
  embed(pdf: PDFDocument): Promise<Piece[]>;
}

export interface ImageSource {
  frames: Frame[];
  warnings: string[];
  details: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Errors, resolution

export function damaged(kind: ImageKind, detail: string): IngestError {
  return new IngestError('corrupt', `the ${LABEL[kind]} image is damaged: ${detail}. Re-export or re-scan it and import it again.`);
}

export function truncated(kind: ImageKind, detail: string): IngestError {
  return new IngestError('corrupt', `the ${LABEL[kind]} file is truncated: ${detail} (an interrupted copy or download?). Copy or download it again.`);
}

export function unsupported(kind: ImageKind, detail: string, fix: string): IngestError {
  return new IngestError('unsupported', `the ${LABEL[kind]} image ${detail}, which Docket cannot import. ${fix}`);
}

export function checkSize(kind: ImageKind, width: number, height: number, maxPixels: number, where = ''): void {
  if (!(width > 0 && height > 0)) throw damaged(kind, `${where}its header gives a size of ${width} × ${height} pixels: there is no image`);
  if (width * height > maxPixels)
    throw limitError('imagePixels', width * height, maxPixels, `${where}${width.toLocaleString('en-US')} × ${height.toLocaleString('en-US')} pixels`);
}

/** The file's resolution when plausible, else DEFAULT_DPI on both axes. */
export function resolution(x: number | undefined, y: number | undefined): Dpi {
  const yy = y ?? x;
  const ok = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v) && v >= PLAUSIBLE_DPI[0] && v <= PLAUSIBLE_DPI[1];
  if (!ok(x) || !ok(yy)) return { x: DEFAULT_DPI, y: DEFAULT_DPI, fromFile: false };
  return { x: round2(x), y: round2(yy), fromFile: true };
}

export const round2 = (v: number) => Math.round(v * 100) / 100;

/** dots per inch from a count per `unit`: 'inch', 'cm' or 'm' (anything else: no physical size). */
export function perInch(value: number, unit: 'inch' | 'cm' | 'm' | null): number | undefined {
  if (unit === null || !Number.isFinite(value) || value <= 0) return undefined;
  return unit === 'inch' ? value : unit === 'cm' ? value * 2.54 : value * 0.0254;
}

// ---------------------------------------------------------------------------------------------
// Image streams (the PDF's)

export type Dict = Parameters<PDFDocument['context']['stream']>[1];

export function imageStream(pdf: PDFDocument, contents: Uint8Array, dict: NonNullable<Dict>): PDFRef {
  return pdf.context.register(pdf.context.stream(contents, { Type: 'XObject', Subtype: 'Image', ...dict }));
}

export function indexed(pdf: PDFDocument, palette: Uint8Array) {
  return pdf.context.obj(['Indexed', 'DeviceRGB', palette.length / 3 - 1, PDFHexString.of(Buffer.from(palette).toString('hex'))]);
}
