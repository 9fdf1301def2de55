// PNG: chunks read and checked, the zlib stream inflated once to check it is whole; embedded as its
// IDAT stream when PDF can hold it, else through pdf-lib's embedPng (see image.ts).
import { once } from 'node:events';
import { createInflate, crc32 } from 'node:zlib';
import { CancelledError, throwIfCancelled } from '../jobs/jobs.ts';
import {
  checkSize,
  damaged,
  imageStream,
  indexed,
  perInch,
  resolution,
  truncated,
  unsupported,
  type Dpi,
  type Frame,
  type ImageSource,
} from './image-source.ts';

const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const PNG_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

export async function readPng(bytes: Uint8Array, maxPixels: number, signal: AbortSignal | undefined): Promise<ImageSource> {
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
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type))
      throw damaged('png', `a chunk at byte ${pos} has an invalid ${length > 0x7fffffff ? 'length' : 'type'}`);
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
        if (/animated/i.test((error as Error).message))
          throw unsupported('png', 'is animated and has transparency', 'Save its first frame as a PNG and import that.');
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
async function checkPngData(
  idat: Uint8Array[],
  h: { width: number; height: number; depth: number; colour: number; interlaced: boolean },
  signal: AbortSignal | undefined,
): Promise<void> {
  const bits = PNG_CHANNELS[h.colour]! * h.depth;
  const rowBytes = (w: number) => 1 + Math.ceil((w * bits) / 8);
  let expected = 0;
  if (!h.interlaced) expected = h.height * rowBytes(h.width);
  else {
    // Adam7: seven passes, each a smaller image of its own rows.
    for (const [x0, y0, dx, dy] of [
      [0, 0, 8, 8],
      [4, 0, 8, 8],
      [0, 4, 4, 8],
      [2, 0, 4, 4],
      [0, 2, 2, 4],
      [1, 0, 2, 2],
      [0, 1, 1, 2],
    ] as const) {
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
  if (seen < expected)
    throw damaged('png', `it holds ${seen.toLocaleString('en-US')} bytes of pixel data where its size needs ${expected.toLocaleString('en-US')}`);
}
