// A written file read back from disk in pieces, so checking it takes the same memory whatever
// its size: the check reads what is on disk, not what the writer meant to put there.
import { createReadStream } from 'node:fs';

/** The file's text in chunks of about `size` characters, UTF-8 decoded across chunk edges. */
export async function* textChunks(path: string, size = 1 << 20): AsyncGenerator<string> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: size });
  try {
    for await (const chunk of stream) yield chunk as string;
  } finally {
    stream.destroy();
  }
}

/** The file's lines, split at "\n" only (as readJsonl and readConll split), numbered from 1. */
export async function* textLines(path: string): AsyncGenerator<{ line: string; number: number }> {
  let open = '';
  let number = 0;
  for await (const chunk of textChunks(path)) {
    let at = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', at)) {
      yield { line: open + chunk.slice(at, end), number: ++number };
      open = '';
      at = end + 1;
    }
    // A line longer than a chunk grows by concatenation (cheap in V8) until its end arrives.
    open += chunk.slice(at);
  }
  yield { line: open, number: number + 1 };
}
