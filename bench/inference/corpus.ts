// The inference benchmark's corpus: ~1,000 documents of 50–3,000 words, lengths log-uniform (as
// many short notes as long reports per doubling), words drawn from the bench vocabulary. Each
// length and word comes from one seeded stream, so the first N documents are a fair sample of
// the full 1,000 and every process that asks for N gets the same documents.
import { benchVocabularyWords } from '../models/bench-vocabulary.ts';

export const FULL_CORPUS = 1000;
const [MIN_WORDS, MAX_WORDS] = [50, 3000];

export function benchCorpus(count: number): string[] {
  const words = benchVocabularyWords();
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  return Array.from({ length: count }, () => {
    const n = Math.round(MIN_WORDS * (MAX_WORDS / MIN_WORDS) ** rand());
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(words[Math.floor(rand() * words.length)]! + (i % 14 === 13 ? '.' : ''));
    return out.join(' ');
  });
}
