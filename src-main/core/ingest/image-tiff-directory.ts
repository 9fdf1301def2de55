// TIFF directories (also EXIF's): entries read bounded, values only from inside the file, as
// utif2 keeps them; resolution and orientation from their tags.
import { perInch, resolution, type Dpi } from './image-source.ts';

interface TiffReader {
  bytes: Uint8Array;
  le: boolean;
  u16(at: number): number;
  u32(at: number): number;
}

export function tiffReader(bytes: Uint8Array): TiffReader | null {
  const le = bytes[0] === 0x49 && bytes[1] === 0x49;
  if (!le && !(bytes[0] === 0x4d && bytes[1] === 0x4d)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { bytes, le, u16: (at) => view.getUint16(at, le), u32: (at) => view.getUint32(at, le) };
}

/** Tag values as utif2 keeps them: "t<tag>" → numbers, [numerator, denominator] pairs, bytes or [string]. */
type TagValue = number[] | Array<[number, number]> | Uint8Array | string[];
export type Tags = Record<string, TagValue>;

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
/** Values one tag may hold: more than any real file (a strip per row of a 100-megapixel image), far below what would exhaust memory. */
const MAX_TAG_VALUES = 1 << 24;

export class OutsideFile extends Error {}

/**
 * One image file directory: its entries (12 bytes each) and the offset of the next. Values must
 * lie inside the file; one that does not is left out and noted (`outside`), so a truncated file
 * is named as such when a tag it needs is missing.
 */
export function readDirectory(r: TiffReader, offset: number): { tags: Tags; next: number; outside: boolean } {
  const size = r.bytes.length;
  if (offset < 8 || offset + 2 > size) throw new OutsideFile();
  const count = r.u16(offset);
  if (offset + 2 + count * 12 > size) throw new OutsideFile();
  const tags: Tags = {};
  let outside = false;
  for (let i = 0; i < count; i++) {
    const entry = offset + 2 + i * 12;
    const tag = r.u16(entry);
    const type = r.u16(entry + 2);
    const n = r.u32(entry + 4);
    const width = TYPE_SIZE[type];
    if (width === undefined || n === 0) continue;
    if (n > MAX_TAG_VALUES) {
      outside = true;
      continue;
    }
    const at = n * width <= 4 ? entry + 8 : r.u32(entry + 8);
    if (at + n * width > size) {
      outside = true;
      continue;
    }
    tags[`t${tag}`] = tagValues(r, type, at, n);
  }
  const nextAt = offset + 2 + count * 12;
  const next = nextAt + 4 <= size ? r.u32(nextAt) : 0;
  return { tags, next, outside };
}

function tagValues(r: TiffReader, type: number, at: number, n: number): TagValue {
  const view = new DataView(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
  const le = r.le;
  const list = <T>(width: number, read: (p: number) => T): T[] => Array.from({ length: n }, (_, i) => read(at + i * width));
  switch (type) {
    case 1:
    case 6:
    case 7:
      return r.bytes.subarray(at, at + n);
    case 2: {
      const text = r.bytes.subarray(at, at + n);
      const nul = text.indexOf(0);
      return [String.fromCharCode(...text.subarray(0, nul < 0 ? n : nul).subarray(0, 4096))];
    }
    case 3:
      return list(2, (p) => view.getUint16(p, le));
    case 8:
      return list(2, (p) => view.getInt16(p, le));
    case 4:
    case 13:
      return list(4, (p) => view.getUint32(p, le));
    case 9:
      return list(4, (p) => view.getInt32(p, le));
    case 5:
      return list(8, (p) => [view.getUint32(p, le), view.getUint32(p + 4, le)] as [number, number]);
    case 10:
      return list(8, (p) => [view.getInt32(p, le), view.getInt32(p + 4, le)] as [number, number]);
    case 11:
      return list(4, (p) => view.getFloat32(p, le));
    default:
      return list(8, (p) => view.getFloat64(p, le));
  }
}

export function num(tags: Tags, tag: number): number | undefined {
  const v = tags[`t${tag}`];
  const first = v?.[0];
  return typeof first === 'number' ? first : undefined;
}

export function nums(tags: Tags, tag: number): number[] | undefined {
  const v = tags[`t${tag}`];
  return Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : undefined;
}

function rational(tags: Tags, tag: number): number | undefined {
  const v = tags[`t${tag}`]?.[0];
  if (Array.isArray(v)) return v[1] === 0 ? undefined : v[0] / v[1];
  return typeof v === 'number' ? v : undefined;
}

export function tiffResolution(tags: Tags): Dpi {
  const unitTag = num(tags, 296) ?? 2;
  const unit = unitTag === 2 ? 'inch' : unitTag === 3 ? 'cm' : null;
  const x = rational(tags, 282);
  const y = rational(tags, 283);
  return resolution(x === undefined ? undefined : perInch(x, unit), y === undefined ? undefined : perInch(y, unit));
}

export function orientationOf(tags: Tags): number {
  const o = num(tags, 274) ?? 1;
  return o >= 1 && o <= 8 ? o : 1;
}
