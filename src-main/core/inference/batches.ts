// How sequences are grouped for session.run, for every task. Measured on 2 CPU cores (npm run
// bench -- inference): full 512-token windows gain nothing from batching (NER, one corpus:
// batch 1 6.7 s, batch 8 8.2 s), while short ones do, since per-run overhead dominates them. So
// batches fill up to a budget of padded tokens: one long sequence alone, dozens of short ones.
export const BATCH_TOKEN_BUDGET = 1024;

/** Consecutive items (sorted longest first) grouped so that count × longest stays in budget. */
export function batchesByTokens<T>(sorted: readonly T[], lengthOf: (item: T) => number, maxCount: number, budget = BATCH_TOKEN_BUDGET): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  for (const item of sorted) {
    const longest = current.length ? lengthOf(current[0]!) : lengthOf(item);
    if (current.length > 0 && (current.length >= maxCount || (current.length + 1) * longest > budget)) {
      out.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length) out.push(current);
  return out;
}
