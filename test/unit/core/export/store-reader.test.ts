import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../../../src-main/core/export/export-job.ts';
import { storeReader } from '../../../../src-main/core/export/store-reader.ts';
import { openDatabase } from '../../../../src-main/core/store/database.ts';
import * as blobs from '../../../../src-main/core/store/queries/blobs.ts';
import * as documents from '../../../../src-main/core/store/queries/documents.ts';
import * as spans from '../../../../src-main/core/store/queries/spans.ts';

// The exporters read a real project through the store's query modules, not a fixture reader.
describe('storeReader over a real project file', () => {
  it('exports redacted text from stored documents and keeps the original bytes reachable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docket-store-reader-'));
    const db = openDatabase(join(dir, 'p.docket'), { create: true });
    const text = 'Memo: Alice Smith met Bob at the depot.';
    const bytes = Buffer.from(text, 'utf8');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const id = db.transaction(() => {
      const blobId = blobs.writeBlob(db, sha, [bytes]);
      return documents.insert(db, {
        name: 'memo.txt',
        sourcePath: '/in/memo.txt',
        sha256: sha,
        mediaType: 'text/plain',
        sizeBytes: bytes.length,
        pageCount: null,
        text,
        blobId,
      });
    })();
    const start = text.indexOf('Alice Smith');
    spans.insertMany(db, [
      { documentId: id, start, end: start + 11, label: 'PER', score: 0.9, source: 'model', sourceName: 'ner', status: 'accepted', runId: null },
    ]);

    const reader = storeReader(db);
    expect(reader.documentIds()).toEqual([id]);
    expect(Buffer.from(reader.document(id).bytes()!).toString('utf8')).toBe(text);
    expect(() => reader.documentIds([id, 999])).toThrow(/999/);

    const out = join(dir, 'out');
    const report = await runExport(reader, { format: 'txt', outDir: out }, { signal: new AbortController().signal, report: () => {} });
    expect(report.ok).toBe(true);
    const written = readdirSync(out).filter((f) => f.endsWith('.txt') && !f.startsWith('docket-export-report'));
    expect(written.length).toBe(1);
    const redacted = readFileSync(join(out, written[0]!), 'utf8');
    expect(redacted).not.toContain('Alice');
    expect(redacted).toContain('met Bob at the depot.');
    db.close();
  });
});
