// Docket reads two private fields of transformers.js tokenizers (for exact character offsets) and
// wraps each model's ONNX sessions (to time them). Neither is public API, so the dependency is
// pinned to one version, and this test names what changed if an upgrade moves them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AutoModelForTokenClassification, AutoTokenizer, env } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { timeSessions } from '../../../../src-main/core/inference/loaded-models.ts';
import { tokenizerView } from '../../../../src-main/core/inference/token-classification/encode.ts';
import { ensureTestModels, modelsRoot } from '../../../fixtures/models/index.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const pinned = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies[
  '@huggingface/transformers'
]!;
const installed = (JSON.parse(readFileSync(join(root, 'node_modules/@huggingface/transformers/package.json'), 'utf8')) as { version: string }).version;

beforeAll(async () => {
  await ensureTestModels();
  env.allowRemoteModels = false;
  env.localModelPath = modelsRoot + '/';
});

describe('the transformers.js internals Docket relies on', () => {
  it('is pinned to one exact version, and that version is installed', () => {
    expect(pinned, 'package.json must pin @huggingface/transformers exactly (no ^ or ~): its private fields change without notice').toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed).toBe(pinned);
  });

  it('tokenizers still expose _tokenizer (encode_text, model.encode, added tokens) and _tokenizerJSON', async () => {
    for (const name of ['ner-wordpiece-cased', 'ner-bpe', 'ner-unigram']) {
      const tokenizer = await AutoTokenizer.from_pretrained(name);
      const holder = tokenizer as unknown as { _tokenizer?: Record<string, unknown>; _tokenizerJSON?: unknown };
      expect(
        typeof holder._tokenizer?.['encode_text'],
        `${name}: _tokenizer.encode_text is gone; update token-classification/encode.ts for transformers.js ${installed}`,
      ).toBe('function');
      expect(holder._tokenizer?.['added_tokens_map'], `${name}: _tokenizer.added_tokens_map is no longer a Map`).toBeInstanceOf(Map);
      expect(typeof holder._tokenizerJSON, `${name}: _tokenizerJSON is gone`).toBe('object');
      // The view Docket builds on them: a word round-trips to exact offsets.
      expect(() => tokenizerView(tokenizer)).not.toThrow();
    }
  });

  it('models still keep their ONNX sessions in .sessions, each with run()', async () => {
    const model = await AutoModelForTokenClassification.from_pretrained('ner-wordpiece-cased', { dtype: 'fp32', device: 'cpu' });
    const sessions = Object.values(model.sessions as Record<string, { run?: unknown }>);
    expect(sessions.length, 'model.sessions is empty or gone: loaded-models.ts timeSessions() would time nothing').toBeGreaterThan(0);
    for (const s of sessions) expect(typeof s.run).toBe('function');
    const elapsed = timeSessions(model);
    const tokenizer = await AutoTokenizer.from_pretrained('ner-wordpiece-cased');
    await model(tokenizer('John Smith works in Paris.'));
    expect(elapsed(), 'a forward pass did not go through the wrapped session.run').toBeGreaterThan(0);
    await model.dispose();
  });
});
