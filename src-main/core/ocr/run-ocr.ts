// An OCR run: the run loop every task shares (create or resume, commit, mark done, finish) over the
// pages that have no text layer (or every page, when asked). Each page read is committed on its
// own (ocr_pages), so a killed run resumes at the next page; once all pages of a document are
// read they are written into it in one transaction with its done mark (page-texts.ts). Runs in
// the job process; the engine (Tesseract) works in its own worker thread.
import type { RunSummary } from '../model/run.ts';
import { DocketError, errorMessage } from '../errors.ts';
import { closePdfjs, openPdfjs } from '../export/pdfjs.ts';
import { CancelledError, throwIfCancelled, type JobContext } from '../jobs/jobs.ts';
import { writeTransaction, type Db } from '../store/database.ts';
import * as blobs from '../store/queries/blobs.ts';
import * as documents from '../store/queries/documents.ts';
import * as ocrPages from '../store/queries/ocr-pages.ts';
import { replacePageTexts, type PageText } from '../store/queries/page-texts.ts';
import * as pages from '../store/queries/pages.ts';
import * as runs from '../store/queries/runs.ts';
import { createOcrEngine, ENGINES_AT_ONCE, type OcrEngine } from './engine.ts';
import { renderForOcr } from './page-render.ts';
import { pageText } from './page-words.ts';
import { endRunOnError } from '../jobs/run-outcome.ts';

export type OcrPages = 'needs-ocr' | 'all';

export interface OcrRunRequest {
  /** Pages without a text layer (default), or every page of every PDF or scan. */
  pages: OcrPages;
  /** Tesseract languages, e.g. ['eng'] or ['eng', 'fra']. */
  languages: string[];
  documentIds?: number[];
  resumeRunId?: number;
}

export interface OcrEnvironment {
  /** Where Tesseract keeps its unpacked language data between runs. */
  cachePath: string;
  /** The engine to read with (tests and the bench may hand in their own). */
  engine?: (languages: string[]) => Promise<OcrEngine>;
  /** Engines reading at once (default ENGINES_AT_ONCE). */
  workers?: number;
}

type Job = Pick<JobContext, 'signal' | 'report'>;

/** What makes two OCR runs the same run: the pages asked for, the languages and the documents. */
export function ocrRunSettings(request: Omit<OcrRunRequest, 'resumeRunId'>): runs.RunSettings {
  return {
    task: 'ocr',
    model: `tesseract:${request.languages.join('+')}`,
    params: { pages: request.pages, ...(request.documentIds ? { documentIds: request.documentIds } : {}) },
  };
}

export async function runOcr(db: Db, request: OcrRunRequest, env: OcrEnvironment, job: Job): Promise<RunSummary> {
  const work = pagesToRead(db, request);
  const total = work.reduce((n, d) => n + d.pageNos.length, 0);
  if (request.resumeRunId !== undefined) runs.resume(db, request.resumeRunId);
  const runId = request.resumeRunId ?? runs.create(db, { ...ocrRunSettings(request), docsTotal: work.length });
  const done = runs.doneDocumentIds(db, runId);
  const counts: Record<string, number> = { documents: done.size, pages: 0, words: 0, pagesKeptForDecisions: 0, appendedAfterText: 0 };
  let confidence = 0;
  const engines: OcrEngine[] = [];
  const report = (message?: string) => job.report({ done: counts.pages!, total, unit: 'pages', ...(message ? { message } : {}) });
  try {
    const start = env.engine ?? ((languages: string[]) => createOcrEngine({ languages, cachePath: env.cachePath }));
    /** Reads a document's pages (each committed as read), then writes them into it with its done mark. */
    const readDocument = async (documentId: number, pageNos: number[]) => {
      const read = ocrPages.read(db, runId, documentId);
      const blobId = documents.get(db, documentId)?.blobId;
      if (!blobId) return; // deleted meanwhile
      const pdf = await openPdfjs(blobs.readBlob(db, blobId));
      try {
        // Each engine takes the next page not yet read: Tesseract reads on one thread, so two
        // engines keep two cores busy (1.1 pages/s at 300 dpi here, against 0.6 with one).
        const queue = [...pageNos];
        const counted = (page: PageText) => {
          counts.pages!++;
          counts.words! += page.words;
          confidence += page.confidence * page.words;
          report(counts.words! > 0 ? `mean word confidence ${(confidence / counts.words!).toFixed(0)}%` : undefined);
        };
        await Promise.all(
          engines.map(async (engine) => {
            for (let pageNo = queue.shift(); pageNo !== undefined; pageNo = queue.shift()) {
              if (!read.has(pageNo)) {
                throwIfCancelled(job.signal);
                const rendered = await renderForOcr(pdf, pageNo);
                const page = pageText(await engine.recognize(rendered.pixels, job.signal), rendered);
                writeTransaction(db, () => ocrPages.save(db, runId, documentId, pageNo, page));
                read.set(pageNo, page);
              }
              counted(read.get(pageNo)!);
            }
          }),
        );
      } finally {
        await closePdfjs(pdf);
      }
      writeTransaction(db, () => {
        const result = replacePageTexts(db, documentId, read, `ocr:${runId}`);
        counts.pagesKeptForDecisions! += result.refused.length;
        if (result.placement === 'appended') counts.appendedAfterText!++;
        ocrPages.clear(db, runId, documentId);
        runs.markDocumentDone(db, runId, documentId, { pages: result.written, refused: result.refused, placement: result.placement });
      });
    };
    if (total > 0) for (let i = 0; i < (env.workers ?? ENGINES_AT_ONCE); i++) engines.push(await start(request.languages));
    const failed: string[] = [];
    for (const { documentId, pageNos } of work) {
      if (done.has(documentId)) {
        counts.pages! += pageNos.length;
        continue;
      }
      throwIfCancelled(job.signal);
      try {
        await readDocument(documentId, pageNos);
        counts.documents!++;
      } catch (error) {
        // One document that cannot be read (a damaged page, an image the engine refuses) does not
        // stop the others; the run says which, and why. A cancel, or a dead engine, does.
        if (job.signal.aborted || error instanceof CancelledError || (error as DocketError).code === 'ocr_worker_died') throw error;
        failed.push(`document ${documentId}: ${errorMessage(error)}`);
        counts.documentsFailed = failed.length;
      }
    }
    counts.meanConfidence = counts.words! > 0 ? Math.round(confidence / counts.words!) : 0;
    runs.finish(db, runId, 'completed', counts, failed.length > 0 ? `Not read: ${failed.join('; ')}.` : undefined);
  } catch (error) {
    endRunOnError(db, runId, counts, error, job.signal);
  } finally {
    await Promise.all(engines.map((engine) => engine.close()));
  }
  return runs.get(db, runId)!;
}

/** For each document with something to read, the pages to read, in page order. */
function pagesToRead(db: Db, request: OcrRunRequest): Array<{ documentId: number; pageNos: number[] }> {
  const ids = request.documentIds ?? documents.listIds(db);
  const out: Array<{ documentId: number; pageNos: number[] }> = [];
  for (const documentId of ids) {
    const info = pages.infoForDocument(db, documentId);
    const pageNos = info.filter((p) => request.pages === 'all' || p.needsOcr).map((p) => p.pageNo);
    if (pageNos.length > 0) out.push({ documentId, pageNos });
  }
  if (request.documentIds && out.length === 0)
    throw new DocketError(
      'nothing_to_read',
      'None of these documents has a page to read: OCR reads PDFs and scans (pages without text, or every page with --pages all).',
    );
  return out;
}
