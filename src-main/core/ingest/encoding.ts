// Text files arrive in whatever encoding the analyst's sources used. Detect the common ones
// rather than guess silently: a wrong guess turns names into mojibake that no model can find.

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  warnings: string[];
}

export class BinaryContentError extends Error {}

/** The decoded text would be longer than the most asked for; decoding stopped there. */
export class TextTooLongError extends Error {
  constructor(maxChars: number) {
    super(`the text is longer than ${maxChars} characters`);
  }
}

/** Fraction of control bytes (other than tab, CR, LF, FF) above which a file is binary, not text. */
const BINARY_CONTROL_RATIO = 0.02;

/**
 * The text of a file, line endings normalised to '\n'. Decoded chunk by chunk and stopped with
 * TextTooLongError as soon as it passes `maxChars`, so a huge file never becomes a huge string.
 */
export function decodeText(bytes: Uint8Array, maxChars = Infinity): DecodedText {
  // Every encoding here gives at least one character (UTF-16 code unit) per 3 bytes.
  if (Math.floor(bytes.length / 3) > maxChars) throw new TextTooLongError(maxChars);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decode('utf-8', bytes.subarray(3), maxChars), encoding: 'utf-8-bom', warnings: [] };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', bytes.subarray(2), maxChars), encoding: 'utf-16le', warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', bytes.subarray(2), maxChars), encoding: 'utf-16be', warnings: [] };
  const bomless = bomlessUtf16(bytes);
  if (bomless) return { text: decode(bomless, bytes, maxChars), encoding: bomless, warnings: [] };
  if (looksBinary(bytes)) throw new BinaryContentError('it contains binary data, not text');
  try {
    return { text: decode('utf-8', bytes, maxChars, true), encoding: 'utf-8', warnings: [] };
  } catch (error) {
    if (error instanceof TextTooLongError) throw error;
    return {
      text: decode('windows-1252', bytes, maxChars),
      encoding: 'windows-1252',
      warnings: ['Not valid UTF-8: read as Windows-1252. Check accented characters; re-save the file as UTF-8 if they look wrong.'],
    };
  }
}

/** Bytes decoded per step: the string grows by at most this much past the limit before it is refused. */
const DECODE_CHUNK = 4 * 1024 * 1024;

function decode(encoding: string, bytes: Uint8Array, maxChars: number, fatal = false): string {
  const decoder = new TextDecoder(encoding, { fatal });
  const parts: string[] = [];
  let length = 0;
  let carriageReturn = false; // a chunk ended in '\r': it may be the first half of '\r\n'
  for (let at = 0; at < bytes.length || at === 0; at += DECODE_CHUNK) {
    const last = at + DECODE_CHUNK >= bytes.length;
    let part = decoder.decode(bytes.subarray(at, at + DECODE_CHUNK), { stream: !last });
    if (carriageReturn) part = '\r' + part;
    carriageReturn = !last && part.endsWith('\r');
    if (carriageReturn) part = part.slice(0, -1);
    part = part.replace(/\r\n?/g, '\n');
    length += part.length;
    if (length > maxChars) throw new TextTooLongError(maxChars);
    parts.push(part);
    if (last) break;
  }
  return parts.join('');
}

/** UTF-16 without a BOM shows as NULs in every other byte of ASCII-heavy text. */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return n > 0 && control / n > BINARY_CONTROL_RATIO;
}
