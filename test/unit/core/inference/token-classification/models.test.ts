/**
 * Token classification through real ONNX sessions on the generated test models (one per tokenizer
 * family). References are computed from the raw logits the model returns, with a literal port of
 * Python's pipeline (python-reference.ts); gazetteer.json says which phrases the NER models tag.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { AutoModelForTokenClassification, AutoTokenizer, env, type PreTrainedModel, type PreTrainedTokenizer } from '@huggingface/transformers';
import {
  AGGREGATION_STRATEGIES,
  classifyTokens,
  decodeEntities,
  planWindows,
  resolveMaxLength,
  runWindows,
  type TokenWindow,
} from '../../../../../src-main/core/inference/token-classification/index.ts';
import { ensureTestModels, modelsRoot } from '../../../../fixtures/models/index.ts';
import { pythonPostprocess, type RefToken } from './python-reference.ts';

const NER_FAMILIES = ['ner-wordpiece-cased', 'ner-wordpiece-uncased', 'ner-bpe', 'ner-unigram'] as const;
const ALL = [...NER_FAMILIES, 'pos-wordpiece'] as const;
type Family = (typeof ALL)[number];

interface Loaded {
  tokenizer: PreTrainedTokenizer;
  model: PreTrainedModel;
  id2label: Record<number, string>;
  gazetteer: Array<[string, string]>;
  fillers: string[];
  disagreeing?: { word: string; expected: Record<'first' | 'average' | 'max', string> };
}

const loaded = new Map<Family, Loaded>();

/** Characters and words no model tags: emoji (one outside the BMP), unknown CJK, combining accents. */
const DECOR = ['😀', 'naïve', 'e\u0301te\u0301', '𝔘', '👍🏽', '中文', 'café'];
const SEPARATORS = [' ', ', ', '. ', ' (', ') ', ' - ', '\n', '; '];
/**
 * SentencePiece tokens carry their leading '▁': a word glued to '(' or after a newline (NFKC keeps
 * it) is a different token from the one the Unigram model's table tags, so its separators end in a space.
 */
const SPACED_SEPARATORS = [' ', ', ', '. ', ' ( ', ' ) ', ' - ', '\n ', '; '];
const separatorsFor = (name: string): string[] => (name === 'ner-unigram' ? SPACED_SEPARATORS : SEPARATORS);

/**
 * Whether the model folder is on disk when the tests are collected (the global setup generates
 * them all; a generator that failed or a folder removed since leaves one out). A missing folder
 * skips that family's tests, says so, and fails the "has been generated" test below.
 */
const available = (name: string): boolean => existsSync(join(modelsRoot, name, 'config.json')) && existsSync(join(modelsRoot, name, 'onnx', 'model.onnx'));
for (const name of ALL.filter((n) => !available(n)))
  console.warn(`Skipping the ${name} token-classification tests: ${join(modelsRoot, name)} has no generated model (run \`npm run fixtures\`).`);

beforeAll(async () => {
  await ensureTestModels();
  env.allowRemoteModels = false;
  env.localModelPath = modelsRoot;
  for (const name of ALL.filter(available)) {
    const tokenizer = await AutoTokenizer.from_pretrained(name);
    const model = await AutoModelForTokenClassification.from_pretrained(name, { dtype: 'fp32' });
    const config = model.config as unknown as { id2label: Record<number, string> };
    const dir = join(modelsRoot, name);
    const gazetteer = name.startsWith('ner-') ? Object.entries(JSON.parse(readFileSync(join(dir, 'gazetteer.json'), 'utf8')) as Record<string, string>) : [];
    const expectations = JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8')) as {
      commonWords?: string[];
      disagreeingWord?: Loaded['disagreeing'];
    };
    // Common words are guaranteed (at generation) to share no token with a gazetteer entry: always O.
    const fillers = expectations.commonWords ?? ['the', 'a', 'of', 'and', 'with', 'report'];
    loaded.set(name, { tokenizer, model, id2label: config.id2label, gazetteer, fillers, disagreeing: expectations.disagreeingWord });
  }
}, 300_000);

function get(name: Family): Loaded {
  const l = loaded.get(name);
  if (!l) throw new Error(`model ${name} not loaded`);
  return l;
}

/** A document made of gazetteer phrases between filler words, decorations and punctuation; returns where each phrase sits. */
function buildDocument(parts: Array<{ phrase: [string, string]; before: string[]; sep: string }>): {
  text: string;
  placed: Array<{ start: number; end: number; label: string }>;
} {
  let text = '';
  const placed: Array<{ start: number; end: number; label: string }> = [];
  for (const { phrase, before, sep } of parts) {
    if (before.length) text += before.join(' ') + ' ';
    placed.push({ start: text.length, end: text.length + phrase[0].length, label: phrase[1] });
    text += phrase[0] + sep;
  }
  return { text, placed };
}

function docArbitrary(l: Loaded, maxParts: number, separators: string[]) {
  return fc.array(
    fc.record({
      phrase: fc.constantFrom(...l.gazetteer),
      before: fc.array(fc.constantFrom(...l.fillers, ...DECOR), { maxLength: 4 }),
      sep: fc.constantFrom(...separators),
    }),
    { minLength: 1, maxLength: maxParts },
  );
}

/** The reference: Python's postprocess over the document's tokens, each read from its window's core. */
function pythonReference(windows: TokenWindow[], logits: Float32Array[], id2label: Record<number, string>, strategy: (typeof AGGREGATION_STRATEGIES)[number]) {
  const numLabels = Object.keys(id2label).length;
  const tokens: RefToken[] = [];
  let prevWord: number | null = null;
  windows.forEach((w, k) => {
    for (let t = w.coreStart; t < w.coreEnd; t++) {
      const off = w.offsets[t];
      if (!off) continue;
      tokens.push({
        logits: Array.from(logits[k]!.subarray(t * numLabels, (t + 1) * numLabels)),
        start: off[0],
        end: off[1],
        isSubword: prevWord !== null && w.wordIds[t] === prevWord,
      });
      prevWord = w.wordIds[t] ?? null;
    }
  });
  return pythonPostprocess(tokens, id2label, strategy);
}

it('every token-classification test model family has been generated', () => {
  expect(ALL.filter((name) => !available(name))).toEqual([]);
});

for (const name of NER_FAMILIES) {
  describe.skipIf(!available(name))(name, () => {
    it('word-level strategies settle a word whose pieces disagree as the expectations say', async () => {
      const l = get(name);
      expect(l.disagreeing).toBeDefined();
      const { word, expected } = l.disagreeing!;
      const text = `${l.fillers[0]} ${word} ${l.fillers[1]}`;
      const start = text.indexOf(word);
      for (const strategy of ['first', 'average', 'max'] as const) {
        const entities = await classifyTokens(l.model, l.tokenizer, text, { aggregation: strategy });
        expect(entities.map((e) => [e.start, e.end, e.label])).toEqual([[start, start + word.length, expected[strategy]]]);
      }
      // simple keeps the pieces' own disagreeing tags
      expect((await classifyTokens(l.model, l.tokenizer, text, { aggregation: 'simple' })).length).toBeGreaterThan(1);
    });

    it('finds every embedded gazetteer phrase with its exact span and label', async () => {
      const l = get(name);
      expect(l.gazetteer.length).toBeGreaterThan(0);
      const picks = l.gazetteer.slice(0, 12);
      const { text, placed } = buildDocument(
        picks.map((phrase, i) => ({
          phrase,
          before: [l.fillers[i % l.fillers.length]!, DECOR[i % DECOR.length]!],
          sep: separatorsFor(name)[i % SEPARATORS.length]!,
        })),
      );
      const entities = await classifyTokens(l.model, l.tokenizer, text, { aggregation: 'simple' });
      expect(entities.map((e) => [text.slice(e.start, e.end), e.label])).toEqual(placed.map((p) => [text.slice(p.start, p.end), p.label]));
    });

    it('property: random documents — every span is a gazetteer phrase and every phrase is found (many seams)', async () => {
      const l = get(name);
      await fc.assert(
        fc.asyncProperty(
          docArbitrary(l, 14, separatorsFor(name)),
          fc.constantFrom({ maxLength: 32, stride: 8 }, { maxLength: 24, stride: 4 }, {}),
          async (parts, windowing) => {
            const { text, placed } = buildDocument(parts);
            const entities = await classifyTokens(l.model, l.tokenizer, text, { aggregation: 'simple', ...windowing });
            expect(entities.map((e) => [e.start, e.end, e.label])).toEqual(placed.map((p) => [p.start, p.end, p.label]));
            for (const e of entities) expect(l.gazetteer.some(([phrase]) => phrase === text.slice(e.start, e.end))).toBe(true);
          },
        ),
        { numRuns: 25 },
      );
    });

    it('finds entities after token 512 with the default window', async () => {
      const l = get(name);
      const maxLength = resolveMaxLength(l.tokenizer, l.model);
      const filler = `${l.fillers.slice(0, 6).join(' ')} `;
      const [phrase, label] = l.gazetteer[0]!;
      const prefix = filler.repeat(Math.ceil(700 / 6));
      const text = `${prefix}${phrase} ${filler.repeat(20)}`;
      const windows = planWindows(l.tokenizer, text, { maxLength, stride: Math.floor(maxLength / 4) });
      expect(windows.length).toBeGreaterThan(1);
      const entities = await classifyTokens(l.model, l.tokenizer, text);
      expect(entities.map((e) => [e.start, e.end, e.label])).toEqual([[prefix.length, prefix.length + phrase.length, label]]);
    });

    it('an entity on a window seam is found once, with its exact span', async () => {
      const l = get(name);
      const multiWord = l.gazetteer.find(([p]) => p.includes(' ')) ?? l.gazetteer[0]!;
      let straddled = 0;
      for (let shift = 0; shift < 24; shift++) {
        const prefix = `${l.fillers[0]} `.repeat(shift + 4);
        const text = `${prefix}${multiWord[0]} ${`${l.fillers[1]} `.repeat(30)}`;
        const windows = planWindows(l.tokenizer, text, { maxLength: 24, stride: 6 });
        // Does the phrase cross the end of a window (some of its tokens in window k but not all)?
        const inWindow = windows.map((w) => w.offsets.filter((o) => o && o[0] >= prefix.length && o[1] <= prefix.length + multiWord[0].length).length);
        const total = Math.max(...inWindow);
        if (
          inWindow.some((c) => c > 0 && c < total) ||
          windows.some((w) =>
            w.offsets.some((o, t) => o && o[0] >= prefix.length && o[1] <= prefix.length + multiWord[0].length && (t === w.coreStart || t === w.coreEnd - 1)),
          )
        )
          straddled++;
        const entities = await classifyTokens(l.model, l.tokenizer, text, { aggregation: 'simple', maxLength: 24, stride: 6 });
        expect(entities.map((e) => [text.slice(e.start, e.end), e.label])).toEqual([[multiWord[0], multiWord[1]]]);
      }
      expect(straddled).toBeGreaterThan(0);
    });

    it('ignoreLabels and thresholds filter real model output', async () => {
      const l = get(name);
      const byLabel = new Map<string, [string, string]>();
      for (const g of l.gazetteer) if (!byLabel.has(g[1])) byLabel.set(g[1], g);
      const picks = [...byLabel.values()];
      const { text } = buildDocument(picks.map((phrase) => ({ phrase, before: [l.fillers[0]!], sep: '. ' })));
      const all = await classifyTokens(l.model, l.tokenizer, text, { aggregation: 'simple' });
      const labels = [...new Set(all.map((e) => e.label))];
      expect(labels.length).toBeGreaterThan(1);
      const [dropped, ...kept] = labels;
      const ignored = await classifyTokens(l.model, l.tokenizer, text, { aggregation: 'simple', ignoreLabels: ['O', dropped!] });
      expect(new Set(ignored.map((e) => e.label))).toEqual(new Set(kept));
      const thresholded = await classifyTokens(l.model, l.tokenizer, text, { aggregation: 'simple', thresholds: { [dropped!]: 1.01 } });
      expect(thresholded).toEqual(ignored);
      const lowest = Math.min(...all.map((e) => e.score));
      const highest = Math.max(...all.map((e) => e.score));
      const cut = await classifyTokens(l.model, l.tokenizer, text, { aggregation: 'simple', threshold: (lowest + highest) / 2 });
      expect(cut).toEqual(all.filter((e) => e.score >= (lowest + highest) / 2));
    });
  });
}

describe('aggregation strategies against Python semantics on real logits', () => {
  for (const name of ALL) {
    for (const strategy of AGGREGATION_STRATEGIES) {
      it.skipIf(!available(name))(`${name} · ${strategy}`, async () => {
        const l = get(name);
        const source: Array<[string, string]> = [
          ...l.gazetteer,
          ...(l.disagreeing ? [[l.disagreeing.word, '?'] as [string, string]] : []),
          ...l.fillers.slice(0, 12).map((w): [string, string] => [w, '?']),
        ];
        const { text } = buildDocument(
          source.map((phrase, i) => ({
            phrase,
            before: [l.fillers[(3 * i) % l.fillers.length]!, DECOR[i % DECOR.length]!],
            sep: SEPARATORS[i % SEPARATORS.length]!,
          })),
        );
        for (const windowing of [
          { maxLength: 512, stride: 128 },
          { maxLength: 20, stride: 6 },
        ]) {
          const windows = planWindows(l.tokenizer, text, windowing);
          const logits = await runWindows(l.model, windows);
          const actual = decodeEntities(text, windows, logits, l.id2label, { aggregation: strategy });
          const expected = pythonReference(windows, logits, l.id2label, strategy);
          expect(actual.map((e) => [e.start, e.end, e.label])).toEqual(expected.map((e) => [e.start, e.end, e.label]));
          actual.forEach((e, i) => expect(e.score).toBeCloseTo(expected[i]!.score, 5));
        }
      });
    }
  }
});

describe('runWindows', () => {
  it('pads a batch of windows of different lengths and returns each one unpadded, equal to running it alone', async () => {
    const l = get('ner-wordpiece-cased');
    const short = planWindows(l.tokenizer, l.gazetteer[0]![0], { maxLength: 512, stride: 0 });
    const long = planWindows(l.tokenizer, l.gazetteer.map(([p]) => p).join(' , '), { maxLength: 64, stride: 8 });
    const batch = [...short, ...long];
    const together = await runWindows(l.model, batch);
    const alone = await Promise.all(batch.map(async (w) => (await runWindows(l.model, [w]))[0]!));
    const numLabels = Object.keys(l.id2label).length;
    together.forEach((logits, i) => {
      expect(logits.length).toBe(batch[i]!.inputIds.length * numLabels);
      logits.forEach((x, k) => expect(x).toBeCloseTo(alone[i]![k]!, 4));
    });
  });
});
