import type { App } from '../../app.ts';
import { DocketError } from '../../errors.ts';
import * as blobs from '../../store/queries/blobs.ts';
import * as docLabels from '../../store/queries/doc-labels.ts';
import * as documentTable from '../../store/queries/document-table.ts';
import * as documents from '../../store/queries/documents.ts';
import * as pages from '../../store/queries/pages.ts';
import * as spans from '../../store/queries/spans.ts';
import { jobListener } from '../job-events.ts';
import type { Handlers } from '../router.ts';

type Channels = 'documents:list.query' | 'documents:item.get' | 'documents:page.render' | 'documents:import.start';

function requireDocument(app: App, id: number) {
  const doc = documents.get(app.db(), id);
  if (!doc) throw new DocketError('not_found', `Document ${id} is not in this project; it may have been deleted.`);
  return doc;
}

export function documentHandlers(app: App): Pick<Handlers, Channels> {
  return {
    'documents:list.query': (query) => documentTable.list(app.db(), query),
    'documents:item.get': ({ id }) => {
      const db = app.db();
      const doc = requireDocument(app, id);
      const docSpans = spans.forDocument(db, id);
      const labels = docLabels.forDocument(db, id);
      const top = labels.filter((l) => l.status !== 'rejected').sort((a, b) => (b.score ?? -1) - (a.score ?? -1))[0];
      const proposedScores = [...docSpans, ...labels].filter((x) => x.status === 'proposed' && x.score !== null).map((x) => x.score!);
      return {
        document: {
          id,
          name: doc.name,
          mediaType: doc.mediaType,
          sizeBytes: doc.sizeBytes,
          pageCount: doc.pageCount,
          status: doc.status,
          topLabel: top?.label ?? null,
          topScore: top?.score ?? null,
          spanCount: docSpans.filter((s) => s.status !== 'rejected').length,
          minConfidence: proposedScores.length ? proposedScores.reduce((a, b) => Math.min(a, b)) : null,
          importedAt: doc.importedAt,
          sourcePath: doc.sourcePath,
          sha256: doc.sha256,
          warnings: doc.warnings,
          metadata: doc.metadata,
        },
        text: documents.text(db, id),
        pages: pages.infoForDocument(db, id),
        labels,
        spans: docSpans,
      };
    },
    'documents:page.render': async ({ id, pageNo, scale }) => {
      const db = app.db();
      const doc = requireDocument(app, id);
      const page = pages.get(db, id, pageNo);
      if (!page || doc.blobId === null) throw new DocketError('not_found', `Document ${id} has no page ${pageNo}.`);
      const { renderPageImage } = await import('../../layout/page-image.ts');
      const onPage = spans.forDocument(db, id).filter((s) => s.status !== 'rejected' && s.end > page.textStart && s.start < page.textEnd);
      const blobId = doc.blobId;
      return renderPageImage({ sha256: doc.sha256, bytes: () => blobs.readBlob(db, blobId) }, page, onPage, scale);
    },
    'documents:import.start': (options, caller) => {
      app.db(); // no project open: refused here, before a job starts
      const { jobId } = app.jobs.start('import', jobListener(caller), async (job) => {
        try {
          return await app.inJobProcess('import', options, job);
        } finally {
          caller.emit('project:documents.changed', {});
        }
      });
      return { jobId };
    },
  };
}
