// The zip inside a DOCX, read with node:zlib under a byte budget, for mammoth (which otherwise
// inflates with JSZip, unbounded). The sizes the central directory declares are checked before
// anything is inflated, and the bytes actually inflated are counted as they come, so a zip bomb
// (a small file of deflated zeros or repeated XML, or one that lies about its sizes) stops at
// the budget instead of filling memory.
import { crc32, inflateRawSync } from 'node:zlib';

export class ZipError extends Error {}

/** The zip lists more parts than `maxParts`. */
export class ZipPartsError extends Error {
  readonly count: number;
  constructor(count: number) {
    super('the zip has too many parts');
    this.count = count;
  }
}

/** Inflating would pass the budget (`declared` when the central directory already says so). */
export class ZipBudgetError extends Error {
  readonly declared: number | null;
  constructor(declared: number | null) {
    super('the zip unpacks to more than its budget');
    this.declared = declared;
  }
}

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** What mammoth reads a DOCX through (its `file` input): the parts, inflated within `budget` bytes in all. */
export interface DocxFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
  write(name: string, contents: unknown): void;
  toArrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Opens the zip; refuses when it lists more than `maxParts` parts (ZipPartsError), when the XML
 * parts it declares add up to more than `budget` (ZipBudgetError), and later when the bytes
 * actually inflated do.
 */
export function openBoundedZip(bytes: Uint8Array, budget: number, maxParts: number): DocxFile {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = new Map<string, Entry>();
  for (const entry of centralDirectory(buffer, maxParts)) entries.set(entry.name, entry);
  let declared = 0;
  for (const entry of entries.values()) if (/\.(xml|rels)$/i.test(entry.name)) declared += entry.size;
  if (declared > budget) throw new ZipBudgetError(declared);
  let left = budget;

  const inflate = (entry: Entry): Buffer => {
    const data = compressedData(buffer, entry);
    let out: Buffer;
    if (entry.method === 0) {
      if (data.length > left) throw new ZipBudgetError(null);
      out = Buffer.from(data);
    } else if (entry.method === 8) {
      if (left === 0) throw new ZipBudgetError(null);
      try {
        out = inflateRawSync(data, { maxOutputLength: left });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipBudgetError(null);
        throw new ZipError(`the part ${entry.name} cannot be inflated (${(error as Error).message})`);
      }
    } else {
      throw new ZipError(`the part ${entry.name} is compressed with method ${entry.method}, which Word does not use`);
    }
    left -= out.length;
    if (out.length !== entry.size || crc32(out) !== entry.crc) throw new ZipError(`the part ${entry.name} is damaged (its size or checksum does not match)`);
    return out;
  };

  return {
    exists: (name) => entries.has(name),
    read: async (name, encoding) => {
      const entry = entries.get(name);
      if (!entry) throw new ZipError(`it has no part ${name}`);
      const out = inflate(entry);
      if (encoding === 'base64') return out.toString('base64');
      if (encoding) return new TextDecoder(encoding).decode(out);
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    },
    write: () => {
      throw new ZipError('read only');
    },
    toArrayBuffer: () => Promise.reject(new ZipError('read only')),
  };
}

function centralDirectory(buffer: Buffer, maxParts: number): Entry[] {
  const end = findEndOfCentralDirectory(buffer);
  let count = buffer.readUInt16LE(end + 10);
  let size = buffer.readUInt32LE(end + 12);
  let offset = buffer.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || buffer.readUInt32LE(locator) !== ZIP64_LOCATOR) throw new ZipError('its zip64 directory is missing');
    const zip64 = safe(buffer.readBigUInt64LE(locator + 8));
    if (zip64 + 56 > buffer.length || buffer.readUInt32LE(zip64) !== ZIP64_EOCD) throw new ZipError('its zip64 directory is damaged');
    count = safe(buffer.readBigUInt64LE(zip64 + 32));
    size = safe(buffer.readBigUInt64LE(zip64 + 40));
    offset = safe(buffer.readBigUInt64LE(zip64 + 48));
  }
  if (count > maxParts) throw new ZipPartsError(count);
  if (offset + size > buffer.length) throw new ZipError('its central directory lies outside the file (truncated?)');
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL) throw new ZipError('its central directory is damaged');
    const flags = buffer.readUInt16LE(at + 8);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    if (at + 46 + nameLength + extraLength > buffer.length) throw new ZipError('its central directory is damaged');
    const entry: Entry = {
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
      method: buffer.readUInt16LE(at + 10),
      crc: buffer.readUInt32LE(at + 16),
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      localOffset: buffer.readUInt32LE(at + 42),
    };
    if (flags & 1) throw new ZipError('it is encrypted (password-protected)');
    zip64Extra(buffer.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  const stop = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= stop; at--) {
    if (buffer.readUInt32LE(at) === EOCD) return at;
  }
  throw new ZipError('it is not a zip file (no central directory; truncated?)');
}

/** Sizes and offset too big for 32 bits are in the zip64 extra field, in this order. */
function zip64Extra(extra: Buffer, entry: Entry): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length || field + 8 > extra.length) throw new ZipError('its zip64 sizes are damaged');
        const value = safe(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    at += 4 + length;
  }
}

function compressedData(buffer: Buffer, entry: Entry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL) throw new ZipError(`the part ${entry.name} is damaged (no local header)`);
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  if (start + entry.compressedSize > buffer.length) throw new ZipError(`the part ${entry.name} is cut short (truncated?)`);
  return buffer.subarray(start, start + entry.compressedSize);
}

function safe(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('its sizes are impossible');
  return Number(value);
}
