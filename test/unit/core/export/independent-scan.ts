// An independent leak scanner for PDFs: it uses Debian's poppler-utils and qpdf (not Docket's
// own code) to look for a value in every layer of a file where a redacted value could survive:
//
//   pdftotext (reading order, and -raw content-stream order), pdfinfo (Info dict, XMP with -meta,
//   JavaScript with -js, URLs with -url), pdfdetach (-list, and the content of every file it saves),
//   qpdf --qdf with every stream decoded, and the raw file bytes plus every Flate stream found in
//   them (so objects of earlier revisions that no xref points at any more are searched too).
//
// Binary layers are searched as latin1, UTF-8, UTF-16BE/LE, as hex (upper or lower case,
// latin1/UTF-16BE/UTF-8 bytes), and through their string tokens: literal strings with escapes
// decoded (\ddd, \(, ...) and hex strings decoded (with a BOM: as UTF-16BE), each string on its own
// and all strings of each object joined (a value drawn in glyph pieces: [(Qu) -30 (en)] TJ).
//
// Matching ignores case and whitespace: the value's characters must appear in order with any run
// of whitespace (or none) between them, and any run of whitespace/hyphens (or none) where the
// value has a space or hyphen: '555-867-5309' matches '555-867-\n5309' and '5558675309'.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { constants as zlib, inflateSync } from 'node:zlib';

export interface LayerHit {
  /** Where: 'pdftotext', 'qpdf --qdf decoded', 'raw file bytes', 'pdfdetach -saveall: a.txt', ... */
  layer: string;
  /** In what form: 'text', 'latin1', 'utf-16be', 'hex latin1', 'string', 'string operands joined', ... */
  form: string;
}

const TIMEOUT_MS = 60_000;
const INSTALL_HINT: Record<string, string> = {
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdfdetach: 'poppler-utils',
  qpdf: 'qpdf',
};

/** Runs a tool; throws when it is missing, times out or fails (qpdf's exit 3 = warnings is fine). */
function run(tool: string, args: string[], okStatus: readonly number[] = [0]): Buffer {
  const result = spawnSync(tool, args, { timeout: TIMEOUT_MS, maxBuffer: 512 * 1024 * 1024 });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`independent-scan: '${tool}' is not installed (apt-get install ${INSTALL_HINT[tool] ?? tool})`);
    if (code === 'ETIMEDOUT') throw new Error(`independent-scan: '${tool} ${args.join(' ')}' timed out after ${TIMEOUT_MS} ms`);
    throw new Error(`independent-scan: '${tool}' failed to start: ${result.error.message}`);
  }
  if (result.status === null || !okStatus.includes(result.status)) {
    throw new Error(`independent-scan: '${tool} ${args.join(' ')}' exited with ${result.status ?? result.signal}: ${result.stderr.toString().trim()}`);
  }
  return result.stdout;
}

/** The text of every page, in reading order, pages joined without form feeds (pdftotext -nopgbrk). */
export function extractedText(pdfPath: string): string {
  return run('pdftotext', ['-nopgbrk', '-enc', 'UTF-8', pdfPath, '-']).toString('utf8');
}

// ---------------------------------------------------------------------------------------------
// Layers: each is a list of views, a view being text to search in one form.

interface View {
  form: string;
  text: string;
  /** Searched with the hex patterns rather than the text pattern. */
  hex?: boolean;
}

interface Layer {
  layer: string;
  views: View[];
}

const textLayer = (layer: string, out: Buffer): Layer => ({ layer, views: [{ form: 'text', text: out.toString('utf8') }] });

/**
 * UTF-16 decoding by hand, from byte `offset`. Not Buffer#toString('utf16le'): on Node 24.21 that
 * corrupts the heap for a buffer view at an odd offset with an odd length (glibc then aborts the
 * process with "double free or corruption").
 */
function utf16(buf: Uint8Array, offset: number, bigEndian: boolean): string {
  const n = Math.max(0, Math.floor((buf.length - offset) / 2));
  const units = new Uint16Array(n);
  for (let i = 0, p = offset; i < n; i++, p += 2) units[i] = bigEndian ? (buf[p]! << 8) | buf[p + 1]! : (buf[p + 1]! << 8) | buf[p]!;
  let out = '';
  for (let i = 0; i < n; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}

/** Decoded bytes of a PDF string: UTF-16 or UTF-8 with a BOM, otherwise latin1 (≈ PDFDocEncoding, WinAnsi). */
function decodePdfString(bytes: string): string {
  const buf = Buffer.from(bytes, 'latin1');
  if (buf[0] === 0xfe && buf[1] === 0xff) return utf16(buf, 2, true);
  if (buf[0] === 0xff && buf[1] === 0xfe) return utf16(buf, 2, false);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  return bytes;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
const MAX_STRING = 1 << 20;
const HEX_RUN = /[0-9A-Fa-f\s]*/y;

/** The string tokens of a chunk of PDF syntax (latin1): literal (..) and hex <..> strings, as bytes. */
function pdfStrings(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '(') {
      let depth = 1;
      let j = i + 1;
      let value = '';
      const limit = Math.min(s.length, i + MAX_STRING);
      while (j < limit && depth > 0) {
        const d = s[j]!;
        if (d === '\\') {
          const e = s[j + 1] ?? '';
          if (/[0-7]/.test(e)) {
            const oct = /^[0-7]{1,3}/.exec(s.slice(j + 1, j + 4))![0];
            value += String.fromCharCode(parseInt(oct, 8) & 0xff);
            j += 1 + oct.length;
          } else if (e === '\r') {
            j += s[j + 2] === '\n' ? 3 : 2; // line continuation
          } else if (e === '\n') {
            j += 2;
          } else {
            value += ESCAPES[e] ?? e;
            j += 2;
          }
          continue;
        }
        if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
        value += d;
        j++;
      }
      if (depth === 0) out.push(value);
      // Unbalanced (binary data): skip what was scanned, so a blob costs linear time.
      i = j + 1;
    } else if (c === '<') {
      if (s[i + 1] === '<') {
        i += 2;
        continue;
      }
      HEX_RUN.lastIndex = i + 1;
      const run = HEX_RUN.exec(s)!; // sticky: always matches, maybe empty
      const end = i + 1 + run[0].length;
      if (s[end] === '>') {
        let hex = run[0].replace(/\s+/g, '');
        if (hex.length % 2) hex += '0';
        out.push(Buffer.from(hex, 'hex').toString('latin1'));
      }
      i = end;
    } else i++;
  }
  return out;
}

/** Views of a binary blob of PDF syntax (or any file). Chunks (objects) are split at `endobj`. */
function binaryViews(buf: Buffer): View[] {
  const latin1 = buf.toString('latin1');
  const strings: string[] = [];
  const joined: string[] = [];
  for (const chunk of latin1.split('endobj')) {
    const decoded = pdfStrings(chunk).map(decodePdfString);
    if (decoded.length === 0) continue;
    strings.push(decoded.join('\u0001'));
    joined.push(decoded.join(''));
  }
  return [
    { form: 'latin1', text: latin1 },
    { form: 'utf-8', text: buf.toString('utf8') },
    { form: 'utf-16be', text: `${utf16(buf, 0, true)}\u0001${utf16(buf, 1, true)}` },
    { form: 'utf-16le', text: `${utf16(buf, 0, false)}\u0001${utf16(buf, 1, false)}` },
    { form: 'hex', text: latin1, hex: true },
    { form: 'string', text: strings.join('\u0001\u0001') },
    { form: 'string operands joined', text: joined.join('\u0001\u0001') },
  ];
}

/** Every Flate stream in the raw bytes inflated (salvaging truncated ones), each followed by `endobj`. */
function inflateAll(buf: Buffer): Buffer {
  const latin1 = buf.toString('latin1');
  const parts: Buffer[] = [];
  const re = /stream\r?\n/g;
  for (let m = re.exec(latin1); m; m = re.exec(latin1)) {
    if (latin1.slice(Math.max(0, m.index - 3), m.index) === 'end') continue;
    const start = m.index + m[0].length;
    const end = latin1.indexOf('endstream', start);
    const data = buf.subarray(start, end < 0 ? buf.length : end);
    for (const opts of [{}, { finishFlush: zlib.Z_SYNC_FLUSH }]) {
      try {
        parts.push(inflateSync(data, opts), Buffer.from('\nendobj\n'));
        break;
      } catch {
        // not Flate, or beyond salvage
      }
    }
  }
  return Buffer.concat(parts);
}

function layersOf(pdfPath: string): Layer[] {
  const layers: Layer[] = [];
  layers.push(textLayer('pdftotext', run('pdftotext', ['-nopgbrk', '-enc', 'UTF-8', pdfPath, '-'])));
  layers.push(textLayer('pdftotext -raw', run('pdftotext', ['-raw', '-nopgbrk', '-enc', 'UTF-8', pdfPath, '-'])));
  layers.push(textLayer('pdfinfo', run('pdfinfo', ['-enc', 'UTF-8', pdfPath])));
  layers.push(textLayer('pdfinfo -meta', run('pdfinfo', ['-meta', pdfPath])));
  layers.push(textLayer('pdfinfo -js', run('pdfinfo', ['-js', '-enc', 'UTF-8', pdfPath])));
  layers.push(textLayer('pdfinfo -url', run('pdfinfo', ['-url', '-enc', 'UTF-8', pdfPath])));
  layers.push(textLayer('pdfdetach -list', run('pdfdetach', ['-list', '-enc', 'UTF-8', pdfPath])));

  const tmp = mkdtempSync(join(tmpdir(), 'docket-scan-'));
  try {
    const detached = join(tmp, 'detached');
    mkdirSync(detached);
    run('pdfdetach', ['-saveall', '-o', detached, pdfPath]);
    for (const file of listFiles(detached)) {
      layers.push({ layer: `pdfdetach -saveall: ${relative(detached, file) || file}`, views: binaryViews(readFileSync(file)) });
    }
    const qdf = join(tmp, 'qdf.pdf');
    run('qpdf', ['--qdf', '--object-streams=disable', '--decode-level=all', pdfPath, qdf], [0, 3]);
    layers.push({ layer: 'qpdf --qdf decoded', views: binaryViews(readFileSync(qdf)) });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const raw = readFileSync(pdfPath);
  layers.push({ layer: 'raw file bytes', views: binaryViews(raw) });
  layers.push({ layer: 'raw streams inflated', views: binaryViews(inflateAll(raw)) });
  return layers;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

// One file is scanned for many values: keep its layers while it is unchanged.
const cache = new Map<string, { key: string; layers: Layer[] }>();

function cachedLayers(pdfPath: string): Layer[] {
  const st = statSync(pdfPath);
  const key = `${st.size}:${st.mtimeMs}:${st.ino}`;
  const hit = cache.get(pdfPath);
  if (hit?.key === key) return hit.layers;
  const layers = layersOf(pdfPath);
  cache.set(pdfPath, { key, layers });
  if (cache.size > 64) cache.delete(cache.keys().next().value!);
  return layers;
}

// ---------------------------------------------------------------------------------------------
// Patterns.

const GAP_CLASS = '\\s\\u00a0\\u00ad\\u200b-\\u200d\\ufeff';
const SEP_CLASS = `${GAP_CLASS}\\u2010-\\u2015\\u2212\\-`;
const SPLIT = /[\s\u00a0\u2010-\u2015\u2212-]+/u;
const escapeRe = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The value's parts (split at whitespace and hyphens), each a list of characters. */
function parts(value: string): string[][] {
  return value
    .normalize('NFC')
    .split(SPLIT)
    .filter(Boolean)
    .map((p) => [...p]);
}

/** Text pattern: whitespace allowed between any two characters, whitespace/hyphens at separators. */
export function valuePattern(value: string): RegExp {
  const ps = parts(value);
  if (ps.length === 0) throw new Error('independent-scan: empty value');
  const gap = `[${GAP_CLASS}]*`;
  return new RegExp(ps.map((p) => p.map(escapeRe).join(gap)).join(`[${SEP_CLASS}]*`), 'iu');
}

type Encoder = (ch: string) => string | null; // hex of the char's bytes, or null if not encodable

const ENCODINGS: Array<{ name: string; encode: Encoder; gap: string[]; sep: string[] }> = [
  {
    name: 'latin1',
    encode: (ch) => (ch.codePointAt(0)! <= 0xff ? Buffer.from(ch, 'latin1').toString('hex') : null),
    gap: ['20', '09', '0a', '0d', 'a0'],
    sep: ['2d', 'ad'],
  },
  {
    name: 'utf-16be',
    encode: (ch) => Array.from({ length: ch.length }, (_, i) => ch.charCodeAt(i).toString(16).padStart(4, '0')).join(''),
    gap: ['0020', '0009', '000a', '000d', '00a0'],
    sep: ['002d', '00ad', '2010', '2011', '2012', '2013', '2014', '2212'],
  },
  {
    name: 'utf-8',
    encode: (ch) => Buffer.from(ch, 'utf8').toString('hex'),
    gap: ['20', '09', '0a', '0d', 'c2a0'],
    sep: ['2d', 'c2ad', 'e28090', 'e28091', 'e28093', 'e28094'],
  },
];

/** Hex digits of bytes with optional whitespace between every digit (as in a PDF hex string). */
const hexBytes = (hex: string) => [...hex].join('\\s*');

/** Hex patterns, one per encoding that can encode the value (utf-8 only when it differs from latin1). */
function hexPatterns(value: string): Array<{ form: string; re: RegExp }> {
  const ascii = /^\p{ASCII}*$/u.test(value);
  const out: Array<{ form: string; re: RegExp }> = [];
  for (const enc of ENCODINGS) {
    if (enc.name === 'utf-8' && ascii) continue;
    const chars = (p: string[]) =>
      p.map((ch) => {
        const variants = [...new Set([ch, ch.toLowerCase(), ch.toUpperCase()])].filter((v) => [...v].length === 1).map(enc.encode);
        if (variants.some((v) => v === null)) return null;
        return `(?:${(variants as string[]).map(hexBytes).join('|')})`;
      });
    const encoded = parts(value).map(chars);
    if (encoded.some((p) => p.some((c) => c === null))) continue;
    const gap = `(?:\\s*(?:${enc.gap.map(hexBytes).join('|')}))*\\s*`;
    const sep = `(?:\\s*(?:${[...enc.gap, ...enc.sep].map(hexBytes).join('|')}))*\\s*`;
    out.push({ form: `hex ${enc.name}`, re: new RegExp(encoded.map((p) => p.join(gap)).join(sep), 'i') });
  }
  return out;
}

/** Every layer (and form) of the PDF at `pdfPath` in which `value` occurs; [] when none. */
export function scanFile(pdfPath: string, value: string): LayerHit[] {
  const text = valuePattern(value);
  const hex = hexPatterns(value);
  const hits: LayerHit[] = [];
  for (const { layer, views } of cachedLayers(pdfPath)) {
    for (const view of views) {
      if (view.hex) {
        for (const { form, re } of hex) if (re.test(view.text)) hits.push({ layer, form });
      } else if (text.test(view.text)) hits.push({ layer, form: view.form });
    }
  }
  return hits;
}
