// `npm run bench -- builtin`: the built-in detectors that need no model download.
//  1. builtin/names beside compromise alone (doc.people() / places() / organizations()) on the same
//     generated evaluation texts (test/fixtures/builtin/names-corpus.ts, two seeds), scored by
//     names-scoring.ts exactly as test/unit/core/inference/builtin/names.test.ts scores it:
//     precision / recall / F1 per label, decoy documents flagged, and how many of the corpus's person
//     names the detector's own lists hold in full (the lexicon overlap).
//  2. Throughput of both, single thread, on the corpus documents back to back, and the ratio.
//  3. builtin/pos accuracy on the hand-tagged sentences (test/fixtures/builtin/pos-gold.ts).
import { createRequire } from 'node:module';
import type nlpType from 'compromise';
import { BUILTIN_DETECTORS } from '../src-main/core/inference/builtin/index.ts';
import { nameFlags } from '../src-main/core/inference/builtin/lexicon.ts';
import { fold } from '../src-main/core/inference/builtin/words.ts';
import { DEFAULT_SEED, NER_LABELS, SECOND_SEED, namesCorpus, type NamesDocument } from '../test/fixtures/builtin/names-corpus.ts';
import { lexiconOverlap, score, type Prediction, type Score } from '../test/fixtures/builtin/names-scoring.ts';
import { POS_GOLD, posAccuracy } from '../test/fixtures/builtin/pos-gold.ts';

const KB = 1024;
const pct = (x: number) => (x * 100).toFixed(1);

interface Contender {
  name: string;
  about: string;
  predict(text: string): Prediction[];
}

const names = BUILTIN_DETECTORS['builtin/names'];
const builtin: Contender = {
  name: 'builtin/names',
  about: "BUILTIN_DETECTORS['builtin/names'].detect(text), all chunks' spans",
  predict: (text) => [...names.detect(text)].flatMap((c) => c.spans),
};

// compromise alone: its three entity views, each match's span from its first to its last term
// (the match text also carries trailing punctuation, which is left out), a possessive "'s" dropped.
function compromiseAlone(): Contender {
  const nlp = createRequire(import.meta.url)('compromise') as typeof nlpType;
  type Match = { terms: Array<{ text: string; offset: { start: number; length: number } }> };
  const spans = (matches: Match[], label: string, text: string): Prediction[] =>
    matches.flatMap((m) => {
      const first = m.terms[0];
      const last = m.terms.at(-1);
      if (!first || !last) return [];
      let end = last.offset.start + last.offset.length;
      if (/['’]s$/i.test(text.slice(first.offset.start, end))) end -= 2;
      return [{ start: first.offset.start, end, label }];
    });
  return {
    name: 'compromise alone',
    about: 'nlp(text).people() → PERSON, .places() → LOC, .organizations() → ORG, .json({ offset: true }) term offsets',
    predict(text) {
      const doc = nlp(text);
      return [
        ...spans(doc.people().json({ offset: true }) as Match[], 'PERSON', text),
        ...spans(doc.places().json({ offset: true }) as Match[], 'LOC', text),
        ...spans(doc.organizations().json({ offset: true }) as Match[], 'ORG', text),
      ];
    },
  };
}

function table(contenders: readonly Contender[], scores: readonly Score[]): string[] {
  const cell = 26;
  const lines = [`  ${'label'.padEnd(8)}${contenders.map((c) => `| ${c.name.padEnd(cell - 2)}`).join('')}`];
  lines.push(`  ${''.padEnd(8)}${contenders.map(() => `| ${'P / R / F1 (%)'.padEnd(cell - 2)}`).join('')}`);
  for (const label of NER_LABELS) {
    const row = scores.map((s) => {
      const l = s.labels[label];
      return `| ${`${pct(l.precision)} / ${pct(l.recall)} / ${pct(l.f1)}`.padEnd(cell - 2)}`;
    });
    lines.push(`  ${label.padEnd(8)}${row.join('')}`);
  }
  lines.push(`  ${'decoys'.padEnd(8)}${scores.map((s) => `| ${`${s.decoyDocumentsFlagged} of ${s.decoyDocuments} flagged`.padEnd(cell - 2)}`).join('')}`);
  return lines;
}

function throughput(contender: Contender, docs: readonly NamesDocument[]): number {
  for (const d of docs.slice(0, 40)) contender.predict(d.text); // warm-up: load compromise, build lists, JIT
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  const t0 = performance.now();
  for (let round = 0; round < 3; round++) for (const d of docs) contender.predict(d.text);
  return (3 * chars) / KB / ((performance.now() - t0) / 1000);
}

export async function benchBuiltin(): Promise<void> {
  const contenders = [builtin, compromiseAlone()];
  const known = (word: string) => nameFlags(fold(word)) !== 0;
  let docs: NamesDocument[] = [];
  for (const seed of [DEFAULT_SEED, SECOND_SEED]) {
    docs = namesCorpus({ seed });
    const gold = NER_LABELS.map((l) => `${l} ${docs.reduce((n, d) => n + d.entities.filter((e) => e.label === l).length, 0)}`).join(', ');
    console.log(`builtin: names corpus, seed ${seed}, ${docs.length} documents (${gold}): precision / recall / F1 per label`);
    const scores = contenders.map((c) => score(docs, (text) => c.predict(text)));
    for (const line of table(contenders, scores)) console.log(line);
    const overlap = lexiconOverlap(docs, known);
    console.log(`  lexicon overlap: ${pct(overlap.share)}% of ${overlap.names} distinct gold person names have every word in builtin/names' own name lists`);
    const outside = docs.map((d) => ({
      ...d,
      entities: d.entities.filter(
        (e) =>
          e.label === 'PERSON' &&
          !e.value
            .split(/\s+/)
            .filter((w) => /^\p{Lu}/u.test(w))
            .every(known),
      ),
    }));
    const outsideRecall = score(outside, (text) => builtin.predict(text)).labels.PERSON;
    console.log(
      `  builtin/names PERSON recall on the ${outsideRecall.tp + outsideRecall.fn} gold person mentions not wholly in those lists: ${pct(outsideRecall.recall)}%`,
    );
    console.log('');
  }
  for (const c of contenders) console.log(`  ${c.name}: ${c.about}`);
  console.log('  A prediction matches a gold span of its label when it covers it and anything more is a title, spaces or punctuation.');

  console.log('');
  console.log(
    `builtin: throughput, single thread, the ${docs.length} corpus documents (seed ${SECOND_SEED}) one detect() call each, 3 rounds (KB = 1,024 characters)`,
  );
  const speeds = contenders.map((c) => throughput(c, docs));
  contenders.forEach((c, i) => console.log(`  ${c.name.padEnd(18)}${speeds[i]!.toFixed(0).padStart(6)} KB/s`));
  console.log(`  builtin/names ÷ compromise alone: ×${(speeds[0]! / speeds[1]!).toFixed(2)}`);
  const posDetector = BUILTIN_DETECTORS['builtin/pos'];
  const posSpeed = throughput({ name: 'builtin/pos', about: '', predict: (text) => [...posDetector.detect(text)].flatMap((c) => c.spans) }, docs);
  console.log(`  ${'builtin/pos'.padEnd(18)}${posSpeed.toFixed(0).padStart(6)} KB/s (compromise's tagger on every word)`);

  console.log('');
  const pos = posAccuracy(BUILTIN_DETECTORS['builtin/pos']);
  console.log(`builtin: builtin/pos on ${POS_GOLD.length} hand-tagged sentences (${pos.tokens} words, universal tags, PUNCT not scored)`);
  console.log(`  accuracy ${pct(pos.accuracy)}% (${pos.correct} of ${pos.tokens}); words with no span of their own: ${pos.unaligned}`);
  const confusions = Object.entries(pos.confusions)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8);
  console.log(`  most frequent errors (gold→predicted): ${confusions.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
}

if (import.meta.main) await benchBuiltin();
