import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelFolder, parseHubRef, validateHubId, validateRevision } from '../../../../src-main/core/inference/models/hub-id.ts';
import { pullModel } from '../../../../src-main/core/inference/models/pull.ts';

describe('hub model ids', () => {
  it('accepts what the hub accepts and refuses dot segments, paths and oddities', () => {
    for (const id of ['Xenova/bert-base-NER', 'onnx-community/Qwen2.5-0.5B', 'a/b', 'dslim/bert_base.v2']) expect(validateHubId(id)).toBe(id);
    for (const id of [
      'Xenova/.',
      './.',
      'Xenova/..',
      '../x',
      'Xenova',
      'a/b/c',
      '/etc/passwd',
      'Xenova/-x',
      'Xenova/x.',
      'Xenova/a--b',
      'Xenova/a..b',
      '',
      'Xenova/' + 'x'.repeat(97),
      'Xen ova/x',
    ]) {
      expect(() => validateHubId(id), id).toThrow(/is not a hub model id/);
    }
  });

  it('maps an id to a folder exactly two levels inside the cache', () => {
    expect(modelFolder('/cache', 'Xenova/bert-base-NER')).toBe('/cache/Xenova/bert-base-NER');
  });

  it("a pull of 'Xenova/.' or './.' is refused before anything is touched: other models stay", async () => {
    const cache = mkdtempSync(join(tmpdir(), 'docket-cache-'));
    const sibling = join(cache, 'Xenova', 'bert-base-NER');
    mkdirSync(sibling, { recursive: true });
    writeFileSync(join(sibling, 'config.json'), '{}');
    const paths = { modelCache: cache } as Parameters<typeof pullModel>[0];
    const job = { signal: new AbortController().signal, report: () => {} };
    for (const id of ['Xenova/.', './.', 'Xenova/..']) await expect(pullModel(paths, id, job, 'http://127.0.0.1:9')).rejects.toThrow(/is not a hub model id/);
    expect(existsSync(join(sibling, 'config.json'))).toBe(true);
  });

  it('reads owner/name@revision: a branch, a tag or a 40-hex commit', () => {
    expect(parseHubRef('Xenova/bert-base-NER')).toEqual({ id: 'Xenova/bert-base-NER', revision: null });
    expect(parseHubRef('Xenova/bert-base-NER@main')).toEqual({ id: 'Xenova/bert-base-NER', revision: 'main' });
    expect(parseHubRef('a/b@v1.0')).toEqual({ id: 'a/b', revision: 'v1.0' });
    expect(parseHubRef('a/b@refs/pr/1')).toEqual({ id: 'a/b', revision: 'refs/pr/1' });
    const commit = '0123456789abcdef0123456789abcdef01234567';
    expect(parseHubRef(`a/b@${commit}`)).toEqual({ id: 'a/b', revision: commit });
    for (const rev of [
      '',
      '..',
      'a..b',
      '/main',
      'main/',
      'a//b',
      '.hidden',
      'x.lock',
      'a b',
      'main@{1}',
      '-x',
      'a/.b',
      'x'.repeat(256),
      'ma\\in',
      'ma~in',
      'ma^in',
      'ma:in',
    ]) {
      expect(() => validateRevision(rev), rev).toThrow(/is not a revision/);
    }
    expect(() => parseHubRef('a/b@')).toThrow(/is not a revision/);
    expect(() => parseHubRef('../x@main')).toThrow(/is not a hub model id/);
    expect(() => parseHubRef('a/b@c@d')).toThrow(/is not a revision/);
  });
});
