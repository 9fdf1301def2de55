import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { DocketError } from '../errors.ts';
import type { ProjectReader } from './project-reader.ts';
import { failuresOf, planRedaction, type Failure } from './redacted-export.ts';
import { StringHasher } from './report.ts';
import type { SpanFilter } from './selection.ts';
import { verifyPdf, verifyText, type Check } from './verify.ts';
import { REPORT_JSON, REPORT_TEXT } from './export-job.ts';
import type { Needle } from './leak-match.ts';

/** Label-data files hold the unredacted text by design: they are not leak-checked. */
const DATA_FILES = new Set(['spans.jsonl', 'spans.conll', 'labels.csv', 'spans.csv', 'audit.jsonl', REPORT_JSON, REPORT_TEXT]);

export interface FileVerdict {
  file: string;
  documentId: number | null;
  checks: Check[];
  failures: Failure[];
}

/**
 * Re-runs the leak check on exported files against the project's spans (`docket verify`).
 * Which document a file belongs to comes from the export report beside it, else from the
 * "<id>-" prefix Docket gives file names; a file of no known document (a CSV of many rows) is
 * checked against every document's redacted strings.
 */
export async function verifyExportedFiles(reader: ProjectReader, target: string, filter?: SpanFilter): Promise<FileVerdict[]> {
  if (!existsSync(target)) throw new DocketError('not_found', `${target} does not exist; give an exported file or folder.`);
  const isDir = statSync(target).isDirectory();
  const dir = isDir ? target : dirname(target);
  const files = isDir ? readdirSync(dir).filter((f) => !f.startsWith('.') && !DATA_FILES.has(f) && /\.(pdf|txt|csv)$/i.test(f)) : [basename(target)];
  const report = readReport(join(dir, REPORT_JSON));
  const useFilter: SpanFilter = filter ?? report?.filter ?? { status: 'accepted' };
  const hasher = new StringHasher();
  const plans = new Map<number, ReturnType<typeof planRedaction>>();
  const plan = (id: number) => plans.get(id) ?? plans.set(id, planRedaction(reader.document(id), useFilter, hasher)).get(id)!;
  const verdicts: FileVerdict[] = [];
  for (const file of files) {
    const documentId = report?.ids.get(file) ?? idFromName(file);
    let needles: Needle[];
    const labelOf = new Map<string, string>();
    const ids = documentId !== null ? [documentId] : reader.documentIds();
    const all = new Map<string, Needle>();
    for (const id of ids) {
      const p = plan(id);
      for (const n of p.needles) all.set(n.id, n);
      for (const [k, v] of p.labelOf) labelOf.set(k, v);
    }
    needles = [...all.values()];
    const path = join(dir, file);
    const verification =
      extname(file).toLowerCase() === '.pdf'
        ? await verifyPdf(new Uint8Array(readFileSync(path)), needles)
        : verifyText(readFileSync(path, 'utf8'), needles);
    verdicts.push({ file: path, documentId, checks: verification.checks, failures: failuresOf(path, verification, labelOf) });
  }
  return verdicts;
}

function idFromName(file: string): number | null {
  const match = /^(\d+)(?:-|\.)/.exec(file);
  return match ? Number(match[1]) : null;
}

function readReport(path: string): { ids: Map<string, number>; filter: SpanFilter } | null {
  if (!existsSync(path)) return null;
  try {
    const json = JSON.parse(readFileSync(path, 'utf8')) as { files?: Array<{ file: string; documentId: number | null }>; options?: { status?: 'accepted' | 'all'; minScore?: number } };
    const ids = new Map<string, number>();
    for (const f of json.files ?? []) if (f.documentId !== null) ids.set(f.file, f.documentId);
    return { ids, filter: { status: json.options?.status ?? 'accepted', minScore: json.options?.minScore } };
  } catch {
    return null;
  }
}
