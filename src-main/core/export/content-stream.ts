// A PDF content stream as a list of operations, and back. Operands keep their exact source
// text, so a stream that is only filtered (operations dropped or replaced) is written back
// byte for byte otherwise: the sanitiser removes what must go without re-encoding anything.
// Content streams are latin1 text here (one char per byte), as pdf-lib's decoders give them.

export type Operand = { kind: 'number' | 'keyword' | 'string' | 'hex' | 'array' | 'dict'; raw: string } | { kind: 'name'; raw: string; name: string };

export interface Operation {
  operator: string;
  operands: Operand[];
  /** Inline images (BI … ID … EI) are kept whole, binary data included. */
  raw?: string;
}

export class ContentSyntaxError extends Error {}

const WHITESPACE = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);
const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const OPERAND_KEYWORDS = new Set(['true', 'false', 'null']);
/** Nesting deeper than this is not a real page: refuse it (the page is rendered instead). */
const MAX_DEPTH = 256;

export function parseContent(source: string): Operation[] {
  const ops: Operation[] = [];
  let operands: Operand[] = [];
  let i = 0;
  const n = source.length;
  const skipSpace = () => {
    for (;;) {
      while (i < n && WHITESPACE.has(source[i]!)) i++;
      if (source[i] !== '%') return;
      while (i < n && source[i] !== '\n' && source[i] !== '\r') i++;
    }
  };
  const regular = () => {
    const start = i;
    while (i < n && !WHITESPACE.has(source[i]!) && !DELIMITERS.has(source[i]!)) i++;
    return source.slice(start, i);
  };
  const literalEnd = (from: number) => {
    let depth = 0;
    for (let j = from; j < n; j++) {
      const ch = source[j];
      if (ch === '\\') j++;
      else if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) return j + 1;
    }
    throw new ContentSyntaxError('unterminated string');
  };
  const operand = (depth: number): Operand => {
    if (depth > MAX_DEPTH) throw new ContentSyntaxError('nesting too deep');
    const start = i;
    const ch = source[i]!;
    if (ch === '(') {
      i = literalEnd(i);
      return { kind: 'string', raw: source.slice(start, i) };
    }
    if (ch === '<' && source[i + 1] === '<') {
      i += 2;
      for (skipSpace(); source.slice(i, i + 2) !== '>>'; skipSpace()) {
        if (i >= n) throw new ContentSyntaxError('unterminated dictionary');
        operand(depth + 1);
      }
      i += 2;
      return { kind: 'dict', raw: source.slice(start, i) };
    }
    if (ch === '<') {
      const close = source.indexOf('>', i);
      if (close < 0) throw new ContentSyntaxError('unterminated hex string');
      i = close + 1;
      return { kind: 'hex', raw: source.slice(start, i) };
    }
    if (ch === '[') {
      i++;
      for (skipSpace(); source[i] !== ']'; skipSpace()) {
        if (i >= n) throw new ContentSyntaxError('unterminated array');
        operand(depth + 1);
      }
      i++;
      return { kind: 'array', raw: source.slice(start, i) };
    }
    if (ch === '/') {
      i++;
      const name = regular();
      return { kind: 'name', raw: source.slice(start, i), name: decodeName(name) };
    }
    const word = regular();
    if (word === '') throw new ContentSyntaxError(`unexpected ${JSON.stringify(ch)}`);
    return { kind: /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) ? 'number' : 'keyword', raw: word };
  };

  for (skipSpace(); i < n; skipSpace()) {
    const ch = source[i]!;
    if (ch === ')' || ch === '>' || ch === ']' || ch === '}') throw new ContentSyntaxError(`unexpected ${ch}`);
    if (ch === '{') throw new ContentSyntaxError('PostScript procedures are not content');
    const token = operand(0);
    if (token.kind !== 'keyword' || OPERAND_KEYWORDS.has(token.raw)) {
      operands.push(token);
      continue;
    }
    if (token.raw === 'BI') {
      // The image dictionary is ordinary syntax up to the keyword ID; binary data follows.
      const start = i - 2;
      for (skipSpace(); ; skipSpace()) {
        if (i >= n) throw new ContentSyntaxError('inline image without ID');
        const entry = operand(1);
        if (entry.kind === 'keyword' && entry.raw === 'ID') break;
      }
      i = inlineImageEnd(source, i + 1);
      ops.push({ operator: 'BI', operands: [], raw: source.slice(start, i) });
      operands = [];
      continue;
    }
    ops.push({ operator: token.raw, operands });
    operands = [];
  }
  return ops;
}

/** Just past the `EI` that ends an inline image whose data starts at `from`: `EI` between whitespace. */
function inlineImageEnd(source: string, from: number): number {
  for (let at = source.indexOf('EI', from); at >= 0; at = source.indexOf('EI', at + 2)) {
    const before = source[at - 1]!;
    const after = source[at + 2];
    if (WHITESPACE.has(before) && (after === undefined || WHITESPACE.has(after))) return at + 2;
  }
  throw new ContentSyntaxError('inline image without EI');
}

/** `/A#20B` → "A B" (names may escape any byte as #xx). */
function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function serialiseContent(ops: readonly Operation[]): string {
  let out = '';
  for (const op of ops) {
    if (op.raw !== undefined) out += op.raw + '\n';
    else out += (op.operands.length > 0 ? op.operands.map((o) => o.raw).join(' ') + ' ' : '') + op.operator + '\n';
  }
  return out;
}

/** Operators that show text (their string operands are glyphs on the page). */
export const TEXT_SHOWING = new Set(['Tj', 'TJ', "'", '"']);
