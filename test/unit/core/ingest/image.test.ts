// Images (PNG, JPEG, multi-page TIFF) import as scanned documents: a PDF of their images, one page
// per image, sized from the image's resolution, every page needing OCR. Every image is made here:
// drawn with @napi-rs/canvas, encoded by canvas (PNG, JPEG), by hand (grey PNG, CCITT G4 strips)
// or with utif2's encoder (TIFF directories), then imported through the real import path.
import { createHash } from 'node:crypto';
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { PDFDocument, PDFName, type PDFRawStream, type PDFDict, type PDFNumber } from 'pdf-lib';
import UTIF, { type IFD } from 'utif2';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../src-main/core/api/contract.ts';
import { closePdfjs, openPdfjs } from '../../../../src-main/core/export/pdfjs.ts';
import { importPaths } from '../../../../src-main/core/ingest/import-job.ts';
import { openDatabase, type Db } from '../../../../src-main/core/store/database.ts';
import * as blobs from '../../../../src-main/core/store/queries/blobs.ts';
import * as documentTable from '../../../../src-main/core/store/queries/document-table.ts';
import * as documents from '../../../../src-main/core/store/queries/documents.ts';
import * as pages from '../../../../src-main/core/store/queries/pages.ts';

const job = () => ({ signal: new AbortController().signal, report: () => {} });
const fresh = () => openDatabase(join(mkdtempSync(join(tmpdir(), 'docket-image-db-')), 'p.docket'), { create: true });
const folder = () => realpathSync(mkdtempSync(join(tmpdir(), 'docket-image-')));
const failure = (report: ImportReport, file: string) => report.failed.find((f) => f.path.endsWith(`/${file}`))?.reason;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

afterEach(() => {
  for (const name of Object.keys(process.env)) if (name.startsWith('DOCKET_MAX_')) delete process.env[name];
});

// --- Images -------------------------------------------------------------------------------------

/** A white page with lines of text and a red square in its top-left corner (to see orientation). */
function drawPage(width: number, height: number, lines: string[]): Canvas {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#ff0000';
  ctx.fillRect(0, 0, Math.round(width / 10), Math.round(height / 10));
  ctx.fillStyle = '#000000';
  ctx.font = `${Math.round(height / 30)}px sans-serif`;
  lines.forEach((line, i) => ctx.fillText(line, width / 8, (height / 4) * (1 + i / 4)));
  return canvas;
}

function greyPixels(canvas: Canvas): Uint8Array {
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const grey = new Uint8Array(canvas.width * canvas.height);
  for (let i = 0; i < grey.length; i++) grey[i] = Math.round(0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!);
  return grey;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ihdr(width: number, height: number, depth: number, colour: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([depth, colour, 0, 0, 0], 8);
  return pngChunk('IHDR', data);
}

function phys(dpi: number): Buffer {
  const data = Buffer.alloc(9);
  const perMetre = Math.round(dpi / 0.0254);
  data.writeUInt32BE(perMetre, 0);
  data.writeUInt32BE(perMetre, 4);
  data[8] = 1;
  return pngChunk('pHYs', data);
}

/** An 8-bit grey PNG written by hand (filter 0 on every row), with its resolution in pHYs. */
function greyPng(width: number, height: number, grey: Uint8Array, dpi: number): Buffer {
  const raw = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) raw.set(grey.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return Buffer.concat([PNG_SIGNATURE, ihdr(width, height, 8, 0), phys(dpi), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', new Uint8Array())]);
}

/** Canvas's own PNG (RGBA) with a pHYs chunk put in after IHDR. */
function canvasPng(canvas: Canvas, dpi: number): Buffer {
  const png = canvas.encodeSync('png');
  return Buffer.concat([png.subarray(0, 33), phys(dpi), png.subarray(33)]);
}

/** Canvas's JPEG with an EXIF block (orientation, resolution in dpi) right after SOI. */
function jpegWithExif(canvas: Canvas, orientation: number, dpi: number): Buffer {
  const jpeg = canvas.encodeSync('jpeg', 90);
  // A big-endian TIFF: IFD0 with Orientation, XResolution, YResolution, ResolutionUnit (inch).
  const tiff = Buffer.alloc(8 + 2 + 4 * 12 + 4 + 16);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(4, 8);
  const values = 8 + 2 + 4 * 12 + 4;
  const entry = (i: number, tag: number, type: number, count: number, value: number) => {
    const at = 10 + i * 12;
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    if (type === 3) tiff.writeUInt16BE(value, at + 8);
    else tiff.writeUInt32BE(value, at + 8);
  };
  entry(0, 0x0112, 3, 1, orientation);
  entry(1, 0x011a, 5, 1, values);
  entry(2, 0x011b, 5, 1, values + 8);
  entry(3, 0x0128, 3, 1, 2);
  tiff.writeUInt32BE(dpi, values);
  tiff.writeUInt32BE(1, values + 4);
  tiff.writeUInt32BE(dpi, values + 8);
  tiff.writeUInt32BE(1, values + 12);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, body, jpeg.subarray(2)]);
}

/** A TIFF written with utif2's encoder: its directories (chained), then each frame's strips. */
function tiff(frames: Array<{ tags: Record<string, unknown>; strips: Uint8Array[] }>): Buffer {
  const ifds = (offsets: number[][]) => frames.map((f, i) => ({ ...f.tags, t273: offsets[i]!, t279: f.strips.map((s) => s.length) }) as unknown as IFD);
  // Encode once to learn where the directories end (same tags, same length), then with the real offsets.
  const head = new Uint8Array(UTIF.encode(ifds(frames.map((f) => f.strips.map(() => 0))))).length;
  const offsets: number[][] = [];
  let at = head;
  for (const f of frames) offsets.push(f.strips.map((s) => ((at += s.length), at - s.length)));
  return Buffer.concat([Buffer.from(UTIF.encode(ifds(offsets))), ...frames.flatMap((f) => f.strips)]);
}

const resolutionTags = (dpi: number) => ({ t282: [[dpi, 1]], t283: [[dpi, 1]], t296: [2] });

function greyTiffFrame(canvas: Canvas, dpi: number) {
  const { width, height } = canvas;
  return {
    tags: { t256: [width], t257: [height], t258: [8], t259: [1], t262: [1], t277: [1], t278: [height], ...resolutionTags(dpi) },
    strips: [greyPixels(canvas)],
  };
}

// CCITT G4 (T.6) written with horizontal mode only: runs below 64 need terminating codes alone.
const WHITE: Record<number, string> = { 20: '0001000', 60: '01001011' };
const BLACK: Record<number, string> = { 0: '0000110111', 20: '00001101000' };

/** One G4 strip of `rows` rows 60 pixels wide; rows in `dark` have black at columns 20-39. */
function g4Strip(rows: number[], dark: (row: number) => boolean): Uint8Array {
  let bits = '';
  for (const row of rows) bits += dark(row) ? `001${WHITE[20]}${BLACK[20]}001${WHITE[20]}${BLACK[0]}` : `001${WHITE[60]}${BLACK[0]}`;
  bits += '000000000001000000000001'; // EOFB
  bits = bits.padEnd(Math.ceil(bits.length / 8) * 8, '0');
  return Uint8Array.from({ length: bits.length / 8 }, (_, i) => parseInt(bits.slice(i * 8, i * 8 + 8), 2));
}

// --- Reading the result back --------------------------------------------------------------------

interface Rendered {
  width: number;
  height: number;
  rgb(x: number, y: number): [number, number, number];
}

async function render(pdf: Uint8Array, pageNo: number, scale: number): Promise<Rendered> {
  const doc = await openPdfjs(pdf);
  try {
    const page = await doc.getPage(pageNo);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height)); // 595.2 pt × 300/72 is 2480.0000000000005
    const context = canvas.getContext('2d');
    context.fillStyle = '#00ff00'; // anything not covered by the image shows up green
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    return {
      width: canvas.width,
      height: canvas.height,
      rgb: (x, y) => [data[(y * canvas.width + x) * 4]!, data[(y * canvas.width + x) * 4 + 1]!, data[(y * canvas.width + x) * 4 + 2]!],
    };
  } finally {
    await closePdfjs(doc);
  }
}

/** The image XObjects of each page, as stored: their dictionaries and raw (still encoded) bytes. */
async function pageImages(pdf: Uint8Array) {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((page) => {
    const xobjects = page.node.Resources()!.lookup(PDFName.of('XObject')) as PDFDict;
    return xobjects.keys().map((key) => {
      const stream = xobjects.lookup(key) as PDFRawStream;
      const get = (name: string) => stream.dict.lookup(PDFName.of(name));
      return {
        width: (get('Width') as PDFNumber).asNumber(),
        height: (get('Height') as PDFNumber).asNumber(),
        filter: String(get('Filter')),
        contents: stream.contents,
      };
    });
  });
}

const isRed = ([r, g, b]: number[]) => r! > 200 && g! < 60 && b! < 60;
const isWhite = ([r, g, b]: number[]) => r! > 230 && g! > 230 && b! > 230;
const isBlack = ([r, g, b]: number[]) => r! < 40 && g! < 40 && b! < 40;

// --- Tests --------------------------------------------------------------------------------------

describe('importing images as scanned documents', () => {
  const dir = folder();
  let db: Db;
  let report: ImportReport;
  const files: Record<string, Buffer> = {};
  const doc = (name: string) => {
    const row = documentTable.list(db, { sort: 'name', descending: false, offset: 0, limit: 100 }).rows.find((r) => r.name === name);
    if (!row) throw new Error(`no document ${name}`);
    const record = documents.get(db, row.id)!;
    return { ...record, text: documents.text(db, row.id), pages: pages.forDocument(db, row.id), pdf: new Uint8Array(blobs.readBlob(db, record.blobId!)) };
  };

  beforeAll(async () => {
    // A4 at 300 dpi: 2480 × 3508 pixels, 595.2 × 841.92 pt.
    const a4 = drawPage(2480, 3508, ['Patient: Grace Hopper', 'Born 9 December 1906']);
    files['a4-grey.png'] = greyPng(2480, 3508, greyPixels(a4), 300);
    files['letter.png'] = canvasPng(drawPage(850, 1100, ['Letter at 100 dpi']), 100);
    // Stored landscape, EXIF orientation 6: shown turned a quarter clockwise, so portrait.
    files['phone.jpg'] = jpegWithExif(drawPage(1100, 850, ['Taken sideways']), 6, 100);
    files['scan.tiff'] = tiff([1, 2, 3].map((n) => greyTiffFrame(drawPage(850, 1100, [`Page ${n} of 3`]), 100)));
    // Fax-style: CCITT G4, 60 × 40 pixels at 100 dpi in two strips of 20 rows, a black box across both.
    const dark = (row: number) => row >= 10 && row < 30;
    const rows = (from: number) => Array.from({ length: 20 }, (_, i) => from + i);
    files['fax.tif'] = tiff([
      {
        tags: { t256: [60], t257: [40], t258: [1], t259: [4], t262: [0], t277: [1], t278: [20], ...resolutionTags(100) },
        strips: [g4Strip(rows(0), dark), g4Strip(rows(20), dark)],
      },
    ]);
    // JPEG-compressed TIFF (one strip, YCbCr) and Deflate-compressed TIFF (RGB).
    const photo = drawPage(400, 300, ['JPEG in TIFF']);
    files['jpeg-strip.tif'] = tiff([
      {
        tags: { t256: [400], t257: [300], t258: [8, 8, 8], t259: [7], t262: [6], t277: [3], t278: [300], ...resolutionTags(100) },
        strips: [canvas2jpeg(photo)],
      },
    ]);
    const rgb = rgbPixels(photo);
    files['deflate.tif'] = tiff([
      { tags: { t256: [400], t257: [300], t258: [8, 8, 8], t259: [8], t262: [2], t277: [3], t278: [300], ...resolutionTags(100) }, strips: [deflateSync(rgb)] },
    ]);
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    db = fresh();
    report = await importPaths(db, { paths: [dir] }, job());
  });

  it('imports every image as a document whose pages all need OCR', () => {
    expect(report.failed).toEqual([]);
    expect(report.imported).toBe(Object.keys(files).length);
    for (const name of Object.keys(files)) {
      const d = doc(name);
      expect(d).toMatchObject({ mediaType: 'application/pdf', status: 'needs_ocr', text: '', sha256: sha256(files[name]!), sizeBytes: files[name]!.length });
      expect(d.pageCount).toBe(d.pages.length);
      expect(d.pages.every((p) => p.needsOcr && p.rotation === 0 && p.textStart === 0 && p.textEnd === 0)).toBe(true);
      expect(Buffer.from(d.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      expect(d.warnings.at(-1)).toMatch(/scanned image: .* no text until OCR reads/);
    }
  });

  it('sizes each page from the resolution, and records where the document came from', () => {
    const a4 = doc('a4-grey.png');
    expect(a4.pages.map((p) => [p.width, p.height])).toEqual([[595.2, 841.92]]);
    expect(a4.metadata).toEqual({
      source: { format: 'png', mediaType: 'image/png', frames: 1, pixelWidth: 2480, pixelHeight: 3508, dpi: 300, dpiFromFile: true },
    });
    const scan = doc('scan.tiff');
    expect(scan.pageCount).toBe(3);
    expect(scan.pages.map((p) => [p.pageNo, p.width, p.height])).toEqual([
      [1, 612, 792],
      [2, 612, 792],
      [3, 612, 792],
    ]);
    expect(scan.metadata).toMatchObject({ source: { format: 'tiff', frames: 3, pixelWidth: 850, pixelHeight: 1100, dpi: 100 } });
    expect(doc('phone.jpg').metadata).toMatchObject({ source: { format: 'jpeg', pixelWidth: 1100, pixelHeight: 850, dpi: 100, orientation: 6 } });
    expect(doc('fax.tif').pages.map((p) => [p.width, p.height])).toEqual([[43.2, 28.8]]);
  });

  it('embeds PNG and JPEG data as it is, and renders every page at the image size', async () => {
    // The grey PNG's IDAT is the PDF image's FlateDecode stream, byte for byte; the JPEG is the DCTDecode stream.
    const png = (await pageImages(doc('a4-grey.png').pdf))[0]![0]!;
    expect(png).toMatchObject({ width: 2480, height: 3508, filter: '/FlateDecode' });
    const idatStart = files['a4-grey.png']!.indexOf('IDAT') + 4;
    expect(Buffer.from(png.contents).equals(files['a4-grey.png']!.subarray(idatStart, idatStart + png.contents.length))).toBe(true);
    const jpeg = (await pageImages(doc('phone.jpg').pdf))[0]![0]!;
    expect(jpeg.filter).toBe('/DCTDecode');
    expect(Buffer.from(jpeg.contents).equals(files['phone.jpg']!)).toBe(true);

    // At its own resolution a page renders to the image's pixel size, the image covering it all.
    const a4 = await render(doc('a4-grey.png').pdf, 1, 300 / 72);
    expect([a4.width, a4.height]).toEqual([2480, 3508]);
    expect(a4.rgb(5, 5)[0]).toBeLessThan(120); // the red corner, in grey
    expect(isWhite(a4.rgb(2470, 3500))).toBe(true);
    const scan = doc('scan.tiff');
    for (const pageNo of [1, 2, 3]) {
      const page = await render(scan.pdf, pageNo, 100 / 72);
      expect([page.width, page.height]).toEqual([850, 1100]);
      expect(isWhite(page.rgb(845, 1095))).toBe(true);
    }
    const letter = await render(doc('letter.png').pdf, 1, 100 / 72);
    expect([letter.width, letter.height]).toEqual([850, 1100]);
    expect(isRed(letter.rgb(10, 10))).toBe(true);
  });

  it('turns a JPEG upright by its EXIF orientation', async () => {
    const phone = doc('phone.jpg');
    expect(phone.pages.map((p) => [p.width, p.height])).toEqual([[612, 792]]); // stored 1100 × 850: shown portrait
    const page = await render(phone.pdf, 1, 100 / 72);
    expect([page.width, page.height]).toEqual([850, 1100]);
    // Orientation 6: the stored top-left corner is shown top-right.
    expect(isRed(page.rgb(840, 10))).toBe(true);
    expect(isRed(page.rgb(10, 10))).toBe(false);
    expect(isRed(page.rgb(840, 1090))).toBe(false);
  });

  it('embeds CCITT G4 strips as they are and places each strip in its rows', async () => {
    const [images] = await pageImages(doc('fax.tif').pdf);
    expect(images!.map((i) => [i.filter, i.width, i.height])).toEqual([
      ['/CCITTFaxDecode', 60, 20],
      ['/CCITTFaxDecode', 60, 20],
    ]);
    const page = await render(doc('fax.tif').pdf, 1, 100 / 72);
    expect([page.width, page.height]).toEqual([60, 40]);
    for (const [x, y] of [
      [30, 12],
      [30, 19],
      [30, 20],
      [30, 27],
    ])
      expect(isBlack(page.rgb(x!, y!)), `(${x}, ${y})`).toBe(true);
    for (const [x, y] of [
      [5, 5],
      [30, 5],
      [50, 15],
      [30, 35],
      [10, 25],
    ])
      expect(isWhite(page.rgb(x!, y!)), `(${x}, ${y})`).toBe(true);
  });

  it('reads JPEG-compressed and Deflate-compressed TIFFs', async () => {
    for (const name of ['jpeg-strip.tif', 'deflate.tif']) {
      const page = await render(doc(name).pdf, 1, 100 / 72);
      expect([page.width, page.height]).toEqual([400, 300]);
      expect(isRed(page.rgb(10, 10)), name).toBe(true);
      expect(isWhite(page.rgb(390, 290)), name).toBe(true);
    }
    expect((await pageImages(doc('jpeg-strip.tif').pdf))[0]![0]!.filter).toBe('/DCTDecode');
  });

  it('finds a re-imported image by the sha256 of the file, not of the PDF it became', async () => {
    const again = await importPaths(db, { paths: [join(dir, 'phone.jpg'), join(dir, 'scan.tiff')] }, job());
    expect(again).toMatchObject({ imported: 0, duplicates: 2, failed: [] });
  });
});

describe('hostile and broken images', () => {
  it('refuses each bad image with its reason, quickly, and imports the rest of the batch', async () => {
    const dir = folder();
    const good = greyPng(200, 100, new Uint8Array(200 * 100).fill(255), 150);
    const jpeg = jpegWithExif(drawPage(300, 200, ['x']), 1, 150);
    const scan = tiff([greyTiffFrame(drawPage(100, 80, ['one']), 100), greyTiffFrame(drawPage(100, 80, ['two']), 100)]);
    // 60,000 × 60,000 claimed in a header of a few bytes, with a tiny (valid) IDAT.
    writeFileSync(
      join(dir, 'bomb.png'),
      Buffer.concat([PNG_SIGNATURE, ihdr(60_000, 60_000, 8, 0), pngChunk('IDAT', deflateSync(Buffer.alloc(10))), pngChunk('IEND', new Uint8Array())]),
    );
    writeFileSync(join(dir, 'zero.png'), Buffer.concat([PNG_SIGNATURE, ihdr(0, 10, 8, 0), pngChunk('IEND', new Uint8Array())]));
    writeFileSync(join(dir, 'cut.png'), good.subarray(0, Math.floor(good.length * 0.6)));
    writeFileSync(join(dir, 'cut.jpg'), jpeg.subarray(0, Math.floor(jpeg.length * 0.6)));
    writeFileSync(join(dir, 'cut.tif'), scan.subarray(0, Math.floor(scan.length * 0.6)));
    writeFileSync(join(dir, 'text.png'), 'Not an image at all, just a note.');
    writeFileSync(join(dir, 'report.tiff'), Buffer.from('%PDF-1.7\n%…'));
    // A TIFF whose directory chain loops: the first directory's "next" points at itself.
    const loop = Buffer.from(scan);
    const firstIfd = loop.readUInt32BE(4);
    loop.writeUInt32BE(firstIfd, firstIfd + 2 + loop.readUInt16BE(firstIfd) * 12);
    writeFileSync(join(dir, 'loop.tif'), loop);
    // A Deflate strip that unpacks far past its frame's size (a zip bomb inside a TIFF).
    writeFileSync(
      join(dir, 'deflate-bomb.tif'),
      tiff([{ tags: { t256: [100], t257: [100], t258: [8], t259: [8], t262: [1], t277: [1], t278: [100] }, strips: [deflateSync(Buffer.alloc(50_000_000))] }]),
    );
    // A PNG whose IDAT checksum is wrong.
    const damaged = Buffer.from(good);
    damaged[damaged.indexOf('IDAT') + 10]! ^= 0xff;
    writeFileSync(join(dir, 'damaged.png'), damaged);
    writeFileSync(join(dir, 'good.png'), good);
    writeFileSync(join(dir, 'good.tif'), scan);
    writeFileSync(join(dir, 'renamed.jpeg'), greyPng(40, 40, new Uint8Array(1600).fill(128), 150));
    writeFileSync(join(dir, 'note.txt'), 'A good note that imports whatever its neighbours are.');

    const db = fresh();
    const start = performance.now();
    const report = await importPaths(db, { paths: [dir] }, job());
    const ms = performance.now() - start;
    expect(ms).toBeLessThan(10_000);
    expect(failure(report, 'bomb.png')).toBe(
      'an image in it has 3,600 megapixels (60,000 × 60,000 pixels); Docket imports images of up to 100 megapixels each (DOCKET_MAX_IMAGE_PIXELS raises it). Scale it down (an A4 or Letter page scanned at 300 dpi has about 9 megapixels) and import that.',
    );
    expect(failure(report, 'zero.png')).toMatch(/^the PNG image is damaged: its header gives a size of 0 × 10 pixels: there is no image/);
    expect(failure(report, 'cut.png')).toMatch(/^the PNG file is truncated: it ends inside its IDAT chunk .*Copy or download it again\.$/);
    expect(failure(report, 'cut.jpg')).toMatch(/^the JPEG file is truncated: it ends inside its image data, before its end-of-image marker/);
    expect(failure(report, 'cut.tif')).toMatch(/^the TIFF file is truncated: frame 2: it ends inside strip 1 of 1/);
    expect(failure(report, 'text.png')).toBe(
      'it is named as a PNG image but is not one (its first bytes are not those of a PNG, JPEG or TIFF image: it is damaged or not an image).',
    );
    expect(failure(report, 'report.tiff')).toMatch(/is not one \(it looks like a PDF: rename it to \.pdf\)/);
    expect(failure(report, 'loop.tif')).toMatch(/^the TIFF image is damaged: its list of frames loops back on itself/);
    expect(failure(report, 'deflate-bomb.tif')).toMatch(/^the TIFF image is damaged: strip 1's compressed data unpacks to more than its size/);
    expect(failure(report, 'damaged.png')).toMatch(/^the PNG image is damaged: its IDAT chunk fails its checksum/);
    expect(report.failed).toHaveLength(10);

    const names = documentTable.list(db, { sort: 'name', descending: false, offset: 0, limit: 100 }).rows.map((r) => r.name);
    expect(names).toEqual(['good.png', 'good.tif', 'note.txt', 'renamed.jpeg']);
    expect(report.warnings.find((w) => w.path.endsWith('/renamed.jpeg'))?.message).toBe('it is named .jpeg but is a PNG image; imported as PNG.');
  });

  it('applies the limits set through their variables', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'three.tif'), tiff([1, 2, 3].map(() => greyTiffFrame(drawPage(50, 40, []), 100))));
    writeFileSync(join(dir, 'wide.jpg'), jpegWithExif(drawPage(300, 200, []), 1, 150));
    process.env.DOCKET_MAX_TIFF_FRAMES = '2';
    process.env.DOCKET_MAX_IMAGE_PIXELS = '50000';
    const report = await importPaths(fresh(), { paths: [dir] }, job());
    expect(failure(report, 'three.tif')).toBe(
      'it has more than 2 frames; Docket imports TIFF files of up to 2 frames (DOCKET_MAX_TIFF_FRAMES raises it). Split it first (e.g. `tiffsplit in.tif part-`).',
    );
    expect(failure(report, 'wide.jpg')).toMatch(
      /^an image in it has 60,000 pixels \(300 × 200 pixels\); Docket imports images of up to 50,000 pixels each \(DOCKET_MAX_IMAGE_PIXELS raises it\)/,
    );
  });

  it('falls back to 300 dpi when the resolution is missing or implausible', async () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'none.tif'),
      tiff([{ ...greyTiffFrame(drawPage(600, 300, []), 100), tags: { t256: [600], t257: [300], t258: [8], t259: [1], t262: [1], t277: [1], t278: [300] } }]),
    );
    writeFileSync(join(dir, 'tiny.png'), greyPng(600, 300, new Uint8Array(600 * 300).fill(200), 3));
    const db = fresh();
    const report = await importPaths(db, { paths: [dir] }, job());
    expect(report.failed).toEqual([]);
    for (const id of report.documentIds) {
      expect(pages.forDocument(db, id).map((p) => [p.width, p.height])).toEqual([[144, 72]]);
      expect(documents.get(db, id)!.metadata).toMatchObject({ source: { dpi: 300, dpiFromFile: false } });
    }
  });
});

function canvas2jpeg(canvas: Canvas): Uint8Array {
  return canvas.encodeSync('jpeg', 90);
}

function rgbPixels(canvas: Canvas): Uint8Array {
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const rgb = new Uint8Array(canvas.width * canvas.height * 3);
  for (let i = 0, o = 0; i < data.length; i += 4) {
    rgb[o++] = data[i]!;
    rgb[o++] = data[i + 1]!;
    rgb[o++] = data[i + 2]!;
  }
  return rgb;
}
