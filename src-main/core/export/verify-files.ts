import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { DocketError } from '../errors.ts';
import { addNeedle, type Needle } from './leak-match.ts';
import { isLeftover } from './output-file.ts';
import type { ExportDocument, ProjectReader } from './project-reader.ts';
import { planRedaction } from './redacted-export.ts';
import { REPORT_JSON, REPORT_TEXT, StringHasher } from './report.ts';
import { residualContextFor } from './residual-scan.ts';
import type { SpanFilter } from './selection.ts';
import { inspectPdf, inspectText, type Failure } from './verified-output.ts';
import type { Check } from './verify.ts';

/** Label-data files hold the unredacted text by design: they are not leak-checked. */
const DATA_FILES = new Set(['spans.jsonl', 'spans.conll', 'labels.csv', 'spans.csv', 'audit.jsonl']);

export interface FileVerdict {
  file: string;
  documentId: number | null;
  checks: Check[];
  failures: Failure[];
}

/**
 * Re-runs the leak check and the residual scan on exported files against the project
 * (`docket verify`): every PDF and text file in the folder, hidden ones included, so a file an
 * interrupted export left behind is found, not skipped. Which document a file belongs to comes
 * from the export report beside it, else from the "<id>-" prefix Docket gives file names; a
 * file of no known document (a CSV of many rows) is checked against every document.
 */
export async function verifyExportedFiles(reader: ProjectReader, target: string, filter?: SpanFilter): Promise<FileVerdict[]> {
  if (!existsSync(target)) throw new DocketError('not_found', `${target} does not exist; give an exported file or folder.`);
  const isDir = statSync(target).isDirectory();
  const dir = isDir ? target : dirname(target);
  const files = isDir
    ? readdirSync(dir).filter((f) => f !== REPORT_JSON && f !== REPORT_TEXT && !DATA_FILES.has(f) && lstatSync(join(dir, f)).isFile())
    : [basename(target)];
  const report = readReport(join(dir, REPORT_JSON));
  const verdicts: FileVerdict[] = [];
  if (report?.status === 'in-progress') {
    verdicts.push(
      refused(
        join(dir, REPORT_JSON),
        'the export that wrote this folder never finished (its report still says "in progress"): the files here are not described by any report; export again',
      ),
    );
  }
  const useFilter: SpanFilter = filter ?? report?.filter ?? { status: 'accepted' };
  const hasher = new StringHasher();
  const rules = reader.residualRules();
  const plans = new Map<number, { plan: ReturnType<typeof planRedaction>; doc: ExportDocument }>();
  const planOf = (id: number) => {
    if (!plans.has(id)) {
      const doc = reader.document(id);
      plans.set(id, { plan: planRedaction(doc, useFilter, hasher), doc });
    }
    return plans.get(id)!;
  };
  for (const file of files) {
    const path = join(dir, file);
    if (isLeftover(file)) {
      verdicts.push(refused(path, 'a temporary file left by an interrupted export: it was never verified; delete it and export again'));
      continue;
    }
    const bytes = readFileSync(path);
    const isPdf = bytes.subarray(0, 5).toString('latin1') === '%PDF-';
    if (!isPdf && !isText(bytes)) {
      verdicts.push({
        file: path,
        documentId: null,
        checks: [{ name: 'not-checked', passed: true, detail: 'neither a PDF nor text: not an export of Docket, not checked' }],
        failures: [],
      });
      continue;
    }
    const documentId = report?.ids.get(file) ?? idFromName(file);
    const ids = documentId !== null ? [documentId] : reader.documentIds();
    const needles = new Map<string, Needle>();
    const labelOf = new Map<string, string>();
    const spansOf = new Map<string, number[]>();
    const docs: ExportDocument[] = [];
    for (const id of ids) {
      const { plan, doc } = planOf(id);
      docs.push(doc);
      for (const n of plan.needles) addNeedle(needles, n);
      for (const [k, v] of plan.labelOf) labelOf.set(k, v);
      for (const [k, v] of plan.spansOf) spansOf.set(k, v);
    }
    const promise = { needles: [...needles.values()], labelOf, spansOf };
    const residual = residualContextFor(docs, rules, new Set(report?.acceptResidual ?? []));
    const inspection = isPdf ? await inspectPdf(path, bytes, promise, residual) : await inspectText(path, bytes, promise, residual);
    verdicts.push({ file: path, documentId, checks: inspection.checks, failures: inspection.failures });
  }
  return verdicts;
}

function refused(file: string, reason: string): FileVerdict {
  return { file, documentId: null, checks: [{ name: 'complete', passed: false, detail: reason }], failures: [{ file, page: null, reason }] };
}

/** Text when it decodes as UTF-8 without NUL bytes (what Docket writes for TXT and CSV). */
function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function idFromName(file: string): number | null {
  const match = /^(\d+)(?:-|\.)/.exec(file);
  return match && extname(file) !== '' ? Number(match[1]) : null;
}

interface ReportSummary {
  status: string;
  ids: Map<string, number>;
  filter: SpanFilter;
  acceptResidual: string[];
}

function readReport(path: string): ReportSummary | null {
  if (!existsSync(path)) return null;
  try {
    const json = JSON.parse(readFileSync(path, 'utf8')) as {
      status?: string;
      files?: Array<{ file: string; documentId: number | null }>;
      options?: { status?: 'accepted' | 'all'; minScore?: number; acceptResidual?: string[] };
    };
    const ids = new Map<string, number>();
    for (const f of json.files ?? []) if (f.documentId !== null) ids.set(f.file, f.documentId);
    const options = json.options ?? {};
    return {
      status: json.status ?? 'complete',
      ids,
      filter: { status: options.status ?? 'accepted', minScore: options.minScore },
      acceptResidual: Array.isArray(options.acceptResidual) ? options.acceptResidual : [],
    };
  } catch {
    return null;
  }
}
