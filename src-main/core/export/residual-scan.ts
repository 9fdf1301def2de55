// The residual scan: an exported file read back from disk, its text extracted as import would
// extract it, and the pattern detectors and the project's deny list run over it. Verification
// looks for what the analyst redacted; this looks for what nobody found, so a value that
// detection missed or nobody reviewed stops the file instead of shipping in it.
import { createHash, createHmac } from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js';
import { detectorInfo, detectPatterns, type PatternRuleInput } from '../detect/index.ts';
import { extractPdf } from '../ingest/pdf.ts';
import { normalise } from './leak-match.ts';
import type { ExportDocument } from './project-reader.ts';
import type { Check } from './verify.ts';

export interface ResidualRules {
  rules: readonly PatternRuleInput[];
  /** Most likely first, as the project lists them (`pattern-rules.phoneRegions`). */
  phoneRegions: readonly CountryCode[];
}

/** What the residual scan of one output knows about the documents behind it. */
export interface ResidualContext extends ResidualRules {
  /** Key material for stable finding ids: a hash of the source text, so ids survive re-exports. */
  key: string;
  /** Normalised values the analyst rejected as spans: left in on purpose, never a finding. */
  decided: ReadonlySet<string>;
  /** Finding ids, or labels, the analyst accepted for this export (recorded in the audit log). */
  accepted: ReadonlySet<string>;
}

export interface ResidualFinding {
  page: number | null;
  label: string;
  detector: string;
  /** HMAC of label and value under the source's key: stable, and names the value without showing it. */
  id: string;
  accepted: boolean;
}

export interface ResidualResult {
  check: Check;
  findings: ResidualFinding[];
  /** Hits left in because the analyst rejected that value as a span. */
  decided: number;
}

/** The residual context of an output made from these documents (one, or the rows of a CSV). */
export function residualContextFor(
  docs: ReadonlyArray<Pick<ExportDocument, 'text' | 'spans'>>,
  rules: ResidualRules,
  accepted: ReadonlySet<string>,
): ResidualContext {
  const hash = createHash('sha256');
  const decided = new Set<string>();
  for (const doc of docs) {
    hash.update(doc.text).update('\0');
    for (const span of doc.spans) if (span.status === 'rejected') decided.add(normalise(doc.text.slice(span.start, span.end)));
  }
  return { ...rules, key: hash.digest('hex'), decided, accepted };
}

export async function scanPdfResidue(bytes: Uint8Array, context: ResidualContext): Promise<ResidualResult> {
  let extracted;
  try {
    extracted = await extractPdf('export', bytes);
  } catch (error) {
    return {
      check: { name: 'residual-scan', passed: false, detail: `the written file cannot be read back as import would read it (${(error as Error).message})` },
      findings: [],
      decided: 0,
    };
  }
  const pageOf = (offset: number) => extracted.pages?.find((p) => offset >= p.textStart && offset <= p.textEnd)?.pageNo ?? null;
  const imagePages = (extracted.pages ?? []).filter((p) => p.needsOcr).length;
  const scope = `text of ${extracted.pageCount ?? 0} pages read back from disk (whole pages, as import reads them)${imagePages > 0 ? `; ${imagePages} page(s) without a text layer could not be scanned` : ''}`;
  return scan(extracted.text, pageOf, context, scope);
}

export function scanTextResidue(text: string, context: ResidualContext): ResidualResult {
  return scan(text, () => null, context, 'whole file read back from disk');
}

/** The text OCR read from page images of the written file (pixel-check.ts), page by page. */
export function scanPageReadings(readings: ReadonlyArray<{ pageNo: number; text: string }>, context: ResidualContext): ResidualResult {
  let text = '';
  const starts: Array<{ at: number; pageNo: number }> = [];
  for (const r of readings) {
    if (text.length > 0) text += '\n\n';
    starts.push({ at: text.length, pageNo: r.pageNo });
    text += r.text;
  }
  const pageOf = (offset: number) => [...starts].reverse().find((s) => offset >= s.at)?.pageNo ?? null;
  const result = scan(text, pageOf, context, `text OCR read from ${readings.length} page image(s) of the written file`);
  return { ...result, check: { ...result.check, name: 'residual-scan-pixels' } };
}

function scan(text: string, pageOf: (offset: number) => number | null, context: ResidualContext, scope: string): ResidualResult {
  const findings: ResidualFinding[] = [];
  let decided = 0;
  for (const hit of detectPatterns(text, context.rules, { phoneRegions: context.phoneRegions })) {
    const value = normalise(text.slice(hit.start, hit.end));
    if (context.decided.has(value)) {
      decided++;
      continue;
    }
    const id = createHmac('sha256', context.key).update(`${hit.label}\n${value}`).digest('hex').slice(0, 16);
    findings.push({
      page: pageOf(hit.start),
      label: hit.label,
      detector: hit.detector,
      id,
      accepted: context.accepted.has(id) || context.accepted.has(hit.label),
    });
  }
  const open = findings.filter((f) => !f.accepted).length;
  const detectors = detectorInfo
    .filter((d) => d.label !== '')
    .map((d) => d.id)
    .join(', ');
  const custom = context.rules.filter((r) => r.kind !== 'allow').length;
  const detail =
    `${scope}, scanned with the pattern detectors (${detectors})` +
    (custom > 0 ? `, ${custom} custom rule(s) and deny-list term(s)` : '') +
    `; not scanned for: names and other entities only a model finds, text inside images` +
    (open > 0 ? `; ${open} unredacted finding(s)` : '') +
    (findings.length > open ? `; ${findings.length - open} accepted by the analyst` : '') +
    (decided > 0 ? `; ${decided} value(s) the analyst rejected as spans left in` : '');
  return { check: { name: 'residual-scan', passed: open === 0, detail }, findings, decided };
}
