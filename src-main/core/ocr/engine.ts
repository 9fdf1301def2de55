// The OCR engine: Tesseract (tesseract.js 7, WebAssembly) reading a scanned page image into words
// with boxes and confidences. Everything it needs ships in npm packages: the engine and its wasm
// core (tesseract.js, tesseract.js-core), the recognition models (@tesseract.js-data/<lang>) and
// the orientation model (@tesseract.js-data/osd). Nothing here reaches the network: tesseract.js
// only fetches when a language path is a URL or is left unset (then it uses a CDN), and we always
// hand it a local folder that already holds every file it will ask for.
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type Tesseract from 'tesseract.js';
import { DocketError } from '../errors.ts';

export interface OcrWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  confidence: number;
  line: number;
}
// Boxes in pixels of the image AS GIVEN (origin top-left), even when the engine rotated the image to read it.
// confidence 0-100. `line`: index of the word's text line on the page, lines numbered in reading order (0, 1, 2…); words of a line in reading order.
export interface OcrPage {
  width: number;
  height: number;
  rotation: 0 | 90 | 180 | 270;
  skew: number;
  words: OcrWord[];
  confidence: number;
}
// rotation: clockwise rotation the engine applied to the given image to read it upright; skew: degrees of small skew it corrected (0 if none); confidence: mean word confidence (0 when no words).
/** Pixels already decoded (a page pdf.js rendered): no encoding to PNG and decoding again. */
export interface RawImage {
  rgba: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}
export interface OcrEngine {
  recognize(image: Uint8Array /* PNG or JPEG bytes */ | RawImage, signal?: AbortSignal): Promise<OcrPage>;
  close(): Promise<void>;
}

/**
 * Engines worth running side by side: Tesseract reads a page on one thread, so one per core, and
 * at most two (each holds ~0.3 GB once it has read 300 dpi pages).
 */
export const ENGINES_AT_ONCE = Math.max(1, Math.min(2, availableParallelism()));

const require = createRequire(import.meta.url);
const gunzipAsync = promisify(gunzip);
const DATA_SCOPE = '@tesseract.js-data';
/** Tesseract language codes are letters, digits and underscores (eng, chi_sim, deu_latf). */
const LANGUAGE_CODE = /^[a-z][a-z0-9_]*$/i;
/**
 * Each data package ships two builds of its model. `4.0.0_best_int` is LSTM-only and about a
 * quarter of the size (eng: 2.9 MB gzipped, 15 MB unpacked, against 11 / 23 MB for `4.0.0`, which
 * adds the legacy classifier we never use for recognition); it is what tesseract.js itself picks
 * for LSTM. Same accuracy on our scans, and the worker starts in ~0.4 s instead of ~1 s.
 */
const MODEL_VARIANTS = ['4.0.0_best_int', '4.0.0'];

/** Languages whose @tesseract.js-data/<lang> package is installed (and ships a model). */
export function installedLanguages(): string[] {
  const found = new Set<string>();
  for (const nodeModules of require.resolve.paths(`${DATA_SCOPE}/eng`) ?? []) {
    const scope = join(nodeModules, DATA_SCOPE);
    if (!existsSync(scope)) continue;
    for (const name of readdirSync(scope)) {
      // osd is the orientation model, not a language you can read text in.
      if (name !== 'osd' && LANGUAGE_CODE.test(name) && modelFile(name)) found.add(name);
    }
  }
  return [...found].sort();
}

/** The gzipped model of a language as its package ships it, or null when the package does not resolve. */
function modelFile(language: string): { path: string; source: string } | null {
  let packageJson: string;
  try {
    packageJson = require.resolve(`${DATA_SCOPE}/${language}/package.json`);
  } catch {
    return null;
  }
  const version = (require(packageJson) as { version?: string }).version ?? '0';
  for (const variant of MODEL_VARIANTS) {
    const path = join(dirname(packageJson), variant, `${language}.traineddata.gz`);
    if (existsSync(path)) return { path, source: `${DATA_SCOPE}/${language}@${version}/${variant}` };
  }
  return null;
}

/**
 * Unpacks a model into the cache folder once (and again when its package changes), so starting a
 * worker reads a plain file instead of gunzipping 3-11 MB. Written to a temporary name and renamed,
 * so two engines starting together never read half a file.
 */
async function cachedModel(cacheDir: string, language: string): Promise<string> {
  const model = modelFile(language);
  if (!model) {
    throw new DocketError(
      'ocr_language_missing',
      `OCR language "${language}" is not installed: install its data with \`npm install ${DATA_SCOPE}/${language}\`.`,
    );
  }
  const target = join(cacheDir, `${language}.traineddata`);
  const marker = `${target}.source`;
  const current = await readFile(marker, 'utf8').catch(() => '');
  if (current !== model.source || !existsSync(target)) {
    // A name of its own: two engines started in the same millisecond (a run starts two) unpack side by side.
    const temporary = `${target}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, await gunzipAsync(await readFile(model.path)));
      await rename(temporary, target);
    } finally {
      await rm(temporary, { force: true });
    }
    await writeFile(marker, model.source);
  }
  return target;
}

type TesseractModule = typeof Tesseract;
type TesseractWorker = Tesseract.Worker & { worker?: { once(event: 'exit' | 'error', listener: (value: unknown) => void): void } };

interface LiveWorker {
  api: TesseractWorker;
  /** Rejects when the worker thread dies on its own (crash, out of memory), so a job never hangs. */
  died: Promise<never>;
  dead: boolean;
}

export async function createOcrEngine(options: { languages: string[]; cachePath: string }): Promise<OcrEngine> {
  const languages = [...new Set(options.languages)];
  if (languages.length === 0) throw new DocketError('ocr_language_missing', 'No OCR language was given; "eng" is always installed.');
  for (const language of languages) {
    if (!LANGUAGE_CODE.test(language))
      throw new DocketError('ocr_language_missing', `"${language}" is not an OCR language code (e.g. "eng", "fra", "chi_sim").`);
    if (!modelFile(language)) {
      throw new DocketError(
        'ocr_language_missing',
        `OCR language "${language}" is not installed: install its data with \`npm install ${DATA_SCOPE}/${language}\`.`,
      );
    }
  }
  // Our own sub-folder: tesseract.js names cached models just <lang>.traineddata, so a shared
  // folder could hand it another tool's (or another variant's) file of the same name.
  const cacheDir = join(options.cachePath, 'tessdata');
  await mkdir(cacheDir, { recursive: true });
  for (const language of languages) await cachedModel(cacheDir, language);
  // Orientation detection (OSD) is a model of its own; without it we still read upright and
  // skewed pages, and Tesseract's vertical-text detection still turns most sideways pages.
  const osd = modelFile('osd') ? await cachedModel(cacheDir, 'osd') : null;
  const tesseract = ((await import('tesseract.js')) as unknown as { default: TesseractModule }).default;
  const engine = new TesseractEngine(tesseract, languages, cacheDir, osd);
  // Started now rather than on the first page, so a broken install fails here, not mid-job.
  await engine.start();
  return engine;
}

class TesseractEngine implements OcrEngine {
  private worker: Promise<LiveWorker> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly closing = new AbortController();

  private readonly tesseract: TesseractModule;
  private readonly languages: string[];
  private readonly cacheDir: string;
  private readonly osdModel: string | null;

  constructor(tesseract: TesseractModule, languages: string[], cacheDir: string, osdModel: string | null) {
    this.tesseract = tesseract;
    this.languages = languages;
    this.cacheDir = cacheDir;
    this.osdModel = osdModel;
  }

  async start(): Promise<void> {
    await this.liveWorker();
  }

  recognize(image: Uint8Array | RawImage, signal?: AbortSignal): Promise<OcrPage> {
    const signals = signal ? AbortSignal.any([signal, this.closing.signal]) : this.closing.signal;
    if (signals.aborted) return Promise.reject(abortReason(signals));
    // One page at a time: the worker is one thread, and a job aborted while it runs terminates
    // the worker, which must not take another caller's page with it.
    const run = this.queue.then(() => this.recognizeNow(image, signals));
    this.queue = run.catch(() => {});
    // A page still waiting its turn rejects at once when its signal aborts.
    return raceAbort(run, signals);
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort(new DocketError('ocr_engine_closed', 'The OCR engine was closed.'));
    await this.stopWorker();
  }

  private async recognizeNow(image: Uint8Array | RawImage, signal: AbortSignal): Promise<OcrPage> {
    signal.throwIfAborted();
    const prepared = await prepareImage(image);
    signal.throwIfAborted();
    const worker = await raceAbort(this.liveWorker(), signal);
    let result: Tesseract.RecognizeResult;
    try {
      result = await raceAbort(
        Promise.race([
          worker.api.recognize(
            prepared.pgm,
            {
              // Tesseract measures the skew of the text lines and the image is rotated straight before
              // reading: on our 2° noisy scans this halves the error rate against leaving the skew to
              // Tesseract's line finder. The boxes then come in the straightened image: mapped back below.
              rotateAuto: true,
            },
            { text: false, blocks: true },
          ),
          worker.died,
        ]),
        signal,
      );
    } catch (error) {
      // The wasm call cannot be interrupted: the only way to stop a page is to end the thread.
      // The next page starts a new worker (~0.5 s), as it does after a worker died.
      if (signal.aborted || worker.dead) await this.stopWorker();
      throw error;
    }
    return pageFrom(result.data, prepared.width, prepared.height);
  }

  private liveWorker(): Promise<LiveWorker> {
    if (!this.worker) {
      const starting = this.startWorker();
      this.worker = starting;
      // A worker that failed to start is forgotten, so the next page tries again.
      starting.catch(() => {
        if (this.worker === starting) this.worker = null;
      });
    }
    return this.worker;
  }

  private async startWorker(): Promise<LiveWorker> {
    const api = (await this.tesseract.createWorker(this.languages, this.tesseract.OEM.LSTM_ONLY, {
      // Every model is already unpacked in cacheDir and is read from there; langPath points at
      // the same local folder so that, should a read ever miss, tesseract.js looks on disk again
      // and never falls back to its CDN. 'readOnly': never write or delete anything there.
      cachePath: this.cacheDir,
      langPath: this.cacheDir,
      cacheMethod: 'readOnly',
      gzip: false,
      // The LSTM-only core build lacks the legacy classifier that orientation detection uses.
      // The full build reads text with the same LSTM (OEM.LSTM_ONLY) and is as fast.
      legacyCore: Boolean(this.osdModel),
      logger: () => {},
      // Without an errorHandler tesseract.js rethrows a failed job inside its message listener,
      // an uncaught exception that would take the whole process down. The job still rejects.
      errorHandler: () => {},
    })) as TesseractWorker;
    try {
      if (this.osdModel) {
        // Tesseract loads osd.traineddata from its data folder (the worker's in-memory file
        // system) when a page is read in an OSD mode: put it there next to the language models.
        await api.FS('writeFile', ['./osd.traineddata', await readFile(this.osdModel)]);
      }
      await api.setParameters({
        // AUTO_OSD: page layout analysis plus orientation detection. Tesseract turns every text
        // block upright (0/90/180/270) before reading it and reports boxes in the image's frame.
        tessedit_pageseg_mode: (this.osdModel ? '1' : '3') as Tesseract.PSM,
        // Tesseract's diagnostics ("Estimating resolution as 432", "Detected 60 diacritics") go to
        // the process's stdout otherwise.
        debug_file: '/dev/null',
      });
    } catch (error) {
      await api.terminate();
      throw error;
    }
    // Assigned below, after the promise whose handler reads it is made.
    // eslint-disable-next-line prefer-const
    let live: LiveWorker | undefined;
    const died = new Promise<never>((_, reject) => {
      const fail = (cause: unknown) => {
        if (live) live.dead = true;
        reject(new DocketError('ocr_worker_died', 'The OCR worker stopped unexpectedly; the page was not read. Try again.', { cause }));
      };
      api.worker?.once('error', fail);
      api.worker?.once('exit', fail);
    });
    died.catch(() => {});
    live = { api, died, dead: false };
    return live;
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    const live = await worker?.catch(() => null);
    await live?.api.terminate();
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

// ---------------------------------------------------------------------------------------------
// Image preparation: decode, grey, despeckle, hand over as PGM.

interface PreparedImage {
  pgm: Buffer;
  width: number;
  height: number;
}

/**
 * Decodes the image natively (Skia, through @napi-rs/canvas: ~0.1 s for an A4 page at 300 dpi,
 * several times faster than Leptonica compiled to wasm), turns it grey, removes speckles, and
 * hands Tesseract an uncompressed PGM that it reads without decoding anything.
 * Skia applies a JPEG's EXIF orientation, so "the image as given" is the image as any viewer shows it.
 */
async function prepareImage(image: Uint8Array | RawImage): Promise<PreparedImage> {
  if (!(image instanceof Uint8Array)) {
    if (!image.width || !image.height || image.rgba.length < image.width * image.height * 4)
      throw new DocketError('ocr_bad_image', 'The page image is empty or shorter than its size.');
    return greyPgm(image.rgba, image.width, image.height);
  }
  const bytes = image;
  let decoded;
  try {
    decoded = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (cause) {
    throw new DocketError('ocr_bad_image', 'The page image could not be decoded (PNG or JPEG expected).', { cause });
  }
  const { width, height } = decoded;
  if (!width || !height) throw new DocketError('ocr_bad_image', 'The page image is empty.');
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff'; // transparent PNGs read as black on white, not black on black
  context.fillRect(0, 0, width, height);
  context.drawImage(decoded, 0, 0);
  const rgba = context.getImageData(0, 0, width, height).data;
  return greyPgm(rgba, width, height);
}

async function greyPgm(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Promise<PreparedImage> {
  // This runs on the caller's thread: let other work in between the ~0.1 s steps.
  await yieldToEventLoop();
  // The header is padded with a comment to 512 bytes: tesseract.js looks for an EXIF orientation
  // tag in an image's first 500 bytes, and must only ever find header text there, never pixels.
  const head = `P5\n${width} ${height}\n255\n`;
  const header = Buffer.from(`P5\n#${' '.repeat(512 - head.length - 3)}\n${width} ${height}\n255\n`, 'latin1');
  const pgm = Buffer.allocUnsafe(header.length + width * height);
  header.copy(pgm, 0);
  const grey = pgm.subarray(header.length);
  for (let i = 0, j = 0; i < grey.length; i++, j += 4) grey[i] = (rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29) >> 8;
  await yieldToEventLoop();
  despeckle(grey, width, height);
  return { pgm, width, height };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Whitens isolated specks: dark blobs much smaller than the text and far from any text. Tesseract
 * reads dust on a scan as punctuation and stray letters, and it breaks lines apart: on our noisy
 * scans this step takes the error rate from ~20-35% to ~1-3%. Tesseract's own `textord_heavy_nr`
 * removes specks too, but with them every full stop and comma at the end of a line.
 * A speck is kept when it lies within ~¾ of a text height of a letter (dots of i, full stops,
 * commas, hyphens, colons, decimal points all do); dust in the margins and between paragraphs goes.
 * Returns the number of specks removed. ~0.1-0.2 s for an A4 page at 300 dpi.
 */
export function despeckle(grey: Uint8Array, width: number, height: number): number {
  const threshold = otsu(grey);
  // Connected components (8-connected) of the dark pixels, by union-find over horizontal runs.
  let capacity = 1 << 16;
  let runStart = new Int32Array(capacity);
  let runEnd = new Int32Array(capacity);
  let runRow = new Int32Array(capacity);
  let parent = new Int32Array(capacity);
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]!]!;
      a = parent[a]!;
    }
    return a;
  };
  let runs = 0;
  let previousFirst = 0;
  let previousEnd = 0;
  for (let y = 0; y < height; y++) {
    const first = runs;
    const offset = y * width;
    let candidate = previousFirst;
    for (let x = 0; x < width; x++) {
      if (grey[offset + x]! > threshold) continue;
      const start = x;
      while (x < width && grey[offset + x]! <= threshold) x++;
      const end = x - 1;
      if (runs === capacity) {
        capacity *= 2;
        const grow = (array: Int32Array) => {
          const bigger = new Int32Array(capacity);
          bigger.set(array);
          return bigger;
        };
        runStart = grow(runStart);
        runEnd = grow(runEnd);
        runRow = grow(runRow);
        parent = grow(parent);
      }
      runStart[runs] = start;
      runEnd[runs] = end;
      runRow[runs] = y;
      parent[runs] = runs;
      while (candidate < previousEnd && runEnd[candidate]! < start - 1) candidate++;
      for (let q = candidate; q < previousEnd && runStart[q]! <= end + 1; q++) {
        const a = find(q);
        const b = find(runs);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
      runs++;
    }
    previousFirst = first;
    previousEnd = runs;
  }
  const left = new Int32Array(runs).fill(width);
  const right = new Int32Array(runs).fill(-1);
  const top = new Int32Array(runs).fill(height);
  const bottom = new Int32Array(runs).fill(-1);
  const roots: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = find(i);
    if (r === i) roots.push(i);
    left[r] = Math.min(left[r]!, runStart[i]!);
    right[r] = Math.max(right[r]!, runEnd[i]!);
    top[r] = Math.min(top[r]!, runRow[i]!);
    bottom[r] = Math.max(bottom[r]!, runRow[i]!);
  }
  // The text height: the median height of the blobs of 8 px or more (letters; specks are smaller).
  // Too few of them (a blank page, tiny text, a photo) and the page is left as it is.
  const heights = roots
    .map((r) => bottom[r]! - top[r]! + 1)
    .filter((h) => h >= 8)
    .sort((a, b) => a - b);
  if (heights.length < 20) return 0;
  const textHeight = heights[heights.length >> 1]!;
  const small = 0.3 * textHeight;
  const reach = Math.max(2, Math.round(0.75 * textHeight));
  const isSmall = (r: number) => right[r]! - left[r]! + 1 <= small && bottom[r]! - top[r]! + 1 <= small;
  // Where the letters are, on a grid of cells a quarter of the text height.
  const cell = Math.max(2, Math.round(textHeight / 4));
  const gridWidth = Math.ceil(width / cell);
  const gridHeight = Math.ceil(height / cell);
  const letters = new Uint8Array(gridWidth * gridHeight);
  for (const r of roots) {
    if (isSmall(r)) continue;
    for (let gy = Math.floor(top[r]! / cell); gy <= Math.floor(bottom[r]! / cell); gy++) {
      letters.fill(1, gy * gridWidth + Math.floor(left[r]! / cell), gy * gridWidth + Math.floor(right[r]! / cell) + 1);
    }
  }
  let removed = 0;
  for (const r of roots) {
    if (!isSmall(r)) continue;
    const gx0 = Math.max(0, Math.floor((left[r]! - reach) / cell));
    const gx1 = Math.min(gridWidth - 1, Math.floor((right[r]! + reach) / cell));
    const gy0 = Math.max(0, Math.floor((top[r]! - reach) / cell));
    const gy1 = Math.min(gridHeight - 1, Math.floor((bottom[r]! + reach) / cell));
    let nearText = false;
    for (let gy = gy0; gy <= gy1 && !nearText; gy++) {
      for (let gx = gx0; gx <= gx1; gx++) {
        if (letters[gy * gridWidth + gx]) {
          nearText = true;
          break;
        }
      }
    }
    if (nearText) continue;
    removed++;
    // Its box and a pixel around it (the blob's anti-aliased edge): nothing else is that close.
    for (let y = Math.max(0, top[r]! - 1); y <= Math.min(height - 1, bottom[r]! + 1); y++) {
      grey.fill(255, y * width + Math.max(0, left[r]! - 1), y * width + Math.min(width - 1, right[r]! + 1) + 1);
    }
  }
  return removed;
}

/** Otsu's threshold of a grey image: dark pixels are those at or below it. */
function otsu(grey: Uint8Array): number {
  const histogram = new Float64Array(256);
  for (let i = 0; i < grey.length; i++) histogram[grey[i]!]!++;
  let total = 0;
  for (let v = 0; v < 256; v++) total += v * histogram[v]!;
  let below = 0;
  let belowSum = 0;
  let best = -1;
  let threshold = 127;
  for (let v = 0; v < 255; v++) {
    below += histogram[v]!;
    if (below === 0) continue;
    const above = grey.length - below;
    if (above === 0) break;
    belowSum += v * histogram[v]!;
    const spread = below * above * (belowSum / below - (total - belowSum) / above) ** 2;
    if (spread > best) {
      best = spread;
      threshold = v;
    }
  }
  return threshold;
}

// ---------------------------------------------------------------------------------------------
// Tesseract's result -> OcrPage.

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function pageFrom(data: Tesseract.Page, width: number, height: number): OcrPage {
  // rotateAuto turned the image by `angle` (clockwise, about its centre, same size) before reading:
  // the boxes are in that turned image. Turning their corners back by -angle and taking the hull
  // gives a box in the given image that still covers the whole word (a little larger when skewed).
  const angle = data.rotateRadians ?? 0;
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  const cx = width / 2;
  const cy = height / 2;
  const unturn = (box: Box): Box => {
    if (angle === 0) return box;
    const xs: number[] = [];
    const ys: number[] = [];
    for (const [x, y] of [
      [box.x0, box.y0],
      [box.x1, box.y0],
      [box.x1, box.y1],
      [box.x0, box.y1],
    ] as const) {
      xs.push(cx + cos * (x - cx) - sin * (y - cy));
      ys.push(cy + sin * (x - cx) + cos * (y - cy));
    }
    return {
      x0: Math.max(0, Math.floor(Math.min(...xs))),
      y0: Math.max(0, Math.floor(Math.min(...ys))),
      x1: Math.min(width, Math.ceil(Math.max(...xs))),
      y1: Math.min(height, Math.ceil(Math.max(...ys))),
    };
  };

  const words: OcrWord[] = [];
  // Which way the text runs, from the lines' baselines (in the image): right = upright, down =
  // the page was turned a quarter clockwise, and so on. Each line votes with its length.
  const votes = [0, 0, 0, 0];
  let line = 0;
  for (const block of data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const textLine of paragraph.lines) {
        const lineWords = textLine.words.filter((w) => w.text.trim() !== '');
        if (lineWords.length === 0) continue;
        for (const word of lineWords) {
          words.push({ text: word.text.trim(), ...unturn(word.bbox), confidence: Math.max(0, Math.min(100, word.confidence)), line });
        }
        line++;
        const { x0, y0, x1, y1 } = textLine.baseline;
        const length = Math.hypot(x1 - x0, y1 - y0);
        if (length > 0) {
          const quarter = ((Math.round(Math.atan2(y1 - y0, x1 - x0) / (Math.PI / 2)) % 4) + 4) % 4;
          votes[quarter]! += length;
        }
      }
    }
  }
  const direction = votes.indexOf(Math.max(...votes));
  // Text running down (direction 1) was read by turning the image 270° clockwise; up, by 90°.
  const rotation = ([0, 270, 180, 90] as const)[direction] ?? 0;
  const confidence = words.length ? words.reduce((sum, w) => sum + w.confidence, 0) / words.length : 0;
  return {
    width,
    height,
    rotation: words.length ? rotation : 0,
    // The engine turned the image by `angle` to straighten it: the page was skewed by -angle
    // (degrees, clockwise positive: lines that fall to the right).
    skew: angle === 0 ? 0 : Math.round(((-angle * 180) / Math.PI) * 100) / 100,
    words,
    confidence: Math.round(confidence * 100) / 100,
  };
}
