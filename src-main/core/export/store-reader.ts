import type { Db } from '../store/database.ts';
import * as audit from '../store/queries/audit.ts';
import * as blobs from '../store/queries/blobs.ts';
import * as docLabels from '../store/queries/doc-labels.ts';
import * as documents from '../store/queries/documents.ts';
import * as pages from '../store/queries/pages.ts';
import * as patternRules from '../store/queries/pattern-rules.ts';
import * as runs from '../store/queries/runs.ts';
import * as spans from '../store/queries/spans.ts';
import { DocketError } from '../errors.ts';
import type { ExportDocument, ProjectReader } from './project-reader.ts';

/** The exporters' view of an open project, through the store's query modules only. */
export function storeReader(db: Db): ProjectReader {
  const models = new Map<number, string | null>();
  return {
    documentIds(only) {
      const all = documents.listIds(db);
      if (!only) return all;
      const known = new Set(all);
      const missing = only.filter((id) => !known.has(id));
      if (missing.length > 0) throw new DocketError('not_found', `Documents ${missing.join(', ')} are not in this project.`);
      return [...only];
    },
    document(id): ExportDocument {
      const row = documents.get(db, id);
      if (!row) throw new DocketError('not_found', `Document ${id} is not in this project.`);
      return {
        id,
        name: row.name,
        mediaType: row.mediaType,
        sourcePath: row.sourcePath ?? null,
        text: documents.text(db, id),
        metadata: row.metadata ?? {},
        pages: pages.forDocument(db, id),
        spans: spans.forDocument(db, id),
        labels: docLabels.forDocument(db, id),
        bytes: () => (row.blobId ? new Uint8Array(blobs.readBlob(db, row.blobId)) : null),
      };
    },
    runModel(runId) {
      if (!models.has(runId)) models.set(runId, runs.get(db, runId)?.model ?? null);
      return models.get(runId)!;
    },
    auditRows: () => audit.iterate(db),
    residualRules: () => ({ rules: patternRules.listEnabled(db), phoneRegions: patternRules.phoneRegions(db) }),
    recordAudit: (entry) => {
      audit.append(db, { actor: 'human', before: null, ...entry });
    },
  };
}
