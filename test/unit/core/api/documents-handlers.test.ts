import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as spans from '../../../../src-main/core/store/queries/spans.ts';
import { generatedDir } from '../../../fixtures/generate.ts';
import { generateIngestFixtures, ingestDir } from '../../../fixtures/ingest/generate.ts';
import { routerSession } from './router-session.ts';

const { root, app, events, call, runJob } = routerSession('docket-docs-api-');

beforeAll(async () => {
  await generateIngestFixtures(generatedDir);
  await call('project:file.create', { path: join(root, 'p.docket') });
  await runJob('documents:import.start', { paths: [ingestDir(generatedDir)] });
});
afterAll(() => app.close());

describe('documents handlers through the router', () => {
  it('runs the import as a job and announces the changed documents', () => {
    const finished = events.find((e) => e.event === 'jobs:finished')!.payload as { status: string; result: { imported: number; failed: unknown[] } };
    expect(finished.status).toBe('completed');
    expect(finished.result.imported).toBeGreaterThan(10);
    expect(events.some((e) => e.event === 'project:documents.changed')).toBe(true);
    expect(events.some((e) => e.event === 'jobs:progress')).toBe(true);
  });

  it('searches the full text, sorts and pages', async () => {
    const found = await call<{ total: number; rows: Array<{ name: string }> }>('documents:list.query', { search: 'lovelace' });
    expect(found.rows.map((r) => r.name)).toEqual(['report.pdf']);
    const none = await call<{ total: number }>('documents:list.query', { search: '"); DROP TABLE documents; --' });
    expect(none.total).toBe(0);
    const sorted = await call<{ total: number; rows: Array<{ name: string }> }>('documents:list.query', { sort: 'name', limit: 3, offset: 1 });
    expect(sorted.rows.length).toBe(3);
    const all = await call<{ rows: Array<{ name: string }> }>('documents:list.query', { sort: 'name', limit: 1000 });
    expect(sorted.rows.map((r) => r.name)).toEqual(all.rows.slice(1, 4).map((r) => r.name));
    // The next page from where one ended (keyset), through the contract; a forged cursor is refused.
    const first = await call<{ rows: Array<{ name: string }>; next: string }>('documents:list.query', { sort: 'name', descending: true, limit: 2 });
    const second = await call<{ rows: Array<{ name: string }> }>('documents:list.query', { sort: 'name', descending: true, limit: 3, after: first.next });
    const down = [...all.rows].reverse().map((r) => r.name);
    expect([...first.rows, ...second.rows].map((r) => r.name)).toEqual(down.slice(0, 5));
    await expect(call('documents:list.query', { sort: 'name', after: '{"not":"ours"}' })).rejects.toThrow(/load the table again/);
  });

  it('filters by lowest confidence and label, and renders a PDF page with its span boxes', async () => {
    const { rows } = await call<{ rows: Array<{ id: number; name: string }> }>('documents:list.query', { search: 'Lovelace' });
    const id = rows[0]!.id;
    const detail = await call<{ text: string; pages: Array<{ pageNo: number }> }>('documents:item.get', { id });
    const start = detail.text.indexOf('Ada Lovelace');
    spans.insertMany(app.db(), [{ documentId: id, start, end: start + 12, label: 'PER', score: 0.42, source: 'model', sourceName: 'ner', runId: null }]);
    const low = await call<{ rows: Array<{ id: number; minConfidence: number }> }>('documents:list.query', { maxConfidence: 0.5, label: 'PER' });
    expect(low.rows).toEqual([expect.objectContaining({ id, minConfidence: 0.42, spanCount: 1 })]);

    const image = await call<{ imageDataUrl: string; width: number; height: number; boxes: Array<{ x: number; y: number; w: number; h: number }> }>(
      'documents:page.render',
      { id, pageNo: 2, scale: 1 },
    );
    expect(image.imageDataUrl.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
    // Page 2 is rotated 90°: the image is landscape.
    expect([image.width, image.height]).toEqual([792, 612]);
    expect(image.boxes.length).toBe(1);
    const box = image.boxes[0]!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.w).toBeLessThanOrEqual(image.width);
    expect(box.y + box.h).toBeLessThanOrEqual(image.height);
    // Rotated text runs down the page: the box is taller than wide.
    expect(box.h).toBeGreaterThan(box.w);

    // After a span edit the page is not rendered again (same image), but the boxes are new.
    spans.insertMany(app.db(), [{ documentId: id, start, end: start + 3, label: 'PER', score: 0.9, source: 'model', sourceName: 'ner', runId: null }]);
    const again = await call<typeof image>('documents:page.render', { id, pageNo: 2, scale: 1 });
    expect(again.imageDataUrl).toBe(image.imageDataUrl);
    expect(again.boxes.length).toBe(2);
    expect(again.boxes).toContainEqual(box);
    const short = again.boxes.find((b) => b.h < box.h)!;
    expect(short.x).toBeCloseTo(box.x, 0); // same column of rotated text, a shorter stretch of it
  });

  it('answers unknown documents and pages with a clear error', async () => {
    await expect(call('documents:item.get', { id: 9999 })).rejects.toThrow(/not_found: Document 9999 is not in this project/);
    await expect(call('documents:page.render', { id: 1, pageNo: 1 })).rejects.toThrow(/not_found/);
  });
});
