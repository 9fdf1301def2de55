import { throwIfCancelled } from '../jobs/jobs.ts';
import { csvRow } from './csv-writer.ts';
import type { Request } from './export-job.ts';
import { addNeedle, findNeedles, makeHaystack, type Needle } from './leak-match.ts';
import { outputName, PendingFile } from './output-file.ts';
import type { ExportDocument, ProjectReader } from './project-reader.ts';
import { csvOrigin, redactedCsv, type CsvOrigin } from './redacted-csv.ts';
import { planRedaction } from './redacted-export.ts';
import { PseudonymBook, redactText } from './redacted-text.ts';
import { StringHasher, type ReportFile } from './report.ts';
import { residualContextFor, type ResidualFinding, type ResidualRules } from './residual-scan.ts';
import { inspectText, writeVerified, type Failure } from './verified-output.ts';

/** One output file of a CSV export: its rows and everything redacted in them. */
interface CsvGroup {
  /** The CSV source file, or '' for documents.csv. */
  source: string;
  firstId: number;
  lines: () => string;
  needles: Map<string, Needle>;
  labelOf: Map<string, string>;
  spansOf: Map<string, number[]>;
  counts: Record<string, number>;
  /** What the residual scan needs of the rows' documents (text and rejected spans). */
  sources: Array<Pick<ExportDocument, 'text' | 'spans'>>;
}

type CsvRequest = Omit<Request, 'acceptResidual'> & { residualRules: ResidualRules; acceptResidual: ReadonlySet<string> };

/**
 * CSV sources come back as CSV, one file per source, the text column redacted and the other
 * columns as they were; documents that are not CSV rows go to documents.csv (id, name, text).
 */
export async function exportCsv(
  reader: ProjectReader,
  ids: readonly number[],
  request: CsvRequest,
  signal: AbortSignal,
  tick: () => void,
): Promise<{ files: ReportFile[]; failures: Failure[]; accepted: Array<{ documentId: null; file: string; findings: ResidualFinding[] }> }> {
  const hasher = new StringHasher();
  const book = new PseudonymBook();
  const rows = new Map<string, Array<{ origin: CsvOrigin; redacted: string }>>();
  const plain: Array<{ id: number; name: string; redacted: string }> = [];
  const groups = new Map<string, CsvGroup>();
  const group = (source: string, firstId: number, lines: () => string) =>
    groups.get(source) ??
    groups.set(source, { source, firstId, lines, needles: new Map(), labelOf: new Map(), spansOf: new Map(), counts: {}, sources: [] }).get(source)!;
  for (const id of ids) {
    throwIfCancelled(signal);
    const doc = reader.document(id);
    const plan = planRedaction(doc, { status: request.status, minScore: request.minScore }, hasher);
    const redacted = redactText(doc.text, plan.ranges, request.replacement, book);
    const origin = csvOrigin(doc);
    let target: CsvGroup;
    if (origin) {
      const list = rows.get(origin.source) ?? rows.set(origin.source, []).get(origin.source)!;
      list.push({ origin, redacted });
      target = group(origin.source, id, () => redactedCsv(list));
    } else {
      plain.push({ id, name: doc.name, redacted });
      target = group('', id, () => plainCsv(plain, [...groups.get('')!.needles.values()]));
    }
    for (const n of plan.needles) addNeedle(target.needles, n);
    for (const [k, v] of plan.labelOf) target.labelOf.set(k, v);
    for (const [k, v] of plan.spansOf) target.spansOf.set(k, [...(target.spansOf.get(k) ?? []), ...v]);
    for (const [label, n] of Object.entries(plan.spansByLabel)) target.counts[label] = (target.counts[label] ?? 0) + n;
    target.sources.push({ text: doc.text, spans: doc.spans });
    tick();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const files: ReportFile[] = [];
  const failures: Failure[] = [];
  const accepted: Array<{ documentId: null; file: string; findings: ResidualFinding[] }> = [];
  // documents.csv last, as before: CSV sources first in the order they were met.
  const ordered = [...groups.entries()].sort(([a], [b]) => Number(a === '') - Number(b === ''));
  for (const [, out] of ordered) {
    const name = out.source === '' ? 'documents.csv' : outputName(out.firstId, out.source, 'csv', [...out.needles.values()]);
    const pending = new PendingFile(request.outDir, name, request.overwrite);
    const residual = residualContextFor(out.sources, request.residualRules, request.acceptResidual);
    const promise = { needles: [...out.needles.values()], labelOf: out.labelOf, spansOf: out.spansOf };
    const inspection = await writeVerified(pending, out.lines(), (written) => inspectText(pending.finalPath, written, promise, residual));
    files.push({ documentId: null, file: name, pages: null, spansByLabel: out.counts, checks: inspection.checks, stringIds: [...out.needles.keys()] });
    failures.push(...inspection.failures);
    if (inspection.accepted.length > 0 && inspection.failures.length === 0) accepted.push({ documentId: null, file: name, findings: inspection.accepted });
  }
  return { files, failures, accepted };
}

/** Documents that are not CSV rows: id, name, text. A name holding a redacted string is left blank (files named after people). */
function plainCsv(rows: ReadonlyArray<{ id: number; name: string; redacted: string }>, needles: readonly Needle[]): string {
  let content = 'id,name,text\r\n';
  for (const row of rows) content += csvRow([row.id, findNeedles(makeHaystack(row.name), needles).length > 0 ? '' : row.name, row.redacted]);
  return content;
}
