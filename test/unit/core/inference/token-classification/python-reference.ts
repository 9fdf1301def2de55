/**
 * A literal port of Python transformers' TokenClassificationPipeline.postprocess (gather_pre_entities
 * → aggregate → aggregate_words → group_entities → ignore_labels), written the way the Python code
 * is written (lists of dicts, float64), as an independent reference for Docket's typed-array
 * implementation. `isSubword` comes from the caller (word ids), as a fast tokenizer would give it.
 * One deliberate difference, Docket's: tokens with an empty span (a lone '▁') never define an
 * entity's extent and are never reported on their own.
 */
export interface RefToken {
  logits: number[];
  start: number;
  end: number;
  isSubword: boolean;
}

export interface RefEntity {
  label: string;
  score: number;
  start: number;
  end: number;
}

type Strategy = 'none' | 'simple' | 'first' | 'average' | 'max';

interface PreEntity {
  scores: number[];
  start: number;
  end: number;
  isSubword: boolean;
}
interface Entity {
  entity: string;
  score: number;
  start: number;
  end: number;
}

export function softmax(logits: number[]): number[] {
  const max = Math.max(...logits);
  const e = logits.map((x) => Math.exp(x - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

const argmax = (xs: number[]): number => xs.reduce((best, x, i) => (x > xs[best]! ? i : best), 0);

export function pythonPostprocess(tokens: RefToken[], id2label: Record<number, string>, strategy: Strategy, ignoreLabels = ['O']): RefEntity[] {
  const pre: PreEntity[] = tokens.map((t) => ({ scores: softmax(t.logits), start: t.start, end: t.end, isSubword: t.isSubword }));
  let entities: Entity[];
  if (strategy === 'none' || strategy === 'simple') {
    entities = pre.map((p) => {
      const idx = argmax(p.scores);
      return { entity: id2label[idx]!, score: p.scores[idx]!, start: p.start, end: p.end };
    });
  } else {
    entities = aggregateWords(pre, strategy, id2label);
  }
  if (strategy === 'none') {
    return entities
      .filter((e) => !ignoreLabels.includes(e.entity) && e.end > e.start)
      .map((e) => ({ label: e.entity, score: e.score, start: e.start, end: e.end }));
  }
  return groupEntities(entities).filter((g) => !ignoreLabels.includes(g.label) && g.end > g.start);
}

function aggregateWord(group: PreEntity[], strategy: 'first' | 'average' | 'max', id2label: Record<number, string>): Entity {
  let idx: number;
  let score: number;
  if (strategy === 'first') {
    idx = argmax(group[0]!.scores);
    score = group[0]!.scores[idx]!;
  } else if (strategy === 'max') {
    let maxEntity = group[0]!;
    for (const e of group) if (Math.max(...e.scores) > Math.max(...maxEntity.scores)) maxEntity = e;
    idx = argmax(maxEntity.scores);
    score = maxEntity.scores[idx]!;
  } else {
    const avg = group[0]!.scores.map((_, k) => group.reduce((s, e) => s + e.scores[k]!, 0) / group.length);
    idx = argmax(avg);
    score = avg[idx]!;
  }
  return { entity: id2label[idx]!, score, ...extent(group) };
}

function extent(items: Array<{ start: number; end: number }>): { start: number; end: number } {
  const visible = items.filter((e) => e.end > e.start);
  if (visible.length === 0) return { start: items[0]!.start, end: items[0]!.start };
  return { start: Math.min(...visible.map((e) => e.start)), end: Math.max(...visible.map((e) => e.end)) };
}

function aggregateWords(pre: PreEntity[], strategy: 'first' | 'average' | 'max', id2label: Record<number, string>): Entity[] {
  const words: Entity[] = [];
  let group: PreEntity[] | null = null;
  for (const p of pre) {
    if (group === null) group = [p];
    else if (p.isSubword) group.push(p);
    else {
      words.push(aggregateWord(group, strategy, id2label));
      group = [p];
    }
  }
  if (group) words.push(aggregateWord(group, strategy, id2label));
  return words;
}

function getTag(name: string): [string, string] {
  if (name.startsWith('B-')) return ['B', name.slice(2)];
  if (name.startsWith('I-')) return ['I', name.slice(2)];
  return ['I', name];
}

function groupSubEntities(group: Entity[]): RefEntity {
  const label = getTag(group[0]!.entity)[1];
  const score = group.reduce((s, e) => s + e.score, 0) / group.length;
  return { label, score, ...extent(group) };
}

function groupEntities(entities: Entity[]): RefEntity[] {
  const groups: RefEntity[] = [];
  let disagg: Entity[] = [];
  for (const e of entities) {
    if (disagg.length === 0) {
      disagg.push(e);
      continue;
    }
    const [bi, tag] = getTag(e.entity);
    const [, lastTag] = getTag(disagg[disagg.length - 1]!.entity);
    if (tag === lastTag && bi !== 'B') disagg.push(e);
    else {
      groups.push(groupSubEntities(disagg));
      disagg = [e];
    }
  }
  if (disagg.length > 0) groups.push(groupSubEntities(disagg));
  return groups;
}
