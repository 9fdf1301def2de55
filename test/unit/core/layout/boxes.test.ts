import { describe, expect, it } from 'vitest';
import { boxesForRange } from '../../../../src-main/core/layout/boxes.ts';
import type { TextRun } from '../../../../src-main/core/layout/text-runs.ts';

const run = (over: Partial<TextRun>): TextRun => ({
  start: 0,
  end: 10,
  transform: [12, 0, 0, 12, 100, 700],
  width: 60,
  height: 12,
  ascent: 0.9,
  descent: -0.2,
  advances: [6, 12, 18, 24, 30, 36, 42, 48, 54, 60],
  ...over,
});

describe('boxesForRange', () => {
  it('covers exactly the measured glyphs of a horizontal run, padded', () => {
    const [box] = boxesForRange([{ pageNo: 1, runs: [run({})] }], 2, 5, { padding: 1 });
    expect(box!.pageNo).toBe(1);
    expect(box!.x).toBeCloseTo(100 + 12 - 1);
    expect(box!.y).toBeCloseTo(700 - 0.25 * 12 - 1);
    expect(box!.w).toBeCloseTo(18 + 2);
    expect(box!.h).toBeCloseTo((0.9 + 0.25) * 12 + 2);
  });

  it('gives one box per run and page a range crosses', () => {
    const pages = [
      { pageNo: 1, runs: [run({ start: 0, end: 10 }), run({ start: 11, end: 21, transform: [12, 0, 0, 12, 100, 680] })] },
      { pageNo: 2, runs: [run({ start: 22, end: 32 })] },
    ];
    const boxes = boxesForRange(pages, 8, 25);
    expect(boxes.map((b) => b.pageNo)).toEqual([1, 1, 2]);
  });

  it('takes the bounding box of text rotated by 90 degrees', () => {
    const [box] = boxesForRange([{ pageNo: 1, runs: [run({ transform: [0, 12, -12, 0, 300, 100] })] }], 0, 10, { padding: 0 });
    // Baseline runs up the page: x spans the glyph height, y spans the advance.
    expect(box!.y).toBeCloseTo(100);
    expect(box!.h).toBeCloseTo(60);
    expect(box!.x).toBeCloseTo(300 - 0.9 * 12);
    expect(box!.w).toBeCloseTo((0.9 + 0.25) * 12);
  });

  it('pads interpolated runs by half an em, plus a twentieth of the way to the nearest run end', () => {
    const [box] = boxesForRange([{ pageNo: 1, runs: [run({ advances: undefined })] }], 2, 5, { padding: 0 });
    expect(box!.x).toBeCloseTo(100 + 12 - 6 - 0.05 * 12);
    expect(box!.w).toBeCloseTo(18 + 12 + 0.05 * 12 + 0.05 * 30);
  });

  it('estimates glyph widths from the text when the run has none: a name before narrow letters', () => {
    // "asked Jane Doe to file it." drawn as one run in Times (the estimate uses Helvetica's
    // widths): an even spread ends "Doe" far too early.
    const text = 'asked Jane Doe to file it.';
    const width = 108.427; // Times-Roman 11 pt, as pdf-lib measures it
    const r = {
      start: 0,
      end: text.length,
      transform: [11, 0, 0, 11, 72, 688] as [number, number, number, number, number, number],
      width,
      height: 11,
      ascent: 0.9,
      descent: -0.25,
    };
    const doeEnd = 72 + 68.31; // where "Doe" ends in Times-Roman 11 pt
    const even = boxesForRange([{ pageNo: 1, runs: [r] }], 6, 14, { padding: 0 })[0]!;
    const estimated = boxesForRange([{ pageNo: 1, runs: [r] }], 6, 14, { padding: 0, text })[0]!;
    expect(estimated.x + estimated.w).toBeGreaterThanOrEqual(doeEnd);
    expect(even.x + even.w).toBeLessThan(doeEnd); // what the even spread did: the end of "Doe" showed
  });
});
