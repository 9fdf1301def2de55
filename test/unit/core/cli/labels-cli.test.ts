// `docket labels <project> map MODEL [TAG=LABEL…]` through the real CLI entry, on a real project
// file, with a generated NER model folder and the generated PoS tagger.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LabelMapping } from '../../../../src-main/core/api/contract.ts';
import { docket } from './in-process-cli.ts';
import { openDatabase } from '../../../../src-main/core/store/database.ts';
import * as labelMappings from '../../../../src-main/core/store/queries/label-mappings.ts';
import { ensureTestModels, modelDir } from '../../../fixtures/models/index.ts';

const root = mkdtempSync(join(tmpdir(), 'docket-cli-labels-'));
const project = join(root, 'p.docket');
const ner = modelDir('ner-wordpiece-cased');
const stored = () => {
  const db = openDatabase(project, { readonly: true });
  try {
    return labelMappings.forModel(db, ner);
  } finally {
    db.close();
  }
};
const mapping = async (...args: string[]) => LabelMapping.parse(JSON.parse((await docket('labels', project, 'map', ner, ...args, '--json')).out));
const where = (m: LabelMapping) => Object.fromEntries(m.tags.map((t) => [t.tag, `${t.label} (${t.source})`]));

beforeAll(async () => {
  await ensureTestModels();
  process.env.DOCKET_USER_DATA = join(root, 'user');
  expect((await docket('init', project)).code).toBe(0);
});

describe('docket labels', () => {
  it('is listed in docket --help', async () => {
    expect((await docket('--help')).out).toMatch(/\n {2}labels {2,}Show the project's labels; map a model's tags onto them/);
  });

  it('shows where each tag of a model goes: folded, common names onto the project labels', async () => {
    const shown = await mapping();
    expect(shown.kind).toBe('entities');
    expect(shown.model).toBe(ner);
    expect(where(shown)).toEqual({
      MISC: 'MISC (unchanged)',
      PER: 'PERSON (common)',
      ORG: 'ORG (unchanged)',
      LOC: 'LOC (unchanged)',
      DATE: 'DATE (unchanged)',
      MONEY: 'MONEY (unchanged)',
    });
    const text = await docket('labels', project, 'map', ner);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/PER\s+→\s+PERSON\s+\(common tag name\)/);
  });

  it('sets tags (with or without B-/I-), keeps the rest, and drops a choice with TAG=', async () => {
    expect(where(await mapping('PER=MISC', 'B-MISC=ORG'))).toMatchObject({ PER: 'MISC (analyst)', MISC: 'ORG (analyst)', LOC: 'LOC (unchanged)' });
    expect(stored()).toEqual({ MISC: 'ORG', PER: 'MISC' });
    const text = await docket('labels', project, 'map', ner, 'LOC=ORG');
    expect(text.out).toMatch(/PER\s+→\s+MISC\s+\(set by you; otherwise PERSON\)/);
    expect(stored()).toEqual({ LOC: 'ORG', MISC: 'ORG', PER: 'MISC' });
    expect(where(await mapping('PER='))).toMatchObject({ PER: 'PERSON (common)', MISC: 'ORG (analyst)' });
    expect(stored()).toEqual({ LOC: 'ORG', MISC: 'ORG' });
    const listed = JSON.parse((await docket('labels', project, 'list', '--json')).out) as { mappings: unknown };
    expect(listed.mappings).toEqual([{ model: ner, mapping: { LOC: 'ORG', MISC: 'ORG' } }]);
    expect(where(await mapping('--reset'))).toMatchObject({ MISC: 'MISC (unchanged)', LOC: 'LOC (unchanged)' });
    expect(stored()).toEqual({});
  });

  it('refuses a label the project lacks, a tag the model lacks and a malformed pair, changing nothing', async () => {
    await mapping('PER=PERSON');
    const noLabel = await docket('labels', project, 'map', ner, 'PER=CLIENT');
    expect(noLabel.code).toBe(1);
    expect(noLabel.err).toContain('"CLIENT" is not a label of this project');
    const noTag = await docket('labels', project, 'map', ner, 'GPE=LOC');
    expect(noTag.code).toBe(1);
    expect(noTag.err).toMatch(/has no tag "GPE"; its tags are MISC, PER, ORG, LOC, DATE, MONEY/);
    const malformed = await docket('labels', project, 'map', ner, 'PER');
    expect(malformed.code).toBe(1);
    expect(malformed.err).toContain('"PER" is not TAG=LABEL');
    expect(stored()).toEqual({ PER: 'PERSON' });
  });

  it('keeps part-of-speech tags as they are', async () => {
    const pos = await docket('labels', project, 'map', modelDir('pos-wordpiece'), '--json');
    expect(LabelMapping.parse(JSON.parse(pos.out))).toMatchObject({
      kind: 'pos',
      tags: expect.arrayContaining([{ tag: 'NOUN', label: 'NOUN', source: 'unchanged', automatic: 'NOUN' }]),
    });
    const refused = await docket('labels', project, 'map', modelDir('pos-wordpiece'), 'NOUN=PERSON');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('tags parts of speech');
  });
});
