// The "scanned" phone message: the slip's lines rendered with @napi-rs/canvas at 300 dpi, the
// size a scanner gives a printed note, and saved as an 8-bit grey PNG that says its resolution
// (pHYs), as a scanner saves one. The importer makes it a one-page scanned PDF with no text; the
// OCR run reads it.
import { crc32, deflateSync } from 'node:zlib';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { dejaVuSans } from '../export/fonts.ts';
import { scannedNoteLines } from './sample-texts.ts';

const DPI = 300;
/** A6 landscape, the size of a phone-message pad. */
const WIDTH = Math.round((148 / 25.4) * DPI);
const HEIGHT = Math.round((105 / 25.4) * DPI);
const FONT_PT = 12;
const FAMILY = 'Docket Sample Sans';

let registered = false;
/** Registered from the bytes, not a path: in the packaged app the font sits inside the asar, which native code cannot open. */
function fontFamily(): string {
  if (!registered) {
    if (!GlobalFonts.register(Buffer.from(dejaVuSans()), FAMILY)) throw new Error('The sample scan could not load its font (DejaVu Sans).');
    registered = true;
  }
  return FAMILY;
}

export function sampleScan(): Uint8Array {
  const canvas = createCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f7f6f1'; // paper, not pure white
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  ctx.fillStyle = '#1c1c1c';
  const px = (FONT_PT / 72) * DPI;
  ctx.font = `${px}px "${fontFamily()}"`;
  ctx.textBaseline = 'alphabetic';
  const margin = DPI / 2;
  scannedNoteLines.forEach((line, i) => ctx.fillText(line, margin, margin + px + i * px * 1.7));
  const { data } = ctx.getImageData(0, 0, WIDTH, HEIGHT);
  return greyPng(data, WIDTH, HEIGHT, DPI);
}

/** RGBA pixels as an 8-bit greyscale PNG (filter 0 on every row) with its resolution in pHYs. */
function greyPng(rgba: Uint8ClampedArray, width: number, height: number, dpi: number): Uint8Array {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1);
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      raw[row + 1 + x] = Math.round(0.299 * rgba[p]! + 0.587 * rgba[p + 1]! + 0.114 * rgba[p + 2]!);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8 bits, greyscale, deflate, filter method 0, not interlaced
  const perMetre = Math.round(dpi / 0.0254);
  const phys = Buffer.alloc(9);
  phys.writeUInt32BE(perMetre, 0);
  phys.writeUInt32BE(perMetre, 4);
  phys[8] = 1; // unit: metre
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('pHYs', phys),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}
