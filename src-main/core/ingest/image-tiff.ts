// TIFF frames: the directory chain followed once, each frame checked before any pixel is decoded;
// CCITT and JPEG strips embedded as they are, other schemes decoded by utif2 (see image.ts).
import { deflateSync, inflateSync } from 'node:zlib';
import type { PDFDocument, PDFRef } from 'pdf-lib';
import UTIF, { type IFD } from 'utif2';
import { jpegStream, walkJpeg } from './image-jpeg.ts';
import { checkSize, damaged, imageStream, indexed, truncated, unsupported, type Dict, type Frame, type ImageSource, type Piece } from './image-source.ts';
import { num, nums, orientationOf, OutsideFile, readDirectory, tiffReader, tiffResolution, type Tags } from './image-tiff-directory.ts';
import { limitError } from './limits.ts';

/** Compression schemes: embedded as they are (CCITT, JPEG), or decoded by utif2. */
const CCITT = new Set([2, 3, 4]);
const DECODED = new Set([1, 5, 8, 32946, 32773]);
const COMPRESSION_NAMES: Record<number, string> = {
  6: 'old-style JPEG',
  7: 'JPEG',
  9: 'JBIG',
  10: 'JBIG2',
  34661: 'JBIG',
  34712: 'JPEG 2000',
  34887: 'LERC',
  34925: 'LZMA',
  50000: 'Zstandard',
  50001: 'WebP',
  50002: 'JPEG XL',
};
/** The tags utif2's decoders and toRGBA8 read for the schemes above: a directory is handed over with these only. */
const UTIF_TAGS = [256, 257, 258, 259, 262, 273, 277, 278, 279, 284, 317, 320, 322, 323, 324, 325, 338, 339];

interface Layout {
  /** Strips (x 0, the full width) or tiles, in the order of their offsets. */
  pieces: Array<{ x: number; y: number; w: number; h: number; offset: number; length: number }>;
  tiled: boolean;
}

export function readTiff(bytes: Uint8Array, maxPixels: number, maxFrames: number): ImageSource {
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
      if (directories.length === 0)
        throw offset >= bytes.length
          ? truncated('tiff', 'it ends before its first image directory')
          : damaged('tiff', 'its first image directory is outside the file');
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
  if (!colourOk)
    throw refuse(
      `has a colour model Docket does not read (PhotometricInterpretation ${photometric}, ${spp} sample${spp === 1 ? '' : 's'} of ${bps} bits${CCITT.has(compression) ? ', CCITT' : compression === 7 ? ', JPEG' : ''})`,
    );
  const layout = tiffLayout(bytes, tags, width, height, bps * spp, compression, where, directory.outside);
  const common = { width, height, dpi: tiffResolution(tags), orientation: orientationOf(tags) };
  if (CCITT.has(compression)) return { ...common, embed: async (pdf) => ccittPieces(pdf, bytes, tags, layout, compression, photometric) };
  if (compression === 7) {
    // Each strip is a JPEG of its own (with the shared tables of JPEGTables): check them all now.
    const tables = tags.t347 instanceof Uint8Array ? tags.t347 : null;
    const strips = layout.pieces.map((p, i) => {
      const data = withTables(bytes.subarray(p.offset, p.offset + p.length), tables);
      const info = walkJpeg(data, 'tiff', `${where}${layout.tiled ? 'tile' : 'strip'} ${i + 1}: `);
      if (info.width * info.height > p.w * p.h * 4 || info.width * info.height > maxPixels)
        throw damaged(
          'tiff',
          `${where}${layout.tiled ? 'tile' : 'strip'} ${i + 1} holds a JPEG of ${info.width} × ${info.height} pixels, larger than its place`,
        );
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
        throw damaged(
          'tiff',
          `${where}${layout.tiled ? 'tile' : 'strip'} ${i + 1}'s compressed data ${/buffer|larger|maxOutputLength/i.test(message) ? 'unpacks to more than its size' : `cannot be read (${message})`}`,
        );
      }
    }
  }
  return { ...common, embed: async (pdf) => decodedPiece(pdf, file, tags, { width, height, bps, spp, photometric, compression }, where) };
}

/** Where the frame's strips or tiles lie; each must be inside the file (a truncated file's are not). */
function tiffLayout(
  bytes: Uint8Array,
  tags: Tags,
  width: number,
  height: number,
  bitsPerPixel: number,
  compression: number,
  where: string,
  outside: boolean,
): Layout {
  const rowBytes = (w: number) => Math.ceil((w * bitsPerPixel) / 8);
  const tileW = num(tags, 322);
  const tileH = num(tags, 323);
  const tiled = tileW !== undefined || tileH !== undefined;
  const offsets = nums(tags, tiled ? 324 : 273);
  let lengths = nums(tags, tiled ? 325 : 279);
  const what = tiled ? 'tile' : 'strip';
  const missing = () =>
    outside ? truncated('tiff', `${where}its directory points past the end of the file`) : damaged('tiff', `${where}it does not say where its image data is`);
  if (!offsets || offsets.length === 0) throw missing();
  const pieces: Layout['pieces'] = [];
  if (tiled) {
    if (!tileW || !tileH) throw damaged('tiff', `${where}its tile size is missing or 0`);
    const across = Math.ceil(width / tileW);
    const down = Math.ceil(height / tileH);
    if (offsets.length < across * down) throw damaged('tiff', `${where}it has ${offsets.length} tiles where its size needs ${across * down}`);
    for (let i = 0; i < across * down; i++)
      pieces.push({ x: (i % across) * tileW, y: Math.floor(i / across) * tileH, w: tileW, h: tileH, offset: offsets[i]!, length: lengths?.[i] ?? 0 });
  } else {
    const rows = Math.min(num(tags, 278) ?? height, height) || height;
    const count = Math.ceil(height / rows);
    if (offsets.length < count) throw damaged('tiff', `${where}it has ${offsets.length} strips where its height needs ${count}`);
    // utif2 reads an uncompressed single strip by its size, whatever its byte count says.
    if (compression === 1 && count === 1) lengths = [rowBytes(width) * height];
    for (let i = 0; i < count; i++)
      pieces.push({ x: 0, y: i * rows, w: width, h: Math.min(rows, height - i * rows), offset: offsets[i]!, length: lengths?.[i] ?? 0 });
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
    const ref = imageStream(pdf, data, {
      Width: p.w,
      Height: p.h,
      ColorSpace: 'DeviceGray',
      BitsPerComponent: 1,
      Filter: 'CCITTFaxDecode',
      DecodeParms: parms,
    });
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
  /* eslint-disable no-console -- silencing utif2's own console.log, not logging */
  const log = console.log;
  console.log = () => {};
  try {
    UTIF.decodeImage(file, image);
  } catch (error) {
    throw damaged('tiff', `${where}its pixels cannot be decoded (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    console.log = log;
  }
  /* eslint-enable no-console */
  const { width: w, height: h, bps, spp, photometric } = f;
  const rowBytes = Math.ceil((w * bps * spp) / 8);
  const data = image.data as Uint8Array | undefined;
  if (!data || data.length < rowBytes * h) throw damaged('tiff', `${where}its pixel data is shorter than its size`);
  const pixels = data.subarray(0, rowBytes * h);
  const whole = (ref: PDFRef): Piece[] => [{ ref, x: 0, y: 0, w, h }];
  const flate = (contents: Uint8Array, dict: NonNullable<Dict>) =>
    imageStream(pdf, deflateSync(contents), { Width: w, Height: h, Filter: 'FlateDecode', ...dict });
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
