import type { DocLabel } from '../model/doc-label.ts';
import { csvRow, inert } from './csv-writer.ts';

export const LABELS_HEADER = ['document_id', 'document_name', 'task', 'label', 'score', 'source', 'source_name', 'status', 'model_id', 'run_id'];

/** Document labels as CSV rows; the model id is the run's model, for labels a model proposed. */
export function labelRows(documentName: string, labels: readonly DocLabel[], modelOfRun: (runId: number) => string | null): string {
  let out = '';
  for (const l of labels) {
    const model = l.runId !== null ? modelOfRun(l.runId) : l.source === 'model' ? l.sourceName : null;
    out += csvRow([l.documentId, inert(documentName), inert(l.task), inert(l.label), l.score, l.source, inert(l.sourceName), l.status, inert(model), l.runId]);
  }
  return out;
}
