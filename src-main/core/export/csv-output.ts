// One output file of a redacted CSV export: a CSV source's rows, or documents.csv for documents
// that are not CSV rows. Rows are written as their documents come, under a temporary name, and
// never held: what the file must be checked for (needles, the residual context) is gathered on
// the way. Rows of a source come in source order as one import made them; when they do not, or
// a document name was written before a redacted string in it was known, the file is rewritten
// at the end from its own rows, read back by offset: only offsets and row numbers are kept.
import { closeSync, openSync, readSync, renameSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { throwIfCancelled } from '../jobs/jobs.ts';
import { csvRow } from './csv-writer.ts';
import { FileSink } from './file-sink.ts';
import { addNeedle, findNeedles, makeHaystack, type Needle } from './leak-match.ts';
import { outputName, PendingFile } from './output-file.ts';
import type { ExportDocument } from './project-reader.ts';
import { redactedRow, type CsvOrigin } from './redacted-csv.ts';
import type { DocumentRedaction } from './redacted-export.ts';
import { ResidualSources } from './residual-sources.ts';

/** Rows rewritten between two turns of the event loop, where a cancel is read. */
const ROWS_PER_TURN = 2000;

export class CsvOutput {
  /** The CSV source file, or null for documents.csv (id, name, text). */
  readonly source: string | null;
  readonly firstId: number;
  readonly needles = new Map<string, Needle>();
  readonly labelOf = new Map<string, string>();
  readonly spansOf = new Map<string, number[]>();
  readonly counts: Record<string, number> = {};
  readonly residual = new ResidualSources();
  readonly #draft: PendingFile;
  readonly #sink: FileSink;
  /** The columns of the source's first row, for every row of the file (as before streaming). */
  #header: readonly string[] | null = null;
  /** Where each row starts in the draft. */
  readonly #starts: number[] = [];
  readonly #rowNumbers: number[] = [];
  /** documents.csv: how many needles were known when each row's name was written; -1 when it was left blank. */
  readonly #knownAt: number[] = [];
  /** Needles in the order they became known. */
  readonly #known: Needle[] = [];
  #inOrder = true;
  /** Whether some row's name was written (not blanked). */
  #anyNamed = false;
  #namesStale = false;

  constructor(outDir: string, source: string | null, firstId: number) {
    this.source = source;
    this.firstId = firstId;
    // A neutral temporary name: the final one may leave the source's name out (outputName), known once every needle is.
    this.#draft = new PendingFile(outDir, source === null ? 'documents.csv' : `${firstId}.csv`);
    this.#sink = new FileSink(this.#draft.tempPath);
  }

  add(doc: ExportDocument, plan: DocumentRedaction, redacted: string, origin: CsvOrigin | null): void {
    for (const needle of plan.needles) {
      if (!this.needles.has(needle.id)) {
        this.#known.push(needle);
        // A name written earlier was not checked against this one.
        if (this.#anyNamed) this.#namesStale = true;
      }
      addNeedle(this.needles, needle);
    }
    for (const [k, v] of plan.labelOf) this.labelOf.set(k, v);
    for (const [k, v] of plan.spansOf) (this.spansOf.get(k) ?? this.spansOf.set(k, []).get(k)!).push(...v);
    for (const [label, n] of Object.entries(plan.spansByLabel)) this.counts[label] = (this.counts[label] ?? 0) + n;
    this.residual.add(doc);
    if (origin) {
      if (this.#header === null) this.#sink.write(csvRow((this.#header = origin.header)));
      if (origin.rowNumber < (this.#rowNumbers.at(-1) ?? -Infinity)) this.#inOrder = false;
      this.#starts.push(this.#sink.bytes);
      this.#rowNumbers.push(origin.rowNumber);
      this.#sink.write(redactedRow(this.#header, origin, redacted));
    } else {
      if (this.#starts.length === 0) this.#sink.write(csvRow(['id', 'name', 'text']));
      // A name holding a redacted string is left blank (files are often named after people).
      const named = findNeedles(makeHaystack(doc.name), this.#known).length === 0;
      this.#starts.push(this.#sink.bytes);
      this.#knownAt.push(named ? this.#known.length : -1);
      this.#anyNamed ||= named;
      this.#sink.write(csvRow([doc.id, named ? doc.name : '', redacted]));
    }
  }

  /** Gives the descriptor back while other files are written; the next row reopens it. */
  pause(): void {
    this.#sink.pause();
  }

  /**
   * Completes the file, rows in source order and names checked against every needle, and moves
   * it to the temporary name of its final name. Not yet checked: the caller reads it back.
   */
  async finish(outDir: string, overwrite: boolean, signal: AbortSignal): Promise<{ name: string; pending: PendingFile }> {
    this.#sink.close();
    const name = this.source === null ? 'documents.csv' : outputName(this.firstId, this.source, 'csv', [...this.needles.values()]);
    const pending = new PendingFile(outDir, name, overwrite);
    try {
      if (this.#inOrder && !this.#namesStale) renameSync(this.#draft.tempPath, pending.tempPath);
      else await this.#rewrite(pending.tempPath, signal);
    } catch (error) {
      pending.discard();
      throw error;
    } finally {
      this.#draft.discard();
    }
    return { name, pending };
  }

  /** Deletes what was written (a failed or cancelled export). */
  discard(): void {
    this.#sink.abandon();
    this.#draft.discard();
  }

  async #rewrite(path: string, signal: AbortSignal): Promise<void> {
    const sink = new FileSink(path);
    const fd = openSync(this.#draft.tempPath, 'r');
    try {
      const starts = this.#starts;
      const end = this.#sink.bytes;
      sink.write(readRange(fd, 0, starts[0] ?? end)); // the header
      const order = starts.map((_, i) => i);
      // Stable: rows with the same number keep the order they came in.
      if (!this.#inOrder) order.sort((a, b) => this.#rowNumbers[a]! - this.#rowNumbers[b]! || a - b);
      for (const [done, i] of order.entries()) {
        const row = readRange(fd, starts[i]!, starts[i + 1] ?? end);
        sink.write(this.source === null ? this.#named(row, this.#knownAt[i]!) : row);
        if (done % ROWS_PER_TURN !== ROWS_PER_TURN - 1) continue;
        await new Promise((resolve) => setImmediate(resolve));
        throwIfCancelled(signal);
      }
      sink.close();
    } catch (error) {
      sink.abandon();
      throw error;
    } finally {
      closeSync(fd);
    }
  }

  /** A documents.csv row as written, or with its name blanked when a needle known only later is in it. */
  #named(row: string, knownAt: number): string {
    if (knownAt < 0 || knownAt === this.#known.length) return row;
    const [id, name, text] = (parse(row) as string[][])[0]!;
    return findNeedles(makeHaystack(name!), this.#known.slice(knownAt)).length > 0 ? csvRow([id, '', text]) : row;
  }
}

/** Bytes [from, to) of a file, as text (rows start and end on character boundaries). */
function readRange(fd: number, from: number, to: number): string {
  const bytes = Buffer.allocUnsafe(to - from);
  let got = 0;
  while (got < bytes.length) {
    const n = readSync(fd, bytes, got, bytes.length - got, from + got);
    if (n === 0) break;
    got += n;
  }
  return bytes.toString('utf8', 0, got);
}
