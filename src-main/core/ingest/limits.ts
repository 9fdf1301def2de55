// Every limit the importer enforces, in one table: its default, the environment variable that
// changes it, and the refusal the analyst reads. Limits are applied while a file is read, so
// memory stays bounded by these numbers, never by what a file claims or contains.
import { IngestError } from './ingest-error.ts';

const Ki = 1024;
const Mi = 1024 * 1024;

type Unit = 'bytes' | 'characters' | 'pages' | 'parts' | 'levels' | 'entries' | 'pixels' | 'frames';

export interface LimitSpec {
  readonly default: number;
  readonly env: string;
  readonly unit: Unit;
  /** The refusal: what was found (`found` is already formatted, or null when reading stopped at the limit), the limit, what to do. */
  readonly message: (found: string | null, max: string, env: string) => string;
}

const over = (found: string | null, max: string) => (found === null ? `more than ${max}` : found);

export const LIMITS = {
  /** Text kept for one document, every format (a whole file, a PDF, a CSV row, a JSONL line). */
  textChars: {
    default: 64 * Mi,
    env: 'DOCKET_MAX_TEXT_CHARS',
    unit: 'characters',
    message: (found, max, env) =>
      `its text is ${over(found, max)}; Docket keeps at most ${max} per document (${env} raises it). Split the file into parts and import those.`,
  },
  /** Whole-file formats (PDF, DOCX, TXT, Markdown, images) are read into memory: pdf.js, mammoth and the image readers need all of it. */
  fileBytes: {
    default: 512 * Mi,
    env: 'DOCKET_MAX_FILE_BYTES',
    unit: 'bytes',
    message: (found, max, env) =>
      `it is ${over(found, max)}; Docket imports PDF, DOCX, image and text files of up to ${max} (${env} raises it). Split it first.`,
  },
  /** Bytes a DOCX's XML parts inflate to (declared in the zip and counted while inflating): mammoth holds ~70× this in memory. */
  docxXmlBytes: {
    default: 32 * Mi,
    env: 'DOCKET_MAX_DOCX_XML_BYTES',
    unit: 'bytes',
    message: (found, max, env) =>
      `its XML unpacks to ${over(found, max)}; Docket reads DOCX files whose XML is up to ${max} (${env} raises it). Split the document, or save it as PDF or plain text and import that.`,
  },
  /** Parts (files) in a DOCX's zip, counted from its central directory before anything is read; Word writes a few dozen. */
  docxParts: {
    default: 10_000,
    env: 'DOCKET_MAX_DOCX_PARTS',
    unit: 'parts',
    message: (found, max, env) =>
      `its zip holds ${over(found, max)}; Docket reads DOCX files of up to ${max} (${env} raises it). Open and re-save it in Word or LibreOffice, or save it as PDF, and import that.`,
  },
  /** Pages of one PDF, checked before any page is read. */
  pdfPages: {
    default: 5000,
    env: 'DOCKET_MAX_PDF_PAGES',
    unit: 'pages',
    message: (found, max, env) =>
      `it has ${over(found, max)}; Docket imports PDFs of up to ${max} (${env} raises it). Split it first (e.g. \`qpdf --split-pages=1000 in.pdf out.pdf\`).`,
  },
  /**
   * Pixels of one image (a PNG or JPEG, each TIFF frame), read from its header before any pixel
   * is decoded: a 50 KB file can claim 50,000 × 50,000. Decoding holds about 4 bytes a pixel
   * (page view and OCR too): 100 megapixels is an A3 page at 600 dpi with room to spare.
   */
  imagePixels: {
    default: 100_000_000,
    env: 'DOCKET_MAX_IMAGE_PIXELS',
    unit: 'pixels',
    message: (found, max, env) =>
      `an image in it has ${over(found, max)}; Docket imports images of up to ${max} each (${env} raises it). Scale it down (an A4 or Letter page scanned at 300 dpi has about 9 megapixels) and import that.`,
  },
  /** Image directories (frames, thumbnails included) of one TIFF, counted while the chain is followed. */
  tiffFrames: {
    default: 1000,
    env: 'DOCKET_MAX_TIFF_FRAMES',
    unit: 'frames',
    message: (found, max, env) =>
      `it has ${over(found, max)}; Docket imports TIFF files of up to ${max} (${env} raises it). Split it first (e.g. \`tiffsplit in.tif part-\`).`,
  },
  /** One CSV/TSV row, all its cells, before it is parsed: a longer row is skipped, the others import. */
  csvRowBytes: {
    default: 16 * Mi,
    env: 'DOCKET_MAX_CSV_ROW_BYTES',
    unit: 'bytes',
    message: (found, max, env) =>
      `it is ${over(found, max)} long; Docket reads CSV rows of up to ${max} (${env} raises it); row skipped. Put a text that long in a file of its own.`,
  },
  /** One JSONL line, before it is parsed: a longer line is skipped, the others import. */
  jsonlLineBytes: {
    default: 16 * Mi,
    env: 'DOCKET_MAX_JSONL_LINE_BYTES',
    unit: 'bytes',
    message: (found, max, env) =>
      `it is ${over(found, max)} long; Docket reads JSONL lines of up to ${max} (${env} raises it); line skipped. Put a text that long in a file of its own.`,
  },
  /** Arrays and objects inside one another in a JSONL line (stored as metadata, which must stay serialisable). */
  jsonDepth: {
    default: 100,
    env: 'DOCKET_MAX_JSON_DEPTH',
    unit: 'levels',
    message: (found, max, env) =>
      `it nests arrays and objects ${over(found, max)} deep; Docket reads JSON nested up to ${max} (${env} raises it); line skipped. Flatten that line's fields.`,
  },
  /** Files and folders one import walks (links followed count too): a bound on time and memory. */
  folderEntries: {
    default: 1_000_000,
    env: 'DOCKET_MAX_FOLDER_ENTRIES',
    unit: 'entries',
    message: (found, max, env) =>
      `it holds ${over(found, max)} (files and folders, all levels); Docket walks up to ${max} per import (${env} raises it): the files found until then are imported, the rest are not. Import its subfolders one by one.`,
  },
} as const satisfies Record<string, LimitSpec>;

export type LimitName = keyof typeof LIMITS;

/** The limit in force: the environment variable when set, else the default. */
export function limit(name: LimitName): number {
  const spec: LimitSpec = LIMITS[name];
  const raw = process.env[spec.env];
  if (raw === undefined || raw.trim() === '') return spec.default;
  const value = Number(raw.trim().replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new IngestError(
      'bad_setting',
      `${spec.env} is set to "${raw}", which is not a whole number of ${spec.unit} above 0. Set it to one (the default is ${spec.default}), or unset it.`,
    );
  }
  return value;
}

/**
 * The refusal for `name`, with what was found (a number in the limit's unit; null when reading
 * stopped at the limit) and, optionally, what it is (shown after it: "60,000 × 60,000 pixels").
 */
export function limitError(name: LimitName, found: number | null, max = limit(name), detail?: string): IngestError {
  const spec: LimitSpec = LIMITS[name];
  const shown = found === null ? null : formatFound(found, spec.unit) + (detail ? ` (${detail})` : '');
  return new IngestError('too_large', spec.message(shown, formatAmount(max, spec.unit), spec.env));
}

/** A limit as the analyst reads it: 64 Mi characters, 512 MiB, 5,000 pages. */
export function formatAmount(value: number, unit: Unit): string {
  if (unit === 'bytes') {
    if (value % Mi === 0) return `${(value / Mi).toLocaleString('en-US')} MiB`;
    if (value % Ki === 0) return `${(value / Ki).toLocaleString('en-US')} KiB`;
  }
  if (unit === 'characters' && value % Mi === 0) return `${(value / Mi).toLocaleString('en-US')} Mi characters`;
  if (unit === 'pixels' && value % 1e6 === 0) return `${(value / 1e6).toLocaleString('en-US')} megapixels`;
  return `${value.toLocaleString('en-US')} ${value === 1 ? unit.replace(/s$/, '') : unit}`;
}

/** A measured amount: 20,000 pages, 450 MB, 99.7 M characters. */
function formatFound(value: number, unit: Unit): string {
  if (unit === 'bytes' && value >= 1e6) return `${(value / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
  if (unit === 'characters' && value >= 1e6) return `${(value / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} M characters`;
  if (unit === 'pixels' && value >= 1e6) return `${(value / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} megapixels`;
  return formatAmount(value, unit);
}
