// The jobs that run in the job process, as one table: kind → what it does with the project.
// Heavy work (parsing imports, pattern detection, rendering and checking exports) runs there,
// never in the process that answers the UI (Electron main, `docket serve`).
import type { ExportReport } from '../model/export.ts';
import type { ImportReport } from '../model/import-batch.ts';
import type { RunSummary } from '../model/run.ts';
import type { Db } from '../store/database.ts';
import type { JobContext } from './jobs.ts';

export interface JobKinds {
  import: { request: unknown; result: ImportReport };
  /** Writes the sample batch (PDF, DOCX and a scan are rendered: not work for the UI process), then imports it. */
  sample: { request: { folder: string }; result: ImportReport };
  patterns: { request: { restart?: boolean; proposeDecided?: boolean }; result: RunSummary };
  export: { request: unknown; result: ExportReport };
  ocr: { request: { restart?: boolean; pages: 'needs-ocr' | 'all'; languages: string[]; cachePath: string }; result: RunSummary };
}
export type JobKind = keyof JobKinds;

type Work = { [K in JobKind]: (db: Db, request: JobKinds[K]['request'], job: JobContext) => Promise<JobKinds[K]['result']> };

/** Each kind loads its module on first use, so the job process starts fast whatever it runs. */
export const jobKinds: Work = {
  async import(db, request, job) {
    const [{ ImportOptions }, { importPaths }] = await Promise.all([import('../model/import-batch.ts'), import('../ingest/import-job.ts')]);
    return importPaths(db, ImportOptions.parse(request), job);
  },
  async sample(db, request, job) {
    const [{ ImportOptions }, { importPaths }, { writeSampleBatch }] = await Promise.all([
      import('../model/import-batch.ts'),
      import('../ingest/import-job.ts'),
      import('../sample/sample-batch.ts'),
    ]);
    job.report({ done: 0, total: null, unit: 'files', message: 'writing the sample documents' });
    const batch = await writeSampleBatch(request.folder);
    return importPaths(db, ImportOptions.parse({ paths: batch.paths }), job);
  },
  async patterns(db, request, job) {
    const [{ runPatterns, patternRunSettings }, runs] = await Promise.all([import('../detect/run-patterns.ts'), import('../store/queries/runs.ts')]);
    const proposeDecided = request.proposeDecided === true;
    const resumeRunId = request.restart ? undefined : runs.resumable(db, patternRunSettings(db, undefined, proposeDecided))?.id;
    return runPatterns(db, job, { resumeRunId, proposeDecided });
  },
  async ocr(db, request, job) {
    const [{ runOcr, ocrRunSettings }, runs] = await Promise.all([import('../ocr/run-ocr.ts'), import('../store/queries/runs.ts')]);
    const { restart, cachePath, ...ocr } = request;
    const resumeRunId = restart ? undefined : runs.resumable(db, ocrRunSettings(ocr))?.id;
    return runOcr(db, { ...ocr, resumeRunId }, { cachePath }, job);
  },
  async export(db, request, job) {
    const [{ runExport }, { storeReader }] = await Promise.all([import('../export/export-job.ts'), import('../export/store-reader.ts')]);
    return runExport(storeReader(db), request, job);
  },
};
