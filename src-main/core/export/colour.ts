import { DocketError } from '../errors.ts';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** '#rrggbb' to 0-255 channels; the contract already validates the shape. */
export function parseHexColour(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new DocketError('bad_colour', `Box colour "${hex}" is not a #rrggbb colour; use e.g. #000000.`);
  return { r: parseInt(match[1]!, 16), g: parseInt(match[2]!, 16), b: parseInt(match[3]!, 16) };
}

/** Black or white, whichever reads better on the box. */
export function contrastingText(colour: Rgb): Rgb {
  const luminance = 0.2126 * colour.r + 0.7152 * colour.g + 0.0722 * colour.b;
  return luminance > 140 ? { r: 0, g: 0, b: 0 } : { r: 255, g: 255, b: 255 };
}
