// Test support: a fixture PDF's text and runs as ingest stores them (pdf.js text items mapped
// to offsets in the document text), and spans on every occurrence of the fixture's secrets.
import { readFileSync } from 'node:fs';
import type { PageInfo, Span } from '../../../../src-main/core/api/contract.ts';
import { closePdfjs, openPdfjs } from '../../../../src-main/core/export/pdfjs.ts';
import type { TextRun } from '../../../../src-main/core/layout/text-runs.ts';

export interface FixturePdf {
  bytes: Uint8Array;
  text: string;
  pages: Array<PageInfo & { runs: TextRun[] }>;
}

export async function loadFixturePdf(path: string): Promise<FixturePdf> {
  const bytes = new Uint8Array(readFileSync(path));
  const doc = await openPdfjs(bytes);
  let text = '';
  const pages: FixturePdf['pages'] = [];
  try {
    for (let pageNo = 1; pageNo <= doc.numPages; pageNo++) {
      const page = await doc.getPage(pageNo);
      const content = await page.getTextContent();
      const textStart = text.length;
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        if (item.str.length > 0) {
          const start = text.length;
          text += item.str;
          const t = item.transform as TextRun['transform'];
          runs.push({ start, end: text.length, transform: t, width: item.width, height: Math.hypot(t[2], t[3]), ascent: 0.9, descent: -0.25 });
        }
        text += item.hasEOL ? '\n' : item.str.length > 0 ? ' ' : '';
      }
      text += '\n';
      pages.push({
        pageNo,
        textStart,
        textEnd: text.length,
        runs,
        width: page.view[2]! - page.view[0]!,
        height: page.view[3]! - page.view[1]!,
        rotation: page.rotate,
        needsOcr: false,
      });
      page.cleanup();
    }
  } finally {
    await closePdfjs(doc);
  }
  return { bytes, text, pages };
}

/** Accepted spans on every occurrence of each secret; whitespace in a secret matches any run of whitespace. */
export function spansFor(text: string, secrets: Readonly<Record<string, string>>, documentId = 1): Span[] {
  const spans: Span[] = [];
  for (const [label, secret] of Object.entries(secrets)) {
    const pattern = new RegExp(secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'), 'g');
    for (const match of text.matchAll(pattern)) {
      spans.push({
        id: spans.length + 1,
        documentId,
        start: match.index,
        end: match.index + match[0].length,
        label: label.toUpperCase(),
        score: 0.99,
        source: 'human',
        sourceName: 'test',
        status: 'accepted',
        runId: null,
      });
    }
  }
  return spans;
}
