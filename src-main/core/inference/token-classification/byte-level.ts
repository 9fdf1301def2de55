// GPT-2's byte-level alphabet (bytes_to_unicode in the tokenizers library): each byte written
// as a printable character, bytes that are not printable moved to U+0100 onwards. Byte-level
// BPE vocabularies (RoBERTa, GPT-2) are written in it. One copy: the offset code reads tokens
// back to bytes with it, and the test and bench tokenizers write their vocabularies with it.

/** Byte → its character in the byte-level alphabet ('Ġ' for a space). */
export const BYTE_TO_UNICODE: readonly string[] = (() => {
  const map: string[] = [];
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
    map[b] = String.fromCharCode(printable ? b : 256 + extra++);
  }
  return map;
})();

/** Code point of a byte-level character → its byte (the inverse of BYTE_TO_UNICODE). */
export const UNICODE_TO_BYTE: ReadonlyMap<number, number> = new Map(BYTE_TO_UNICODE.map((ch, b) => [ch.codePointAt(0)!, b]));

const encoder = new TextEncoder();

/** Text → the byte-level alphabet (UTF-8 bytes, each as its character). */
export function byteLevel(text: string): string {
  return Array.from(encoder.encode(text), (b) => BYTE_TO_UNICODE[b]!).join('');
}
