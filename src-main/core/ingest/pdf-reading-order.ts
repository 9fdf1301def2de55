// A PDF page's text in the order a reader sees it, rebuilt from the geometry of pdf.js text
// items rather than from the order the content stream happened to draw them. Pure: items in,
// text and runs out, so it is tested without PDFs.
//
// Lines: items in the same direction whose baselines are within half an em form a band, split
// where a gap wider than COLUMN_GAP_EM separates items (see rowSteps for forms and tables).
// Blocks: a line is chained to the line below it when each is the other's only neighbour
// (overlapping along the line, at most MAX_LEADING_EM apart), so a heading over two columns
// does not tie them together. Blocks keep the stream's order: producers draw columns and page
// furniture in a sensible order far more often than geometry alone can recover it. Lines run
// top to bottom inside a block, items along the line; a gap is no space or one, never two.
import type { TextRun } from '../layout/text-runs.ts';

export interface PageTextItem {
  str: string;
  /** pdf.js item transform [a, b, c, d, e, f] in unrotated user space. */
  transform: readonly number[];
  width: number;
  height: number;
  /** Font ascent/descent as fractions of the font size; defaults as for unknown fonts. */
  ascent?: number;
  descent?: number;
  /** A vertical (top-to-bottom) font: pdf.js then measures the advance in `height`. */
  vertical?: boolean;
  /** pdf.js bidi direction of the item ('ltr', 'rtl', 'ttb'). */
  dir?: string;
}

/**
 * A gap between two items wider than this many ems (of the smaller font) is a word space. It is
 * pdf.js's own threshold for putting a space between glyphs inside an item, so a gap reads the
 * same whether pdf.js kept both pieces in one item or not. Kerning and tracking inside words
 * stay under it; word spaces in text fonts are 0.2-0.33 em (Times 0.25, Helvetica 0.278) and
 * justification seldom squeezes them below 0.15 em.
 */
export const WORD_GAP_EM = 0.102;
/** Baselines closer than this (in ems of the larger font) share a line: sub/superscripts do. */
const SAME_LINE_EM = 0.5;
/** A wider gap between items that the stream did not draw together separates columns. */
const COLUMN_GAP_EM = 1.0;
/** Lines further apart than this are not one block (2.5 em still covers double spacing). */
const MAX_LEADING_EM = 2.5;

interface Placed {
  at: number; // position among the placed items, which keep the stream's order
  index: number;
  str: string;
  item: PageTextItem;
  key: number; // direction of the text in whole degrees
  u0: number; // start and end along the text direction
  u1: number;
  v: number; // baseline position across it, increasing towards the top of the glyphs
  size: number;
  rtl: boolean;
  band: number;
}

interface Line {
  items: Placed[];
  key: number;
  u0: number;
  u1: number;
  v: number;
  size: number;
  first: number;
  below?: Line;
  above?: Line;
}

export function readingOrder(items: readonly PageTextItem[]): { text: string; runs: TextRun[] } {
  const placed = items.flatMap(place);
  placed.forEach((p, at) => (p.at = at));
  band(placed);
  let blocks = chain(lines(placed, []));
  const rows = rowSteps(placed, blocks);
  if (rows.length > 0) blocks = chain(lines(placed, rows));
  let text = '';
  const runs: TextRun[] = [];
  for (const line of blocks.flat()) {
    if (text.length > 0) text += '\n';
    const rtl = line.items.filter((p) => p.rtl).length * 2 > line.items.length;
    line.items.sort((a, b) => (rtl ? b.u1 - a.u1 : a.u0 - b.u0));
    line.items.forEach((p, i) => {
      const prev = line.items[i - 1];
      const gap = prev ? (rtl ? prev.u0 - p.u1 : p.u0 - prev.u1) : 0;
      if (prev && gap > WORD_GAP_EM * Math.min(prev.size, p.size)) text += ' ';
      const start = text.length;
      text += p.str;
      runs.push(run(p, start, text.length));
    });
  }
  return { text, runs };
}

function place(item: PageTextItem, index: number): Placed[] {
  // pdf.js never gives whitespace at an item's edges an advance of its own (it skips space
  // glyphs and adds a space only before the next glyph), so trimming leaves the item's origin
  // and width on its glyphs.
  const str = item.str.trim();
  if (str.length === 0) return [];
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
  // Vertical fonts advance down the glyphs' own up axis; everything else along (a, b).
  let [dx, dy] = item.vertical ? [-c, -d] : [a, b];
  const norm = Math.hypot(dx, dy);
  [dx, dy] = norm > 0 ? [dx / norm, dy / norm] : [1, 0];
  const size = (item.vertical ? Math.hypot(a, b) || item.width : Math.hypot(c, d) || item.height) || 1;
  const u0 = e * dx + f * dy;
  const key = Math.round((Math.atan2(dy, dx) * 180) / Math.PI);
  const u1 = u0 + (item.vertical ? item.height : item.width);
  return [{ at: 0, index, str, item, key: key === -180 ? 180 : key, u0, u1, v: f * dx - e * dy, size, rtl: item.dir === 'rtl', band: 0 }];
}

/** Numbers the bands of shared baselines; a band's baseline is that of its largest font. */
function band(placed: Placed[]): void {
  let ref: Placed | undefined;
  let bands = 0;
  for (const p of [...placed].sort((p, q) => p.key - q.key || q.v - p.v)) {
    if (!ref || ref.key !== p.key || Math.abs(ref.v - p.v) > SAME_LINE_EM * Math.max(ref.size, p.size)) {
      ref = p;
      bands++;
    } else if (p.size > ref.size) ref = p;
    p.band = bands;
  }
}

/** Lines: the items of a band with no column gap between them, or stepped between by `links`. */
function lines(placed: Placed[], links: Array<[number, number]>): Line[] {
  const parent = placed.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const union = (i: number, j: number) => void (parent[root(i)] = root(j));
  const byBand = [...placed].sort((p, q) => p.band - q.band || p.u0 - q.u0);
  let reach = -Infinity;
  byBand.forEach((p, i) => {
    const prev = byBand[i - 1];
    const same = prev !== undefined && prev.band === p.band;
    if (same && p.u0 - reach <= COLUMN_GAP_EM * p.size) union(prev.at, p.at);
    reach = same ? Math.max(reach, p.u1) : p.u1;
  });
  for (const [i, j] of links) union(i, j);
  const groups = new Map<number, Placed[]>();
  for (const p of placed) {
    const group = groups.get(root(p.at));
    if (group) group.push(p);
    else groups.set(root(p.at), [p]);
  }
  return [...groups.values()].map((members) => {
    const main = members.reduce((m, p) => (p.size > m.size ? p : m));
    const u0 = members.reduce((m, p) => Math.min(m, p.u0), Infinity);
    const u1 = members.reduce((m, p) => Math.max(m, p.u1), -Infinity);
    return { items: members, key: main.key, u0, u1, v: main.v, size: main.size, first: members[0]!.index };
  });
}

/**
 * Stream steps along a baseline between lines kept apart by a wide gap, to join: the producer
 * drew them as one row ("Name:   Grace Hopper", words spread by word spacing, a table row), so
 * they are read across. Not where the stream finished one column and started the next.
 */
function rowSteps(placed: Placed[], blocks: Line[][]): Array<[number, number]> {
  const blockOf = new Map<Placed, Line[]>();
  const span = new Map<Line[], [number, number]>();
  for (const block of blocks) {
    const indices = block.flatMap((line) => line.items.map((p) => p.index));
    span.set(block, [indices.reduce((m, i) => Math.min(m, i)), indices.reduce((m, i) => Math.max(m, i))]);
    for (const line of block) for (const p of line.items) blockOf.set(p, block);
  }
  const steps: Array<[number, number]> = [];
  placed.forEach((p, i) => {
    const next = placed[i + 1];
    const [from, to] = [blockOf.get(p)!, next && blockOf.get(next)!];
    if (!next || !to || next.band !== p.band || from === to) return;
    const columns = from.length > 1 && to.length > 1 && span.get(from)![1] <= p.index && span.get(to)![0] >= next.index;
    if (!columns) steps.push([i, i + 1]);
  });
  return steps;
}

/** Blocks of lines chained top to bottom, in the order the stream first drew each block. */
function chain(all: Line[]): Line[][] {
  const sorted = [...all].sort((p, q) => p.key - q.key || q.v - p.v);
  const at = new Map(sorted.map((line, i) => [line, i]));
  sorted.forEach((line, i) => {
    const below = neighbour(sorted, i, 1);
    if (below && neighbour(sorted, at.get(below)!, -1) === line) {
      line.below = below;
      below.above = line;
    }
  });
  const blocks = sorted
    .filter((line) => !line.above)
    .map((head) => {
      const block: Line[] = [];
      for (let line: Line | undefined = head; line; line = line.below) block.push(line);
      return block;
    });
  const first = new Map(blocks.map((block) => [block, block.reduce((m, line) => Math.min(m, line.first), Infinity)]));
  return blocks.sort((p, q) => first.get(p)! - first.get(q)!);
}

/** The only line next to sorted[i] in one direction (1: below, -1: above), if it is the only one. */
function neighbour(sorted: Line[], i: number, step: 1 | -1): Line | undefined {
  const line = sorted[i]!;
  let found: Line | undefined;
  for (let j = i + step; j >= 0 && j < sorted.length; j += step) {
    const other = sorted[j]!;
    const size = Math.max(line.size, other.size);
    const distance = Math.abs(line.v - other.v);
    if (other.key !== line.key || distance > MAX_LEADING_EM * size) break;
    if (found && distance - Math.abs(line.v - found.v) > SAME_LINE_EM * size) break;
    if (distance <= SAME_LINE_EM * size || other.u1 <= line.u0 || other.u0 >= line.u1) continue;
    if (found) return undefined; // two lines side by side: a heading over columns, a table row
    found = other;
  }
  return found;
}

function run(p: Placed, start: number, end: number): TextRun {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = p.item.transform;
  const { ascent, descent, width, height } = p.item;
  return {
    start,
    end,
    transform: [a, b, c, d, e, f],
    width,
    height: Math.hypot(c, d) || height,
    ascent: ascent && ascent > 0 ? ascent : 0.9,
    descent: descent && descent < 0 ? descent : -0.25,
  };
}
