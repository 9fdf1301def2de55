// The string operands of PDF syntax (content streams, object streams, dictionaries), decoded.
// Text shown with simple fonts sits in these operands, often split by kerning:
// [(Ja) -20 (ne)] TJ. Joining every operand of a stream puts such words back together.

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };

/** All literal `( )` and hex `< >` strings in a chunk of PDF syntax (latin1 text), decoded, in order. */
export function stringOperands(source: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '%') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (ch === '(') {
      const [value, next] = literal(source, i + 1);
      out.push(decodeBytes(value));
      i = next;
    } else if (ch === '<' && source[i + 1] !== '<') {
      const close = source.indexOf('>', i + 1);
      if (close < 0) break;
      out.push(decodeBytes(hex(source.slice(i + 1, close))));
      i = close + 1;
    } else if (ch === '<') {
      i += 2;
    } else {
      i++;
    }
  }
  return out;
}

function literal(source: string, from: number): [string, number] {
  let depth = 1;
  let value = '';
  let i = from;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (next in ESCAPES) {
        value += ESCAPES[next];
        i += 2;
      } else if (/[0-7]/.test(next)) {
        const digits = /^[0-7]{1,3}/.exec(source.slice(i + 1, i + 4))![0];
        value += String.fromCharCode(parseInt(digits, 8) & 0xff);
        i += 1 + digits.length;
      } else if (next === '\r' || next === '\n') {
        i += next === '\r' && source[i + 2] === '\n' ? 3 : 2;
      } else {
        value += next;
        i += 2;
      }
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')' && --depth === 0) return [value, i + 1];
    value += ch;
    i++;
  }
  return [value, i];
}

function hex(digits: string): string {
  const clean = digits.replace(/[^0-9a-fA-F]/g, '');
  const padded = clean.length % 2 ? clean + '0' : clean;
  let value = '';
  for (let i = 0; i < padded.length; i += 2) value += String.fromCharCode(parseInt(padded.slice(i, i + 2), 16));
  return value;
}

/** Byte string (one char per byte) to text: UTF-16BE with BOM, UTF-8 with BOM, else as is. */
export function decodeBytes(bytes: string): string {
  if (bytes.startsWith('\xfe\xff')) {
    let text = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) text += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
    return text;
  }
  if (bytes.startsWith('\xef\xbb\xbf')) return Buffer.from(bytes.slice(3), 'latin1').toString('utf8');
  return bytes;
}
