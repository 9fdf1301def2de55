// A written file read back from disk in pieces, so checking it takes the same memory whatever
// its size: the check reads what is on disk, not what the writer meant to put there.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * Bytes `textLines` reads at once, into one buffer it reuses. Small on purpose: a decoded chunk of
 * a megabyte is a V8 large object that every scavenge during its lines found alive and promoted,
 * and each promotion counted towards growing the young generation; over a million records it grew
 * to its maximum (128 MB) and a JSONL export's peak with it. Only each line is decoded here.
 */
export const LINE_READ_BYTES = 64 * 1024;

/** The file's text in chunks of about `size` characters, UTF-8 decoded across chunk edges. */
export async function* textChunks(path: string, size = 1 << 20): AsyncGenerator<string> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: size });
  try {
    for await (const chunk of stream) yield chunk as string;
  } finally {
    stream.destroy();
  }
}

/**
 * The file's lines, split at "\n" only (as readJsonl and readConll split), numbered from 1; the
 * last one is what follows the last "\n" (often ''). Bytes are read into one buffer of `size`
 * bytes and each line is decoded on its own: a "\n" byte is never part of a longer UTF-8
 * character. A line longer than the buffer doubles it until the line fits; once the line is
 * done the buffer goes back to `size`, so memory follows the longest line, not the file.
 */
export async function* textLines(path: string, size = LINE_READ_BYTES): AsyncGenerator<{ line: string; number: number }> {
  const file = await open(path, 'r');
  let buffer: Buffer = Buffer.allocUnsafe(size);
  let kept = 0; // bytes of an unfinished line at the start of the buffer
  let number = 0;
  try {
    for (;;) {
      if (kept === buffer.length) buffer = moved(buffer, kept, 2 * buffer.length);
      const { bytesRead } = await file.read(buffer, kept, buffer.length - kept, null);
      const end = kept + bytesRead;
      if (bytesRead === 0) break;
      const filled = buffer.subarray(0, end);
      let at = 0;
      for (let newline = filled.indexOf(0x0a, kept); newline !== -1; newline = filled.indexOf(0x0a, at)) {
        yield { line: buffer.toString('utf8', at, newline), number: ++number };
        at = newline + 1;
      }
      kept = end - at;
      if (buffer.length > size && kept <= size) buffer = moved(buffer.subarray(at, end), kept, size);
      else buffer.copy(buffer, 0, at, end);
    }
    yield { line: buffer.toString('utf8', 0, kept), number: number + 1 };
  } finally {
    await file.close();
  }
}

/** The first `length` bytes of `from` at the start of a new buffer of `size` bytes. */
function moved(from: Buffer, length: number, size: number): Buffer {
  const to = Buffer.allocUnsafe(size);
  from.copy(to, 0, 0, length);
  return to;
}
