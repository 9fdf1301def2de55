// Test support: a ProjectReader over documents held in memory, for exercising the export job
// on real PDFs before (or without) a project file. Store-backed runs are in export-job tests.
import type { DocLabel, Span } from '../../../../src-main/core/api/contract.ts';
import type { ExportDocument, ProjectReader } from '../../../../src-main/core/export/project-reader.ts';
import type { AuditRow } from '../../../../src-main/core/store/queries/audit.ts';
import type { ResidualRules } from '../../../../src-main/core/export/residual-scan.ts';

export type FixtureDocument = Omit<ExportDocument, 'bytes' | 'labels' | 'pages'> & Partial<Pick<ExportDocument, 'labels' | 'pages'>> & { data?: Uint8Array };

export function fixtureReader(docs: FixtureDocument[], audit: AuditRow[] = [], rules: ResidualRules = { rules: [], phoneRegions: ['US'] }): ProjectReader {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return {
    documentIds: (only) => (only ? [...only] : docs.map((d) => d.id)),
    document(id) {
      const d = byId.get(id);
      if (!d) throw new Error(`no document ${id}`);
      return { ...d, labels: d.labels ?? [], pages: d.pages ?? [], bytes: () => d.data ?? null };
    },
    runModel: (runId) => `model-of-run-${runId}`,
    auditRows: () => audit,
    residualRules: () => rules,
    recordAudit: (entry) => {
      audit.push({ id: audit.length + 1, at: new Date().toISOString(), actor: 'human', before: null, groupId: null, ...entry });
    },
  };
}

export function span(documentId: number, id: number, start: number, end: number, label: string, over: Partial<Span> = {}): Span {
  return { id, documentId, start, end, label, score: 0.9, source: 'model', sourceName: 'ner', status: 'accepted', runId: 3, ...over };
}

export function label(documentId: number, id: number, value: string, over: Partial<DocLabel> = {}): DocLabel {
  return { id, documentId, task: 'topic', label: value, score: 0.8, source: 'model', sourceName: 'topic', status: 'accepted', runId: 3, ...over };
}
