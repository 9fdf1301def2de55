/**
 * Character offsets for a token sequence, by aligning each token's folded surface against the
 * folded document text (see fold.ts) in order. The tokenizer library exposes no offset mapping,
 * and its normalisers change lengths (accent stripping, NFKC, CJK spacing), so matching happens
 * in the folded space and maps back through the per-unit origStart/origEnd tables.
 *
 * - Tokens that carry only part of a UTF-8 character (byte-level BPE, <0xNN> byte fallback) are
 *   grouped until the bytes complete their characters; each token gets the characters its bytes
 *   touch, so the two halves of a split emoji both span the whole emoji (as Hugging Face's Rust
 *   tokenizers do).
 * - Unknown tokens ([UNK]) cover the text up to where the next known token matches, never across
 *   whitespace.
 * - Leading whitespace (Ġ, ▁) is not part of any span: whitespace does not exist in folded space.
 * - Tokens whose surface folds to nothing (a lone '▁', a combining mark already attached to the
 *   previous character) get a zero-width span at the current position.
 */
import type { FoldedText } from './fold.ts';
import { foldCodePoint } from './fold.ts';
import { SURFACE_BYTES, SURFACE_UNKNOWN, type TokenSurfaces } from './surface.ts';

export interface TokenOffsets {
  starts: Int32Array;
  ends: Int32Array;
  /** Tokens whose surface could not be found where expected (0 on well-formed input). */
  misses: number;
}

/** How far ahead a token may be found after a mismatch before it is given a zero-width span. */
const RESYNC_WINDOW = 64;

/**
 * @param unknownLengths folded length of unknown tokens where the caller knows it (from the
 * pre-token), else -1 / null: then an unknown token runs to the next known token or whitespace.
 */
export function alignTokens(
  ids: Int32Array,
  text: FoldedText,
  textLength: number,
  surfaces: TokenSurfaces,
  unknownLengths: Int32Array | null = null,
): TokenOffsets {
  const n = ids.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const { folded, origStart, origEnd } = text;
  const F = folded.length;
  const at = (p: number): number => (p < F ? origStart[p]! : textLength);
  let p = 0;
  let misses = 0;

  const place = (i: number, from: number, to: number): void => {
    // [from, to) in folded units; empty ranges become a zero-width span at `from`.
    if (to > from) {
      starts[i] = origStart[from]!;
      ends[i] = origEnd[to - 1]!;
    } else {
      starts[i] = ends[i] = at(from);
    }
  };

  const find = (needle: string, from: number): number => {
    if (folded.startsWith(needle, from)) return from;
    const q = folded.indexOf(needle, from);
    return q >= 0 && q - from <= RESYNC_WINDOW ? q : -1;
  };

  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    const kind = surfaces.kind(id);
    if (kind === SURFACE_UNKNOWN) {
      const known = unknownLengths ? unknownLengths[i]! : -1;
      const end = known >= 0 ? Math.min(F, p + known) : unknownEnd(i);
      place(i, p, end);
      p = end;
      continue;
    }
    if (kind === SURFACE_BYTES) {
      i = alignByteGroup(i) - 1;
      continue;
    }
    const s = surfaces.folded(id);
    if (s.length === 0) {
      place(i, p, p);
      continue;
    }
    const q = find(s, p);
    if (q < 0) {
      misses++;
      place(i, p, p);
      continue;
    }
    place(i, q, q + s.length);
    p = q + s.length;
  }
  return { starts, ends, misses };

  /** End (folded index) of an unknown token starting at p: where the next known token matches, or the next whitespace gap. */
  function unknownEnd(i: number): number {
    if (p >= F) return p;
    let gap = p + 1;
    while (gap < F && origStart[gap]! <= origEnd[gap - 1]!) gap++;
    for (let j = i + 1; j < n; j++) {
      const id = ids[j]!;
      if (surfaces.kind(id) === SURFACE_UNKNOWN) return gap;
      if (surfaces.kind(id) === SURFACE_BYTES) break;
      const s = surfaces.folded(id);
      if (s.length === 0) continue;
      const q = folded.indexOf(s, p + 1);
      return q < 0 ? gap : Math.min(q, gap);
    }
    return gap;
  }

  /** Align tokens i.. whose bytes form complete UTF-8 characters together; returns the index after the group. */
  function alignByteGroup(first: number): number {
    const parts: Uint8Array[] = [];
    let total = 0;
    let j = first;
    do {
      const id = ids[j]!;
      if (surfaces.kind(id) === SURFACE_UNKNOWN) break;
      const b = surfaces.bytes(id);
      parts.push(b);
      total += b.length;
      j++;
    } while (j < n && incompleteUtf8(parts));
    const buffer = new Uint8Array(total);
    const tokenEnd = new Int32Array(parts.length);
    let off = 0;
    parts.forEach((b, k) => {
      buffer.set(b, off);
      off += b.length;
      tokenEnd[k] = off;
    });
    // Decode code point by code point, remembering each one's byte range and folded length.
    const cps: number[] = [];
    const cpByteEnd: number[] = [];
    let groupFolded = '';
    for (let b = 0; b < total;) {
      const [cp, len] = decodeUtf8(buffer, b);
      cps.push(cp);
      b += len;
      cpByteEnd.push(b);
      groupFolded += foldCodePoint(cp);
    }
    const q = groupFolded.length === 0 ? p : find(groupFolded, p);
    if (q < 0) {
      misses++;
      for (let k = first; k < j; k++) place(k, p, p);
      return j;
    }
    // Folded start of each code point inside the group.
    const cpFoldStart = new Int32Array(cps.length + 1);
    for (let c = 0; c < cps.length; c++) cpFoldStart[c + 1] = cpFoldStart[c]! + foldCodePoint(cps[c]!).length;
    let c = 0;
    for (let k = 0; k < parts.length; k++) {
      const byteStart = k === 0 ? 0 : tokenEnd[k - 1]!;
      const byteEnd = tokenEnd[k]!;
      while (c < cps.length && cpByteEnd[c]! <= byteStart) c++;
      let last = c;
      while (last + 1 < cps.length && cpByteEnd[last]! < byteEnd) last++;
      const from = q + cpFoldStart[c]!;
      const to = q + cpFoldStart[Math.min(last + 1, cps.length)]!;
      place(first + k, from, to);
    }
    p = q + groupFolded.length;
    return j;
  }
}

function incompleteUtf8(parts: Uint8Array[]): boolean {
  // Walk back from the end to the last lead byte; incomplete if its sequence runs past the end.
  let back = 0;
  for (let k = parts.length - 1; k >= 0 && back < 4; k--) {
    const part = parts[k]!;
    for (let i = part.length - 1; i >= 0 && back < 4; i--) {
      back++;
      const byte = part[i]!;
      if ((byte & 0xc0) === 0x80) continue;
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return need > back;
    }
  }
  return false;
}

/** One code point from UTF-8 at `at`: [codePoint, byteLength]; invalid bytes decode to U+FFFD, length 1. */
function decodeUtf8(buf: Uint8Array, at: number): [number, number] {
  const b0 = buf[at]!;
  if (b0 < 0x80) return [b0, 1];
  const need = b0 >= 0xf0 && b0 < 0xf8 ? 4 : b0 >= 0xe0 ? 3 : b0 >= 0xc2 ? 2 : 0;
  if (need === 0 || at + need > buf.length) return [0xfffd, 1];
  let cp = b0 & (need === 2 ? 0x1f : need === 3 ? 0x0f : 0x07);
  for (let k = 1; k < need; k++) {
    const b = buf[at + k]!;
    if ((b & 0xc0) !== 0x80) return [0xfffd, 1];
    cp = (cp << 6) | (b & 0x3f);
  }
  return [cp, need];
}
