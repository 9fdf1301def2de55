// Hostile inputs: every one is refused with a clear reason (the file, the limit, what to do) in
// bounded time and memory, and the other files of the same batch import. Each file is generated
// here (zip bombs are small deflate streams of repeated XML; PDFs are written object by object).
import { once } from 'node:events';
import { closeSync, mkdirSync, mkdtempSync, openSync, realpathSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../src-main/core/api/contract.ts';
import { importPaths } from '../../../../src-main/core/ingest/import-job.ts';
import { walkPaths } from '../../../../src-main/core/ingest/walk.ts';
import { openDatabase, type Db } from '../../../../src-main/core/store/database.ts';
import * as documentTable from '../../../../src-main/core/store/queries/document-table.ts';
import * as documents from '../../../../src-main/core/store/queries/documents.ts';

const MB = 1e6;
/** Generous bounds: the failures they catch are minutes and gigabytes. */
const MAX_MS = 10_000;
const MAX_PEAK_MB = 300;

const job = (signal = new AbortController().signal) => ({ signal, report: () => {} });
const fresh = () => openDatabase(join(mkdtempSync(join(tmpdir(), 'docket-hostile-db-')), 'p.docket'), { create: true });
const folder = () => realpathSync(mkdtempSync(join(tmpdir(), 'docket-hostile-')));
const names = (db: Db) => documentTable.list(db, { sort: 'name', descending: false, offset: 0, limit: 1000 }).rows.map((r) => r.name);
const failure = (report: ImportReport, file: string) => report.failed.find((f) => f.path.endsWith(`/${file}`))?.reason;
const warningsFor = (report: ImportReport, file: string) => report.warnings.filter((w) => w.path.endsWith(`/${file}`)).map((w) => w.message);

afterEach(() => {
  for (const name of Object.keys(process.env)) if (name.startsWith('DOCKET_MAX_')) delete process.env[name];
});

/**
 * Runs an import and measures it: wall time, and the peak RSS above the RSS at the start
 * (maxRSS is the process's high-water mark, so this is an upper bound on the import's own peak).
 */
async function measured(db: Db, paths: string[], signal?: AbortSignal) {
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const report = await importPaths(db, { paths }, job(signal));
  const ms = performance.now() - start;
  const peakMb = (process.resourceUsage().maxRSS * 1024 - rssBefore) / MB;
  console.log(`  ${paths.map((p) => p.split('/').pop()).join(', ')}: ${ms.toFixed(0)} ms, peak RSS +${Math.max(0, peakMb).toFixed(0)} MB`);
  return { report, ms, peakMb };
}

function goodText(dir: string): string {
  const path = join(dir, 'good.txt');
  writeFileSync(path, 'A good note that imports whatever its neighbours are.');
  return path;
}

/** A file of `total` bytes written from `block` again and again (never the whole file in memory). */
function writeRepeated(path: string, head: string, block: string, total: number, tail: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    const chunk = Buffer.from(block.repeat(Math.ceil((1 << 20) / block.length)));
    for (let written = 0; written < total; written += chunk.length) writeSync(fd, chunk);
    writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
}

// ---- DOCX zips written by hand -------------------------------------------------------------

interface ZipPart {
  name: string;
  data: Buffer; // deflated
  crc: number;
  size: number; // real inflated size
  declaredSize?: number; // what the zip claims (a lying bomb)
}

function part(name: string, text: string): ZipPart {
  const raw = Buffer.from(text);
  return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
}

/** A deflated part of `head + unit × n + tail`, `size` bytes inflated, streamed through deflate. */
async function bombPart(name: string, head: string, unit: string, size: number, tail: string): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = once(deflate, 'end');
  let crc = 0;
  let total = 0;
  const write = async (bytes: Buffer) => {
    crc = crc32(bytes, crc);
    total += bytes.length;
    if (!deflate.write(bytes)) await once(deflate, 'drain');
  };
  await write(Buffer.from(head));
  const block = Buffer.from(unit.repeat(Math.floor((1 << 20) / unit.length)));
  while (total < size) await write(block);
  await write(Buffer.from(tail));
  deflate.end();
  await ended;
  return { name, data: Buffer.concat(out), crc, size: total };
}

function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const size = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += 30 + name.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docxFrame = () => [
  part(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  ),
  part(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  ),
];
const bodyHead = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>`;
const bodyTail = '</w:body></w:document>';
const paragraph = '<w:p><w:r><w:t>The quick brown fox jumps over the lazy dog, again and again.</w:t></w:r></w:p>';

// ---- PDFs written object by object ----------------------------------------------------------

function pdf(objects: string[]): Buffer {
  const chunks: string[] = ['%PDF-1.4\n'];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const object = `${i + 1} 0 obj\n${body}\nendobj\n`;
    chunks.push(object);
    length += object.length;
  });
  chunks.push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`));
  chunks.push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`);
  return Buffer.from(chunks.join(''), 'latin1');
}

function emptyPagesPdf(count: number): Buffer {
  const kids = Array.from({ length: count }, (_, i) => `${i + 3} 0 R`).join(' ');
  const pages = Array.from({ length: count }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>');
  return pdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`, ...pages]);
}

// ---- the cases --------------------------------------------------------------------------------

describe('links in an imported folder', () => {
  function linkedFolder() {
    const root = folder();
    const dir = join(root, 'case');
    const outside = join(root, 'outside');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(dir, 'a.txt'), 'Note A.');
    writeFileSync(join(dir, 'sub', 'b.txt'), 'Note B.');
    writeFileSync(join(outside, 'secret.txt'), 'Not part of the case.');
    writeFileSync(join(outside, 'other.txt'), 'Not part of the case either.');
    symlinkSync('.', join(dir, 'self1'));
    symlinkSync('.', join(dir, 'self2'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync('a.txt', join(dir, 'inside-link.txt'));
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'out.txt'));
    symlinkSync(outside, join(dir, 'outdir'));
    return { dir, outside };
  }

  it('reads each real file once, reports loops without walking them, and skips links out of the folder', async () => {
    const { dir, outside } = linkedFolder();
    const db = fresh();
    const { report, ms, peakMb } = await measured(db, [dir]);
    expect(names(db)).toEqual(['a.txt', 'b.txt']);
    expect(report.imported).toBe(2);
    for (const loop of ['self1', 'self2'])
      expect(warningsFor(report, loop)).toEqual([`it is a link to ${dir}, a folder that contains it (a loop); not followed.`]);
    expect(warningsFor(report, 'up')).toEqual([`it is a link to ${dir}, a folder that contains it (a loop); not followed.`]);
    expect(warningsFor(report, 'inside-link.txt')).toEqual([`it is a link to ${join(dir, 'a.txt')}, which this import reads already; not read twice.`]);
    const secret = join(outside, 'secret.txt');
    expect(failure(report, 'out.txt')).toBe(
      `it is a link to ${secret}, outside the folder being imported; skipped. Import ${secret} itself if it belongs in this project.`,
    );
    expect(failure(report, 'outdir')).toBe(
      `it is a link to ${outside}, outside the folder being imported; skipped. Import ${outside} itself if it belongs in this project.`,
    );
    expect(report.failed).toHaveLength(2);
    expect(ms).toBeLessThan(MAX_MS);
    expect(peakMb).toBeLessThan(MAX_PEAK_MB);
  });

  it('follows links out of the folder when asked, still reading each real path once', async () => {
    const { dir } = linkedFolder();
    const entries = await walkPaths([dir], { followLinksOutside: true });
    const files = entries.flatMap((e) => ('size' in e ? [e.path.slice(dir.length + 1)] : []));
    expect(files).toEqual(['a.txt', 'sub/b.txt', 'out.txt', 'outdir/other.txt']);
    expect(entries.some((e) => 'problem' in e)).toBe(false);
  });

  it('stops at the entry limit with a clear reason, and when cancelled', async () => {
    const dir = folder();
    for (let i = 0; i < 8; i++) writeFileSync(join(dir, `n${i}.txt`), `note ${i}`);
    process.env.DOCKET_MAX_FOLDER_ENTRIES = '5';
    const entries = await walkPaths([dir]);
    expect(entries.filter((e) => 'size' in e)).toHaveLength(5);
    expect(entries.filter((e) => 'problem' in e)).toEqual([
      {
        path: dir,
        problem:
          'it holds more than 5 entries (files and folders, all levels); Docket walks up to 5 entries per import (DOCKET_MAX_FOLDER_ENTRIES raises it): the files found until then are imported, the rest are not. Import its subfolders one by one.',
      },
    ]);
    const controller = new AbortController();
    controller.abort();
    await expect(walkPaths([dir], { signal: controller.signal })).rejects.toThrow(/cancelled/);
  });

  it('hears a cancel while it walks (it gives the event loop turns)', async () => {
    const dir = folder();
    for (let i = 0; i < 2000; i++) writeFileSync(join(dir, `n${i}.txt`), '');
    const controller = new AbortController();
    const walk = walkPaths([dir], { signal: controller.signal });
    setImmediate(() => controller.abort()); // runs only when the walk lets the event loop turn
    await expect(walk).rejects.toThrow(/cancelled/);
  });
});

describe('DOCX zip bombs', () => {
  it('refuses a DOCX whose XML is declared bigger than the limit, before inflating it', async () => {
    const dir = folder();
    const bomb = await bombPart('word/document.xml', bodyHead, paragraph, 100 * MB, bodyTail);
    writeFileSync(join(dir, 'bomb.docx'), zip([...docxFrame(), bomb]));
    writeFileSync(join(dir, 'memo.docx'), await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('A memo that imports.')] }] })));
    const db = fresh();
    const { report, ms, peakMb } = await measured(db, [dir, goodText(dir)]);
    const declared = (bomb.size + docxFrame().reduce((n, p) => n + p.size, 0)) / MB;
    expect(failure(report, 'bomb.docx')).toBe(
      `its XML unpacks to ${declared.toLocaleString('en-US', { maximumFractionDigits: 1 })} MB; Docket reads DOCX files whose XML is up to 32 MiB (DOCKET_MAX_DOCX_XML_BYTES raises it). Split the document, or save it as PDF or plain text and import that.`,
    );
    expect(names(db)).toEqual(['good.txt', 'memo.docx']);
    expect(ms).toBeLessThan(MAX_MS);
    expect(peakMb).toBeLessThan(MAX_PEAK_MB);
  });

  it('refuses a DOCX that declares small parts but inflates past the limit, counting as it inflates', async () => {
    const dir = folder();
    const bomb = await bombPart('word/document.xml', bodyHead, paragraph, 100 * MB, bodyTail);
    writeFileSync(join(dir, 'liar.docx'), zip([...docxFrame(), { ...bomb, declaredSize: 2000 }]));
    const db = fresh();
    const { report, ms, peakMb } = await measured(db, [join(dir, 'liar.docx'), goodText(dir)]);
    expect(failure(report, 'liar.docx')).toBe(
      'its XML unpacks to more than 32 MiB; Docket reads DOCX files whose XML is up to 32 MiB (DOCKET_MAX_DOCX_XML_BYTES raises it). Split the document, or save it as PDF or plain text and import that.',
    );
    expect(names(db)).toEqual(['good.txt']);
    expect(ms).toBeLessThan(MAX_MS);
    expect(peakMb).toBeLessThan(MAX_PEAK_MB);
  });

  it('refuses a DOCX whose zip lists 20,000 parts, before reading any', async () => {
    const dir = folder();
    const empty = part('x', '');
    const parts = Array.from({ length: 20_000 }, (_, i) => ({ ...empty, name: `word/media/p${i}.xml` }));
    writeFileSync(join(dir, 'parts.docx'), zip([...docxFrame(), part('word/document.xml', bodyHead + paragraph + bodyTail), ...parts]));
    const db = fresh();
    const { report, ms, peakMb } = await measured(db, [join(dir, 'parts.docx'), goodText(dir)]);
    expect(failure(report, 'parts.docx')).toBe(
      'its zip holds 20,003 parts; Docket reads DOCX files of up to 10,000 parts (DOCKET_MAX_DOCX_PARTS raises it). Open and re-save it in Word or LibreOffice, or save it as PDF, and import that.',
    );
    expect(names(db)).toEqual(['good.txt']);
    expect(ms).toBeLessThan(MAX_MS);
    expect(peakMb).toBeLessThan(MAX_PEAK_MB);
  });

  it('refuses a DOCX whose XML nests 30,000 deep with a clear reason', async () => {
    const dir = folder();
    const deep = '<w:x>'.repeat(30_000) + '</w:x>'.repeat(30_000);
    writeFileSync(join(dir, 'deep.docx'), zip([...docxFrame(), part('word/document.xml', `${bodyHead}<w:p>${deep}</w:p>${bodyTail}`)]));
    const db = fresh();
    const { report, ms, peakMb } = await measured(db, [join(dir, 'deep.docx'), goodText(dir)]);
    expect(failure(report, 'deep.docx')).toBe(
      'its XML nests elements deeper than the DOCX reader can follow (it ran out of stack). Open and re-save it in Word or LibreOffice, or save it as PDF, and import that.',
    );
    expect(names(db)).toEqual(['good.txt']);
    expect(ms).toBeLessThan(MAX_MS);
    expect(peakMb).toBeLessThan(MAX_PEAK_MB);
  });

  it('still reads a DOCX written by hand within the limit', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'small.docx'), zip([...docxFrame(), part('word/document.xml', bodyHead + paragraph.repeat(3) + bodyTail)]));
    const db = fresh();
    const report = await importPaths(db, { paths: [dir] }, job());
    expect(report.failed).toEqual([]);
    expect(documents.text(db, report.documentIds[0]!)).toBe(Array(3).fill('The quick brown fox jumps over the lazy dog, again and again.').join('\n\n'));
  });
});

describe('PDFs', () => {
  it('refuses a PDF of 20,000 pages before reading any page', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'pages.pdf'), emptyPagesPdf(20_000));
    const db = fresh();
    const { report, ms, peakMb } = await measured(db, [join(dir, 'pages.pdf'), goodText(dir)]);
    expect(failure(report, 'pages.pdf')).toBe(
      'it has 20,000 pages; Docket imports PDFs of up to 5,000 pages (DOCKET_MAX_PDF_PAGES raises it). Split it first (e.g. `qpdf --split-pages=1000 in.pdf out.pdf`).',
    );
    expect(names(db)).toEqual(['good.txt']);
    expect(ms).toBeLessThan(MAX_MS);
    expect(peakMb).toBeLessThan(MAX_PEAK_MB);
  });

  it('stops a long PDF within a page when the import is cancelled', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'long.pdf'), emptyPagesPdf(4_000)); // within the limit; seconds to read in full
    const db = fresh();
    const controller = new AbortController();
    const start = performance.now();
    setTimeout(() => controller.abort(), 300);
    await expect(importPaths(db, { paths: [join(dir, 'long.pdf')] }, job(controller.signal))).rejects.toThrow(/cancelled/);
    const ms = performance.now() - start;
    console.log(`  long.pdf cancelled after ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(2_000);
    expect(documents.count(db)).toBe(0);
  });

  it('refuses a PDF nested 100,000 deep with a clear reason', async () => {
    const dir = folder();
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    writeFileSync(
      join(dir, 'deep.pdf'),
      pdf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Nested ${deep} >>`,
      ]),
    );
    const db = fresh();
    const { report, ms, peakMb } = await measured(db, [join(dir, 'deep.pdf'), goodText(dir)]);
    expect(failure(report, 'deep.pdf')).toBe(
      'its objects are nested deeper than the PDF reader can follow (pdf.js ran out of stack: "Maximum call stack size exceeded"). Re-create it (open it and print it to a new PDF) and import that.',
    );
    expect(names(db)).toEqual(['good.txt']);
    expect(ms).toBeLessThan(MAX_MS);
    expect(peakMb).toBeLessThan(MAX_PEAK_MB);
  });
});

describe('JSONL', () => {
  it('skips a 40 MB line without holding it, and imports the other lines', async () => {
    const dir = folder();
    const path = join(dir, 'long.jsonl');
    writeRepeated(path, '{"text":"first"}\n{"text":"', 'x', 40 * MB, '"}\n{"text":"third"}\n');
    const db = fresh();
    const { report, ms, peakMb } = await measured(db, [path, goodText(dir)]);
    expect(report.failed).toEqual([]);
    expect(names(db)).toEqual(['good.txt', 'long.jsonl#1', 'long.jsonl#3']);
    expect(warningsFor(report, 'long.jsonl')).toEqual([
      'line 2: it is 40.9 MB long; Docket reads JSONL lines of up to 16 MiB (DOCKET_MAX_JSONL_LINE_BYTES raises it); line skipped. Put a text that long in a file of its own.',
    ]);
    expect(ms).toBeLessThan(MAX_MS);
    expect(peakMb).toBeLessThan(MAX_PEAK_MB);
  });

  it('skips a line nested 100,000 deep, reported by number, and imports the other lines', async () => {
    const dir = folder();
    const path = join(dir, 'deep.jsonl');
    writeFileSync(path, `{"text":"first"}\n{"text":"deep","meta":${'['.repeat(100_000)}${']'.repeat(100_000)}}\n{"text":"third"}\n`);
    const db = fresh();
    const { report, ms, peakMb } = await measured(db, [path, goodText(dir)]);
    expect(report.failed).toEqual([]);
    expect(names(db)).toEqual(['deep.jsonl#1', 'deep.jsonl#3', 'good.txt']);
    expect(warningsFor(report, 'deep.jsonl')).toEqual([
      "line 2: it nests arrays and objects more than 100 levels deep; Docket reads JSON nested up to 100 levels (DOCKET_MAX_JSON_DEPTH raises it); line skipped. Flatten that line's fields.",
    ]);
    expect(ms).toBeLessThan(MAX_MS);
    expect(peakMb).toBeLessThan(MAX_PEAK_MB);
  });
});

describe('CSV', () => {
  it('skips a row with a 20 MB cell without holding it, keeping the numbers of the rows after it', async () => {
    const dir = folder();
    const path = join(dir, 'wide.csv');
    // Row 2's cell is quoted and holds line breaks: the rows after it keep their row and line numbers.
    writeRepeated(path, 'id,text\n1,first\n2,"', 'word word\nword ', 20 * MB, '"\n3,third\n4,\n');
    const db = fresh();
    const { report, ms, peakMb } = await measured(db, [path, goodText(dir)]);
    expect(report.failed).toEqual([]);
    expect(names(db)).toEqual(['good.txt', 'wide.csv#1', 'wide.csv#3']);
    const perChunk = Math.ceil((1 << 20) / 'word word\nword '.length); // as writeRepeated writes it
    const lines = 3 + Math.ceil((20 * MB) / (perChunk * 15)) * perChunk; // header, row 1, then row 2's line breaks
    expect(warningsFor(report, 'wide.csv')).toEqual([
      `row 2 (line ${lines}): it is 21 MB long; Docket reads CSV rows of up to 16 MiB (DOCKET_MAX_CSV_ROW_BYTES raises it); row skipped. Put a text that long in a file of its own.`,
      `row 4 (line ${lines + 2}): the "text" cell is empty; row skipped.`,
    ]);
    expect(ms).toBeLessThan(MAX_MS);
    expect(peakMb).toBeLessThan(MAX_PEAK_MB);
  });
});

describe('text files and settings', () => {
  it('refuses a text file past the text limit (here lowered through its variable) while decoding', async () => {
    const dir = folder();
    writeRepeated(join(dir, 'big.txt'), '', 'Lorem ipsum dolor sit amet. ', 2 * MB, '');
    process.env.DOCKET_MAX_TEXT_CHARS = String(1024 * 1024);
    const db = fresh();
    const { report } = await measured(db, [join(dir, 'big.txt'), goodText(dir)]);
    expect(failure(report, 'big.txt')).toBe(
      'its text is more than 1 Mi characters; Docket keeps at most 1 Mi characters per document (DOCKET_MAX_TEXT_CHARS raises it). Split the file into parts and import those.',
    );
    expect(names(db)).toEqual(['good.txt']);
  });

  it('says so when a limit variable is not a number', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'one.pdf'), emptyPagesPdf(1));
    process.env.DOCKET_MAX_PDF_PAGES = 'lots';
    const db = fresh();
    const report = await importPaths(db, { paths: [join(dir, 'one.pdf'), goodText(dir)] }, job());
    expect(failure(report, 'one.pdf')).toBe(
      'DOCKET_MAX_PDF_PAGES is set to "lots", which is not a whole number of pages above 0. Set it to one (the default is 5000), or unset it.',
    );
    expect(names(db)).toEqual(['good.txt']);
  });
});
