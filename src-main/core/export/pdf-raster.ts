import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { contrastingText, type Rgb } from './colour.ts';
import { dejaVuFontPath } from './fonts.ts';
import { paintPage, renderScale, type PDFDocumentProxy } from './pdfjs.ts';

const deflateAsync = promisify(deflate);

/** A box to burn in, in unrotated PDF user space (points, origin bottom-left). */
export interface BurnBox {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Text printed on the box (entity label or reason code), or null for none. */
  overlay: string | null;
}

export interface RasterOptions {
  dpi: number;
  colour: Rgb;
  /** Paint the whole page with the box colour (whole-page redaction). */
  wholePage: boolean;
}

/** A rendered page, ready to become an image XObject: deflated samples, row by row. */
export interface PageRaster {
  pixelWidth: number;
  pixelHeight: number;
  /** 1 = DeviceGray, 3 = DeviceRGB; grey pages are stored grey (a third of the bytes). */
  channels: 1 | 3;
  deflated: Buffer;
  /** The page's visible area (pdf.js `view`, the crop box) in user space: where the image goes. */
  view: [number, number, number, number];
  /** The page's /Rotate, for the output page: the image itself is unrotated. */
  rotation: number;
  /** The dpi actually used (lower than asked for pages too large to render at full resolution). */
  dpi: number;
}

let fontRegistered = false;
function overlayFont(): string {
  if (!fontRegistered) fontRegistered = GlobalFonts.registerFromPath(dejaVuFontPath(), 'Docket DejaVu Sans') !== null;
  return 'Docket DejaVu Sans';
}

/**
 * Renders one page with pdf.js and burns the redaction boxes into the pixels. Annotations and
 * form widgets are not drawn: their appearance could show redacted text that no check can see
 * once it is pixels. Memory stays one page: the surface's canvas is reused page after page.
 */
export async function rasterisePage(
  doc: PDFDocumentProxy,
  pageNo: number,
  boxes: readonly BurnBox[],
  options: RasterOptions,
  surface = new RasterSurface(),
): Promise<PageRaster> {
  const page = await doc.getPage(pageNo);
  try {
    const view = page.view as [number, number, number, number];
    const scale = renderScale(view, options.dpi);
    const viewport = page.getViewport({ scale, rotation: 0 });
    const canvas = surface.canvas(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)));
    // A page redacted whole is never drawn: the box colour covers all of it (burnBoxes).
    if (!options.wholePage) await paintPage(page, canvas, viewport, false);
    burnBoxes(canvas, boxes, view, scale, options, page.rotate);
    const { channels, samples } = samplesOf(canvas);
    const deflated = await deflateAsync(samples, { level: 6 });
    return { pixelWidth: canvas.width, pixelHeight: canvas.height, channels, deflated, view, rotation: page.rotate, dpi: scale * 72 };
  } finally {
    page.cleanup();
  }
}

/**
 * One canvas reused for every page of a document (pages are mostly the same size): native
 * canvas memory is freed only when the GC gets to it, so a canvas per page piles up.
 */
export class RasterSurface {
  #canvas: Canvas | null = null;

  canvas(width: number, height: number): Canvas {
    if (!this.#canvas) this.#canvas = createCanvas(width, height);
    else if (this.#canvas.width !== width || this.#canvas.height !== height) {
      this.#canvas.width = width;
      this.#canvas.height = height;
    }
    return this.#canvas;
  }

  release(): void {
    if (this.#canvas) {
      this.#canvas.width = 1;
      this.#canvas.height = 1;
    }
    this.#canvas = null;
  }
}

function css(colour: Rgb): string {
  return `rgb(${colour.r}, ${colour.g}, ${colour.b})`;
}

function burnBoxes(canvas: Canvas, boxes: readonly BurnBox[], view: readonly number[], scale: number, options: RasterOptions, rotation: number): void {
  const context = canvas.getContext('2d');
  context.fillStyle = css(options.colour);
  if (options.wholePage) {
    context.fillRect(0, 0, canvas.width, canvas.height);
    return;
  }
  const pixelBoxes = boxes.map((box) => {
    // Whole pixels, rounded outwards: an anti-aliased glyph edge must not peek out.
    const left = Math.floor((box.x - view[0]!) * scale);
    const top = Math.floor((view[3]! - (box.y + box.h)) * scale);
    const right = Math.ceil((box.x + box.w - view[0]!) * scale);
    const bottom = Math.ceil((view[3]! - box.y) * scale);
    return { left, top, width: right - left, height: bottom - top, overlay: box.overlay };
  });
  for (const b of pixelBoxes) context.fillRect(b.left, b.top, b.width, b.height);
  context.fillStyle = css(contrastingText(options.colour));
  context.textBaseline = 'middle';
  context.textAlign = 'center';
  // The image is unrotated; the viewer turns it by /Rotate. Turn the words the other way so
  // they read upright on screen.
  const turn = (-(((rotation % 360) + 360) % 360) * Math.PI) / 180;
  const sideways = Math.abs(Math.sin(turn)) > 0.5;
  for (const b of pixelBoxes) {
    if (!b.overlay) continue;
    const along = sideways ? b.height : b.width;
    const across = sideways ? b.width : b.height;
    let size = across * 0.7;
    context.font = `${size}px "${overlayFont()}"`;
    const measured = context.measureText(b.overlay).width;
    if (measured > along * 0.95) size *= (along * 0.95) / measured;
    if (size < 4 * (scale / (150 / 72))) continue; // unreadably small: leave the box plain
    context.font = `${size}px "${overlayFont()}"`;
    context.save();
    context.translate(b.left + b.width / 2, b.top + b.height / 2);
    context.rotate(turn);
    context.fillText(b.overlay, 0, 0);
    context.restore();
  }
}

/** RGBA canvas to packed grey or RGB samples (the PDF has no use for alpha: the page is opaque). */
function samplesOf(canvas: Canvas): { channels: 1 | 3; samples: Buffer } {
  const rgba = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const pixels = canvas.width * canvas.height;
  let grey = true;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i] !== rgba[i + 1] || rgba[i] !== rgba[i + 2]) {
      grey = false;
      break;
    }
  }
  if (grey) {
    const out = Buffer.allocUnsafe(pixels);
    for (let p = 0, i = 0; p < pixels; p++, i += 4) out[p] = rgba[i]!;
    return { channels: 1, samples: out };
  }
  const out = Buffer.allocUnsafe(pixels * 3);
  for (let p = 0, i = 0, o = 0; p < pixels; p++, i += 4, o += 3) {
    out[o] = rgba[i]!;
    out[o + 1] = rgba[i + 1]!;
    out[o + 2] = rgba[i + 2]!;
  }
  return { channels: 3, samples: out };
}
