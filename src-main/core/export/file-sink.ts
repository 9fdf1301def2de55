import { closeSync, constants, fsyncSync, openSync, writeSync } from 'node:fs';

/** About this many bytes are gathered before one write: one system call per row would be slow, one buffer per file too big. */
const FLUSH_AT = 64 * 1024;

/**
 * An output file written piece by piece through a file descriptor. Created fresh ('wx': a link
 * planted under the temporary name is never followed); `pause` gives the descriptor back while
 * other files are written (an export may write one file per CSV source), the next write reopens
 * it for appending without following links. `bytes` is where the next piece starts.
 */
export class FileSink {
  readonly path: string;
  #fd: number | null;
  #pieces: Buffer[] = [];
  #size = 0;
  #bytes = 0;

  constructor(path: string) {
    this.path = path;
    this.#fd = openSync(path, 'wx', 0o600);
  }

  get bytes(): number {
    return this.#bytes;
  }

  write(text: string): void {
    // Encoded piece by piece, so `bytes` is exact even where a piece ends in half a surrogate pair.
    const piece = Buffer.from(text, 'utf8');
    this.#pieces.push(piece);
    this.#size += piece.length;
    this.#bytes += piece.length;
    if (this.#size >= FLUSH_AT) this.flush();
  }

  /** Puts what was gathered on disk (not synced): a reader of the file sees it. */
  flush(): void {
    if (this.#pieces.length === 0) return;
    const data = this.#pieces.length === 1 ? this.#pieces[0]! : Buffer.concat(this.#pieces);
    this.#pieces = [];
    this.#size = 0;
    this.#fd ??= openSync(this.path, constants.O_WRONLY | constants.O_APPEND | (constants.O_NOFOLLOW ?? 0));
    let at = 0;
    while (at < data.length) at += writeSync(this.#fd, data, at, data.length - at);
  }

  pause(): void {
    this.flush();
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
  }

  /** Flushes, syncs and closes: the file is complete on disk. */
  close(): void {
    this.flush();
    this.#fd ??= openSync(this.path, constants.O_WRONLY | constants.O_APPEND | (constants.O_NOFOLLOW ?? 0));
    try {
      fsyncSync(this.#fd);
    } finally {
      closeSync(this.#fd);
      this.#fd = null;
    }
  }

  /** Closes without syncing, whatever state it is in (the file is about to be discarded). */
  abandon(): void {
    this.#pieces = [];
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
  }
}
