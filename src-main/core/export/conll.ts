// CoNLL with IOB2 tags: one token and its tag per line, a blank line between sentences,
// `-DOCSTART-` between documents. Tokens are cut at whitespace, around punctuation and at
// every span boundary, so that each span is exactly a run of whole tokens.

export interface Token {
  text: string;
  start: number;
  end: number;
}

export interface LabelledRange {
  start: number;
  end: number;
  label: string;
}

const TOKEN = /[\p{L}\p{N}\p{M}_]+|[^\s\p{L}\p{N}\p{M}_]/gu;

export function tokenize(text: string, boundaries: ReadonlySet<number> = new Set()): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    let start = match.index;
    const end = start + match[0].length;
    for (let i = start + 1; i < end; i++) {
      if (boundaries.has(i)) {
        tokens.push({ text: text.slice(start, i), start, end: i });
        start = i;
      }
    }
    tokens.push({ text: text.slice(start, end), start, end });
  }
  return tokens;
}

/** IOB2 tag per token: B- on the first token of a span, I- on the rest, O outside. */
export function iob2(tokens: readonly Token[], spans: readonly LabelledRange[]): string[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return tokens.map((token, i) => {
    const span = sorted.find((s) => token.start >= s.start && token.end <= s.end);
    if (!span) return 'O';
    const previous = tokens[i - 1];
    const continues = previous !== undefined && previous.start >= span.start && previous.end <= span.end;
    return `${continues ? 'I' : 'B'}-${span.label}`;
  });
}

const SENTENCE_END = new Set(['.', '!', '?']);

/** One document as CoNLL lines (after a -DOCSTART- line); sentences end at . ! ? or a blank line. */
export function conllDocument(text: string, spans: readonly LabelledRange[], docId: string): string {
  const boundaries = new Set(spans.flatMap((s) => [s.start, s.end]));
  const tokens = tokenize(text, boundaries);
  const tags = iob2(tokens, spans);
  let out = `-DOCSTART- ${docId.replace(/\s+/g, '_')} O\n\n`;
  let open = false;
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    out += `${token.text}\t${tags[i]}\n`;
    open = true;
    const paragraph = next !== undefined && /\n\s*\n/.test(text.slice(token.end, next.start));
    const insideSpan = tags[i + 1]?.startsWith('I-') ?? false;
    if (!insideSpan && (SENTENCE_END.has(token.text) || paragraph)) {
      out += '\n';
      open = false;
    }
  });
  return open ? out + '\n' : out;
}

export interface ConllDocument {
  docId: string;
  tokens: string[];
  tags: string[];
}

/** Reads CoNLL back (token, whitespace, tag per line), for round-trip checks and re-import. */
export function readConll(content: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  for (const line of content.split('\n')) {
    if (line.trim() === '') continue;
    const parts = line.split(/\s+/);
    if (parts[0] === '-DOCSTART-') {
      docs.push({ docId: parts[1] ?? '', tokens: [], tags: [] });
      continue;
    }
    const doc = docs[docs.length - 1] ?? (docs.push({ docId: '', tokens: [], tags: [] }), docs[0]!);
    doc.tokens.push(parts[0]!);
    doc.tags.push(parts[parts.length - 1]!);
  }
  return docs;
}

/** Entities as token index ranges [start, end) from IOB2 tags. */
export function entitiesOf(tags: readonly string[]): Array<{ start: number; end: number; label: string }> {
  const out: Array<{ start: number; end: number; label: string }> = [];
  tags.forEach((tag, i) => {
    if (tag.startsWith('B-') || (tag.startsWith('I-') && out[out.length - 1]?.end !== i)) out.push({ start: i, end: i + 1, label: tag.slice(2) });
    else if (tag.startsWith('I-')) out[out.length - 1]!.end = i + 1;
  });
  return out;
}
