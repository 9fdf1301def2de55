import type { DocLabel } from '../model/doc-label.ts';
import type { PageInfo } from '../model/document.ts';
import type { Span } from '../model/span.ts';
import type { AuditRow } from '../store/queries/audit.ts';
import type { TextRun } from '../layout/text-runs.ts';
import type { ResidualRules } from './residual-scan.ts';

/** One document as the exporters see it: everything needed, read on demand. */
export interface ExportDocument {
  id: number;
  name: string;
  mediaType: string;
  sourcePath: string | null;
  text: string;
  /** Import metadata: for CSV rows the other columns, the text column and the row's place. */
  metadata: Record<string, unknown>;
  pages: Array<PageInfo & { runs: TextRun[] }>;
  spans: Span[];
  labels: DocLabel[];
  /** The original file's bytes (for PDFs), or null when none were kept. */
  bytes(): Uint8Array | null;
}

/** What an export reads from a project; `store-reader.ts` implements it over the store. */
export interface ProjectReader {
  documentIds(only?: readonly number[]): number[];
  document(id: number): ExportDocument;
  runModel(runId: number): string | null;
  auditRows(): Iterable<AuditRow>;
  /** The project's pattern rules and phone region, for the residual scan. */
  residualRules(): ResidualRules;
  /** Appends to the project's audit log (an export's one write: what the analyst let through). */
  recordAudit(entry: { action: string; entity: string; entityId: number | null; after: unknown }): void;
}
