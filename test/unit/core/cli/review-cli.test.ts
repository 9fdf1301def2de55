import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/core/store/database.ts';
import * as history from '../../../../src-main/core/store/queries/history.ts';
import { addDocument, createProject, propose, proposeLabel, spanRows } from '../store/project-fixture.ts';
import { cli } from './run-cli.ts';
import { DEFAULT_PHONE_REGIONS } from '../../../../src-main/core/detect/index.ts';

function project() {
  const { db, path } = createProject();
  const d = addDocument(db, 'd.txt', 'Ada Lovelace wrote to Charles Babbage from London.');
  propose(db, d, 'Ada Lovelace', 'PERSON', 0.95, 'model:ner');
  propose(db, d, 'Charles Babbage', 'PERSON', 0.45, 'model:ner');
  propose(db, d, 'London', 'LOC', 0.7, 'pattern:deny-list');
  proposeLabel(db, d, 'topic', 'history', 0.9, 'model:topic');
  db.close();
  return { path, d };
}

describe('docket review', () => {
  it('accepts above a threshold for one source, as JSON, in one undoable step', async () => {
    const { path, d } = project();
    const result = await cli('review', path, '--accept-above', '0.6', '--source', 'ner', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ status: 'accepted', dryRun: false, matched: { spans: 1, labels: 0, total: 1 }, changed: 1 });
    const db = openDatabase(path);
    expect(spanRows(db, d).map((s) => s.status)).toEqual(['accepted', 'proposed', 'proposed']);
    history.undo(db);
    expect(spanRows(db, d).map((s) => s.status)).toEqual(['proposed', 'proposed', 'proposed']);
    db.close();
  });

  it('rejects below a threshold, accepts all with a label filter, and dry-runs', async () => {
    const { path, d } = project();
    const dry = await cli('review', path, '--reject-below', '0.5', '--dry-run');
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.stdout).toMatch(/Would mark 1 span and 0 document labels rejected/);
    expect((await cli('review', path, '--reject-below', '0.5')).stdout).toMatch(/Marked 1 span and 0 document labels rejected/);
    const all = await cli('review', path, '--accept-all', '--label', 'LOC', '--json');
    expect(JSON.parse(all.stdout).changed).toBe(1);
    const everything = JSON.parse((await cli('review', path, '--accept-all', '--source', 'patterns', '--json')).stdout);
    expect(everything.changed).toBe(0); // London already accepted
    const db = openDatabase(path);
    expect(spanRows(db, d).map((s) => [s.label, s.status])).toEqual([
      ['PERSON', 'proposed'],
      ['PERSON', 'rejected'],
      ['LOC', 'accepted'],
    ]);
    db.close();
  });

  it('exits 1 with a clear message on bad usage or a missing project', async () => {
    const { path } = project();
    const none = await cli('review', path);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/exactly one of --accept-all/);
    const two = await cli('review', path, '--accept-all', '--reject-below', '0.3');
    expect(two.code).toBe(1);
    const range = await cli('review', path, '--accept-above', '2');
    expect(range.stderr).toMatch(/between 0 and 1/);
    const missing = await cli('review', join(path, '..', 'nope.docket'), '--accept-all');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/does not exist/);
  });
});

describe('docket patterns', () => {
  it('adds, lists and removes rules; refuses a bad regex naming it', async () => {
    const { path } = project();
    const added = await cli('patterns', path, 'add-regex', 'CASE_NO', 'Case No\\. (?<value>\\d+)', '--flags', 'i', '--json');
    expect(added.code).toBe(0);
    const rule = JSON.parse(added.stdout);
    expect(rule).toMatchObject({ kind: 'regex', label: 'CASE_NO', flags: 'i', enabled: true });
    expect((await cli('patterns', path, 'deny', 'Project Falcon', '--label', 'CODE')).code).toBe(0);
    expect((await cli('patterns', path, 'allow', 'help@example.com')).code).toBe(0);
    expect((await cli('patterns', path, 'regions', 'gb')).code).toBe(0);
    const listed = JSON.parse((await cli('patterns', path, 'list', '--json')).stdout);
    expect(listed.phoneRegions).toEqual(['GB']);
    expect(listed.rules.map((r: { kind: string; pattern: string }) => [r.kind, r.pattern])).toEqual([
      ['allow', 'help@example.com'],
      ['deny', 'Project Falcon'],
      ['regex', 'Case No\\. (?<value>\\d+)'],
    ]);
    const bad = await cli('patterns', path, 'add-regex', 'BROKEN', '(a+)+b');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Pattern rule "BROKEN".*exponential/);
    expect((await cli('patterns', path, 'remove', String(rule.id))).code).toBe(0);
    expect((await cli('patterns', path, 'remove', String(rule.id))).code).toBe(1);
    expect((await cli('patterns', path, 'explode')).stderr).toMatch(/Unknown action "explode"/);
  });

  it('prints the phone regions, sets them most likely first, and refuses an unknown code naming it', async () => {
    const { path } = project();
    const shown = await cli('patterns', path, 'regions', '--json');
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual({ phoneRegions: [...DEFAULT_PHONE_REGIONS] });
    const set = await cli('patterns', path, 'regions', 'US', 'gb', 'FR', 'GB');
    expect(set).toMatchObject({ code: 0, stdout: 'Phone regions: US GB FR\n' });
    expect((await cli('patterns', path, 'regions')).stdout).toBe('Phone regions: US GB FR\n');
    expect((await cli('patterns', path, 'list')).stdout).toMatch(/^Phone regions: US GB FR\n/);
    expect(JSON.parse((await cli('patterns', path, 'regions', 'ie,de', '--json')).stdout)).toEqual({ phoneRegions: ['IE', 'DE'] });
    const bad = await cli('patterns', path, 'regions', 'US', 'XX');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/"XX" is not a region libphonenumber knows; type two-letter country codes/);
    expect((await cli('patterns', path, 'regions', '--json')).stdout).toBe('{"phoneRegions":["IE","DE"]}\n');
    expect((await cli('patterns', '--help')).stdout).toMatch(/regions \[CC\.\.\.\]/);
  });
});
