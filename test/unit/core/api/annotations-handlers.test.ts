import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_REGIONS, type EventName } from '../../../../src-main/core/api/contract.ts';
import { DEFAULT_PHONE_REGIONS, MAX_PHONE_REGIONS } from '../../../../src-main/core/detect/index.ts';
import { createHandlers } from '../../../../src-main/core/api/handlers/index.ts';
import { patternRunSettings } from '../../../../src-main/core/detect/run-patterns.ts';
import { createRouter, type Caller, type Router } from '../../../../src-main/core/api/router.ts';
import { App, defaultPaths } from '../../../../src-main/core/app.ts';
import { addDocument, propose, proposeLabel, tempProjectPath } from '../store/project-fixture.ts';

let app: App;
let router: Router;
let events: Array<{ event: EventName; payload: unknown }>;
const caller: Caller = { id: 'test', emit: (event, payload) => events.push({ event, payload }) };
let doc: number;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the response's fields as it expects them
async function call(channel: string, payload: unknown): Promise<any> {
  const result = await router.handle(channel, payload, caller);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value;
}

async function failure(channel: string, payload: unknown): Promise<{ code: string; message: string }> {
  const result = await router.handle(channel, payload, caller);
  if (result.ok) throw new Error(`${channel} succeeded but should have failed`);
  return result.error;
}

beforeEach(() => {
  app = new App(defaultPaths(mkdtempSync(join(tmpdir(), 'docket-user-'))));
  app.open(tempProjectPath(), true);
  router = createRouter(createHandlers(app));
  events = [];
  doc = addDocument(app.db(), 'memo.txt', 'Dana Scully met Fox Mulder. Dana Scully left.');
});
afterEach(async () => app.close());

describe('annotation handlers', () => {
  it('creates, edits, merges, splits and deletes spans, announcing each change', async () => {
    const dana = await call('annotations:span.create', { documentId: doc, start: 0, end: 4, label: 'PERSON' });
    expect(dana).toMatchObject({ documentId: doc, start: 0, end: 4, label: 'PERSON', source: 'human', status: 'accepted' });
    expect(events).toEqual([{ event: 'project:documents.changed', payload: { documentIds: [doc] } }]);
    const scully = await call('annotations:span.create', { documentId: doc, start: 5, end: 11, label: 'ORG' });
    const merged = await call('annotations:span.merge', { ids: [dana.id, scully.id] });
    expect(merged).toMatchObject({ start: 0, end: 11, label: 'PERSON' });
    const moved = await call('annotations:span.update', { id: merged.id, end: 10, status: 'accepted' });
    expect(moved.end).toBe(10);
    const parts = await call('annotations:span.split', { id: moved.id, at: 5 });
    expect(parts.map((p: { start: number; end: number }) => [p.start, p.end])).toEqual([
      [0, 4],
      [5, 10],
    ]);
    expect(await call('annotations:span.delete', { id: parts[1].id })).toEqual({ ok: true });
    expect((await failure('annotations:span.delete', { id: parts[1].id })).code).toBe('not_found');
    expect(events).toHaveLength(6);
  });

  it('an edit tagged with its origin announces the change with that origin (and only that edit)', async () => {
    const span = await call('annotations:span.create', { documentId: doc, start: 0, end: 4, label: 'PERSON', origin: 'document-1' });
    await call('annotations:span.update', { id: span.id, status: 'rejected', origin: 'review-7' });
    await call('annotations:span.update', { id: span.id, status: 'accepted' });
    await call('annotations:span.delete', { id: span.id, origin: 'document-1' });
    expect(events.map((e) => e.payload)).toEqual([
      { documentIds: [doc], origin: 'document-1' },
      { documentIds: [doc], origin: 'review-7' },
      { documentIds: [doc] },
      { documentIds: [doc], origin: 'document-1' },
    ]);
    expect((await failure('annotations:span.update', { id: span.id, status: 'accepted', origin: 'x'.repeat(65) })).code).toBe('invalid_request');
  });

  it('answers malformed payloads with invalid_request and bad edits with a specific error', async () => {
    expect((await failure('annotations:span.create', { documentId: doc, start: -1, end: 4, label: 'PERSON' })).code).toBe('invalid_request');
    expect((await failure('annotations:span.create', { documentId: doc, start: 0, end: 4 })).code).toBe('invalid_request');
    expect((await failure('annotations:span.create', { documentId: 'x', start: 0, end: 4, label: 'P' })).code).toBe('invalid_request');
    expect((await failure('annotations:span.merge', { ids: [1] })).code).toBe('invalid_request');
    expect((await failure('annotations:span.split', { id: 1, at: 0 })).code).toBe('invalid_request');
    expect((await failure('annotations:occurrences.apply', { text: 'Dana', scope: 'world', documentId: doc, action: 'add', label: 'P' })).code).toBe(
      'invalid_request',
    );
    expect((await failure('annotations:bulk.accept', { minScore: 1.5 })).code).toBe('invalid_request');
    expect((await failure('review:queue.get', { order: 'random' })).code).toBe('invalid_request');
    expect((await failure('labels:label.save', { setName: 'default', name: 'X', colour: 'red', hotkey: null })).code).toBe('invalid_request');
    expect((await failure('patterns:rule.save', { kind: 'sql', label: 'X', pattern: 'x', flags: '', enabled: true })).code).toBe('invalid_request');
    const past = await failure('annotations:span.create', { documentId: doc, start: 40, end: 400, label: 'PERSON' });
    expect(past).toMatchObject({ code: 'invalid_span' });
    expect(past.message).toMatch(/runs past the end/);
    expect(events).toEqual([]);
  });

  it('applies a decision to all occurrences after counting them, and undoes it in one step', async () => {
    expect(await call('annotations:occurrences.count', { text: 'Dana Scully', scope: 'batch', documentId: doc })).toEqual({ occurrences: 2, documents: 1 });
    expect(await call('annotations:occurrences.apply', { text: 'Dana Scully', scope: 'batch', documentId: doc, action: 'add', label: 'PERSON' })).toEqual({
      changed: 2,
    });
    expect((await call('review:queue.get', { status: 'accepted' })).total).toBe(2);
    expect(await call('annotations:history.undo', {})).toEqual({ changed: true, documentId: doc });
    expect((await call('review:queue.get', { status: 'accepted' })).total).toBe(0);
    expect(await call('annotations:history.redo', {})).toEqual({ changed: true, documentId: doc });
    expect((await call('review:queue.get', { status: 'accepted' })).total).toBe(2);
  });

  it('counts, then bulk-accepts; serves the queue, stats and document labels', async () => {
    const db = app.db();
    propose(db, doc, 'Fox Mulder', 'PERSON', 0.92);
    propose(db, doc, 'Dana Scully', 'PERSON', 0.35);
    proposeLabel(db, doc, 'topic', 'science', 0.8, 'model:topic');
    const queue = await call('review:queue.get', {});
    expect(queue.items.map((i: { text: string }) => i.text)).toEqual(['Dana Scully', 'Dana Scully met Fox Mulder. Dana Scully left.', 'Fox Mulder']);
    expect(await call('annotations:bulk.count', { minScore: 0.5 })).toEqual({ count: 2 });
    expect(await call('annotations:bulk.count', { minScore: 0.5, label: 'PERSON' })).toEqual({ count: 1 });
    expect(await call('annotations:bulk.accept', { minScore: 0.5 })).toEqual({ changed: 2 });
    const stats = await call('stats:summary.get', {});
    expect(stats.byStatus).toMatchObject({ 'span.accepted': 1, 'span.proposed': 1, 'label.accepted': 1 });
    const created = await call('annotations:label.create', { documentId: doc, task: 'topic', label: 'fiction' });
    expect(created).toMatchObject({ source: 'human', status: 'accepted', label: 'fiction' });
    expect(await call('annotations:label.update', { id: created.id, status: 'rejected' })).toMatchObject({ status: 'rejected' });
    expect((await failure('annotations:label.create', { documentId: 999, task: 'topic', label: 'x' })).code).toBe('not_found');
    await call('annotations:history.undo', {}); // the label update
    await call('annotations:history.undo', {}); // the label create
    await call('annotations:history.undo', {}); // the bulk accept
    expect((await call('stats:summary.get', {})).byStatus).toMatchObject({ accepted: 0, proposed: 3 });
  });
});

describe('settings handlers', () => {
  it('lists, saves and deletes labels', async () => {
    const { labels } = await call('labels:list.get', {});
    expect(labels).toHaveLength(13);
    const saved = await call('labels:label.save', { setName: 'default', name: 'CASE', colour: '#E6B8F0', hotkey: 'c' });
    expect(saved).toMatchObject({ name: 'CASE', hotkey: 'c' });
    expect(await failure('labels:label.save', { setName: 'default', name: 'CASE2', colour: '#E6B8F0', hotkey: 'c' })).toMatchObject({ code: 'hotkey_taken' });
    expect(await call('labels:label.delete', { id: saved.id })).toEqual({ ok: true });
    expect((await failure('labels:label.delete', { id: saved.id })).code).toBe('not_found');
  });

  it('saves pattern rules, refusing a bad regex with an error naming the rule', async () => {
    const rule = await call('patterns:rule.save', { kind: 'regex', label: 'CASE_NO', pattern: 'Case \\d+', flags: 'i', enabled: true });
    expect(rule).toMatchObject({ id: expect.any(Number), kind: 'regex', enabled: true });
    const bad = await failure('patterns:rule.save', { kind: 'regex', label: 'BROKEN', pattern: '([a-z]+', flags: '', enabled: true });
    expect(bad.code).toBe('invalid_pattern');
    expect(bad.message).toMatch(/"BROKEN"/);
    const slow = await failure('patterns:rule.save', { kind: 'regex', label: 'SLOW', pattern: '(x+x+)+y', flags: '', enabled: true });
    expect(slow.message).toMatch(/exponential/);
    expect((await call('patterns:rules.get', {})).rules).toHaveLength(1);
    expect(await call('patterns:rule.delete', { id: rule.id })).toEqual({ ok: true });
    expect((await failure('patterns:rule.delete', { id: rule.id })).code).toBe('not_found');
  });

  it('gets and saves the phone regions; a bad payload is refused before the store, an unknown code is named', async () => {
    expect(await call('patterns:regions.get', {})).toEqual({ regions: [...DEFAULT_PHONE_REGIONS] });
    const before = patternRunSettings(app.db()).params as Record<string, unknown>;
    expect(await call('patterns:regions.save', { regions: ['us', 'GB', 'fr', 'us'] })).toEqual({ regions: ['US', 'GB', 'FR'] });
    // Another list is another pattern run: an interrupted run is not resumed with other regions.
    expect(before).toMatchObject({ phoneRegions: [...DEFAULT_PHONE_REGIONS] });
    expect(patternRunSettings(app.db()).params).toEqual({ ...before, phoneRegions: ['US', 'GB', 'FR'] });
    expect(await call('patterns:regions.get', {})).toEqual({ regions: ['US', 'GB', 'FR'] });
    expect(MAX_REGIONS).toBe(MAX_PHONE_REGIONS);
    for (const payload of [
      {},
      { regions: [] },
      { regions: 'US' },
      { regions: ['USA'] },
      { regions: ['U'] },
      { regions: [1] },
      { regions: Array(MAX_REGIONS + 1).fill('US') },
    ]) {
      const refused = await failure('patterns:regions.save', payload);
      expect(refused.code, JSON.stringify(payload)).toBe('invalid_request');
      expect(refused.message).toMatch(/^Invalid patterns:regions\.save request: /);
    }
    const unknown = await failure('patterns:regions.save', { regions: ['US', 'XX'] });
    expect(unknown).toEqual({ code: 'invalid_region', message: expect.stringMatching(/^"XX" is not a region libphonenumber knows/) });
    expect(await call('patterns:regions.get', {})).toEqual({ regions: ['US', 'GB', 'FR'] });
  });

  it('answers no_project when no project is open', async () => {
    await app.close();
    expect((await failure('labels:list.get', {})).code).toBe('no_project');
    expect((await failure('annotations:history.undo', {})).code).toBe('no_project');
  });
});
