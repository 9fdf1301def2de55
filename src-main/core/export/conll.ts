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
  const reader = new ConllReader();
  for (const line of content.split('\n')) {
    const done = reader.line(line);
    if (done) docs.push(done);
  }
  const last = reader.end();
  return last ? [...docs, last] : docs;
}

/**
 * Reads CoNLL one line at a time (lines split at \n only, as `readConll` splits them), so a
 * file of any size is read one document at a time: a document is complete at the next
 * -DOCSTART- line or at the end.
 */
export class ConllReader {
  #doc: ConllDocument | null = null;

  /** Takes one line; returns the document it completed, if it started the next one. */
  line(line: string): ConllDocument | null {
    if (line.trim() === '') return null;
    const parts = line.split(/\s+/);
    if (parts[0] === '-DOCSTART-') {
      const done = this.#doc;
      this.#doc = { docId: parts[1] ?? '', tokens: [], tags: [] };
      return done;
    }
    // Tokens before any -DOCSTART- make a document of their own.
    this.#doc ??= { docId: '', tokens: [], tags: [] };
    this.#doc.tokens.push(parts[0]!);
    this.#doc.tags.push(parts[parts.length - 1]!);
    return null;
  }

  /** The last document, once the input has ended. */
  end(): ConllDocument | null {
    const done = this.#doc;
    this.#doc = null;
    return done;
  }
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

/**
 * What the read-back check compares of a document, as the exporter meant it: the tokens of its
 * text cut at the span boundaries, and each span as the token range it must come back as. Worked
 * out from text and spans, not from the written lines, so a writer that drops or bends an entity
 * (or one CoNLL cannot carry, such as a label with a space) does not match.
 */
export function conllExpected(docId: string, text: string, spans: readonly LabelledRange[]): string {
  const tokens = tokenize(text, new Set(spans.flatMap((s) => [s.start, s.end])));
  const entities = spans.map((s) => ({
    start: tokens.findIndex((t) => t.start >= s.start),
    end: tokens.findLastIndex((t) => t.end <= s.end) + 1,
    label: s.label,
  }));
  return canonical(
    docId,
    tokens.map((t) => t.text),
    entities,
  );
}

/** The same comparison string for a document as read back from the file. */
export function conllCanonical(doc: ConllDocument): string {
  return canonical(doc.docId, doc.tokens, entitiesOf(doc.tags));
}

function canonical(docId: string, tokens: readonly string[], entities: ReadonlyArray<{ start: number; end: number; label: string }>): string {
  return JSON.stringify([docId, tokens, entities.map((e) => [e.start, e.end, e.label])]);
}
