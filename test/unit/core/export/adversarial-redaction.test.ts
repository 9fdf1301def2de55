// The redaction promise against the adversarial corpus: each crafted PDF is imported as the app
// imports it, every value a reader or a detector can find is redacted (pattern detectors as a
// pattern run proposes them, names by hand on their visible occurrences), and the export is
// read back by Debian's tools, not ours. No secret may survive in any layer, a file the
// report calls ok must not leak, and every control sentence must still be extractable.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Span } from '../../../../src-main/core/api/contract.ts';
import { detectPatterns } from '../../../../src-main/core/detect/index.ts';
import { runExport } from '../../../../src-main/core/export/export-job.ts';
import { extractPdf } from '../../../../src-main/core/ingest/pdf.ts';
import type { ExportReport } from '../../../../src-main/core/api/contract.ts';
import { adversarialCases, type AdversarialCase } from '../../../fixtures/export/adversarial.ts';
import { fixtureReader } from './fixture-reader.ts';
import { extractedText, scanFile, valuePattern } from './independent-scan.ts';

const job = () => ({ signal: new AbortController().signal, report: () => {} });

interface Exported {
  case: AdversarialCase;
  report: ExportReport;
  file: string | null;
}

/** Accepted spans: every pattern detection, and every occurrence of a secret in the imported text. */
function analystSpans(text: string, secrets: readonly string[]): Span[] {
  const spans: Span[] = [];
  const add = (start: number, end: number, label: string, source: Span['source']) =>
    spans.push({
      id: spans.length + 1,
      documentId: 1,
      start,
      end,
      label,
      score: 0.99,
      source,
      sourceName: source === 'pattern' ? 'patterns' : 'analyst',
      status: 'accepted',
      runId: null,
    });
  for (const hit of detectPatterns(text)) add(hit.start, hit.end, hit.label, 'pattern');
  for (const secret of secrets)
    for (const m of text.matchAll(new RegExp(valuePattern(secret).source, 'giu'))) add(m.index, m.index + m[0].length, 'SECRET', 'human');
  return spans;
}

async function exportCase(c: AdversarialCase, options: Record<string, unknown> = {}): Promise<Exported> {
  const bytes = new Uint8Array(readFileSync(c.file));
  const imported = await extractPdf(`${c.name}.pdf`, bytes);
  const doc = {
    id: 1,
    name: `${c.name}.pdf`,
    mediaType: 'application/pdf',
    sourcePath: c.file,
    text: imported.text,
    metadata: {},
    pages: imported.pages.map((p) => ({ ...p, runs: p.runs ?? [] })),
    spans: analystSpans(imported.text, c.secrets),
    data: bytes,
  };
  const dir = mkdtempSync(join(tmpdir(), `docket-adv-${c.name}-`));
  const report = await runExport(fixtureReader([doc]), { format: 'pdf', outDir: dir, dpi: 100, ...options }, job());
  const written = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
  return { case: c, report, file: written.length === 1 ? join(dir, written[0]!) : null };
}

let cases: AdversarialCase[];
const results = new Map<string, Exported>();
beforeAll(async () => {
  cases = await adversarialCases();
  for (const c of cases) results.set(c.name, await exportCase(c));
}, 300_000);

describe('redacted export of the adversarial corpus', () => {
  it('exports every case, verified', () => {
    const failed = [...results.values()]
      .filter((r) => !r.report.ok || r.file === null)
      .map((r) => `${r.case.name}: ${r.report.failures.map((f) => f.reason).join(' | ')}`);
    expect(failed).toEqual([]);
  });

  it('leaves no secret in any layer a tool can read (pdftotext, qpdf --qdf, pdfinfo, pdfdetach, raw streams)', () => {
    const leaks: string[] = [];
    for (const r of results.values()) {
      if (!r.file) continue;
      for (const secret of r.case.secrets)
        for (const hit of scanFile(r.file, secret))
          leaks.push(`${r.case.name}: "${secret}" in ${hit.layer} (${hit.form})${r.report.ok ? ' — REPORTED OK' : ''}`);
    }
    expect(leaks).toEqual([]);
  });

  it('keeps every control sentence extractable', () => {
    const missing: string[] = [];
    for (const r of results.values()) {
      if (!r.file) continue;
      const text = extractedText(r.file);
      for (const control of r.case.controls) if (!valuePattern(control).test(text)) missing.push(`${r.case.name}: ${control}`);
    }
    expect(missing).toEqual([]);
  });

  it('with every page rendered, still leaks nothing and keeps the controls', async () => {
    for (const name of ['xobject-shared-resources', 'actualtext-alt', 'hidden-layer']) {
      const r = await exportCase(
        cases.find((c) => c.name === name)!,
        { rasteriseAll: true },
      );
      expect(r.report.ok, name).toBe(true);
      for (const secret of r.case.secrets) expect(scanFile(r.file!, secret), `${name}: ${secret}`).toEqual([]);
      const text = extractedText(r.file!);
      for (const control of r.case.controls) expect(text, name).toMatch(valuePattern(control));
    }
  }, 120_000);

  it('a rendered page carries none of its hidden content in the text layer (hidden layer, ActualText, outside the crop box)', async () => {
    for (const name of ['hidden-layer', 'actualtext-alt', 'outside-cropbox']) {
      const c = cases.find((x) => x.name === name)!;
      const bytes = new Uint8Array(readFileSync(c.file));
      const imported = await extractPdf(`${c.name}.pdf`, bytes);
      // Only one control word is redacted: the page is rendered, its hidden secrets were never marked.
      const word = c.controls[0]!.split(' ')[1]!;
      const at = imported.text.indexOf(word);
      const span: Span = {
        id: 1,
        documentId: 1,
        start: at,
        end: at + word.length,
        label: 'MISC',
        score: 1,
        source: 'human',
        sourceName: 'analyst',
        status: 'accepted',
        runId: null,
      };
      const doc = {
        id: 1,
        name: 'h.pdf',
        mediaType: 'application/pdf',
        sourcePath: c.file,
        text: imported.text,
        metadata: {},
        pages: imported.pages.map((p) => ({ ...p, runs: p.runs ?? [] })),
        spans: [span],
        data: bytes,
      };
      const dir = mkdtempSync(join(tmpdir(), 'docket-adv-hidden-'));
      const report = await runExport(fixtureReader([doc]), { format: 'pdf', outDir: dir, dpi: 72 }, job());
      expect(report.failures, name).toEqual([]);
      const file = join(dir, '1-h.pdf');
      for (const secret of c.secrets) expect(scanFile(file, secret), `${name}: ${secret}`).toEqual([]);
      expect(extractedText(file), name).toMatch(valuePattern(c.controls[1]!));
    }
  }, 60_000);

  it('fails closed when a visible value was never marked: the residual scan finds it, nothing is written', async () => {
    const c = cases.find((x) => x.name === 'white-on-white')!;
    const bytes = new Uint8Array(readFileSync(c.file));
    const imported = await extractPdf(`${c.name}.pdf`, bytes);
    const dir = mkdtempSync(join(tmpdir(), 'docket-adv-unmarked-'));
    const doc = {
      id: 1,
      name: 'w.pdf',
      mediaType: 'application/pdf',
      sourcePath: c.file,
      text: imported.text,
      metadata: {},
      pages: imported.pages.map((p) => ({ ...p, runs: p.runs ?? [] })),
      spans: [],
      data: bytes,
    };
    const report = await runExport(fixtureReader([doc]), { format: 'pdf', outDir: dir, dpi: 72 }, job());
    expect(report.ok).toBe(false);
    const residual = report.failures.filter((f) => f.reason.includes('residual scan'));
    expect(residual.map((f) => /unredacted (\w+)/.exec(f.reason)![1]).sort()).toEqual(['EMAIL', 'PHONE']);
    expect(residual.every((f) => f.page === 1 && /--accept-residual [0-9a-f]{16}/.test(f.reason))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.pdf') || f.endsWith('.partial'))).toEqual([]);

    // The analyst accepts both findings by id: the file is written and the audit log says so.
    const ids = residual.map((f) => /--accept-residual ([0-9a-f]{16})/.exec(f.reason)![1]!);
    const audit: Parameters<typeof fixtureReader>[1] = [];
    const again = await runExport(fixtureReader([doc], audit), { format: 'pdf', outDir: dir, dpi: 72, acceptResidual: ids, overwrite: true }, job());
    expect(again.ok).toBe(true);
    expect(existsSync(join(dir, '1-w.pdf'))).toBe(true);
    expect(audit.map((a) => a.action)).toEqual(['export.residual_accepted']);
    expect((audit[0]!.after as { findings: Array<{ id: string }> }).findings.map((f) => f.id).sort()).toEqual([...ids].sort());
  }, 60_000);
});
