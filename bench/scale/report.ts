// The closing tables of the scale bench: one line per size, then the same figures per 1,000
// documents, so how each step grows with the project is visible at a glance.
import { fmt, MB, VIEWS, type Figures, type View } from './figures.ts';

type Column = [header: string, cell: (f: Figures) => string];

function printTable(title: string, columns: Column[], sizes: Figures[]): void {
  const cells = [columns.map(([h]) => h), ...sizes.map((f) => columns.map(([, cell]) => cell(f)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  console.log(title);
  for (const [n, row] of cells.entries()) {
    console.log(`  ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`);
    if (n === 0) console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  }
}

const SHORT: Record<View, string> = { documents: 'docs', review: 'review', stats: 'stats', run: 'run', labels: 'labels', models: 'models' };

const view = (v: View) => (f: Figures) => {
  const [first, second] = f.views[v] ?? [];
  return `${fmt.ms(first)}/${fmt.ms(second)}`;
};

const ratio = (bytes: number | undefined, f: Figures) => (bytes && f.csvBytes ? (bytes / f.csvBytes).toFixed(2) : '—');

/** A figure per 1,000 documents, or — when either is missing. */
const per1000 = (value: number | undefined, f: Figures, digits = 2) => {
  const docs = f.documents ?? f.rows;
  return value === undefined || !docs ? '—' : ((value * 1000) / docs).toFixed(digits);
};

export function printSummary(sizes: Figures[]): void {
  console.log('');
  printTable(
    'scale: summary (s = seconds, views and table in ms from the click to its data painted, first/second opening)',
    [
      ['rows', (f) => fmt.int(f.rows)],
      ['import s', (f) => fmt.s(f.importS)],
      ['import MB', (f) => fmt.peak(f.importPeakMb, f.importGrowthMb)],
      ['run s', (f) => fmt.s(f.runS)],
      ['spans', (f) => fmt.int(f.spans)],
      ['open/again s', (f) => `${fmt.s(f.openS)}/${fmt.s(f.reopenS)}`],
      ['load ms', (f) => fmt.ms(f.loadMs)],
      ...VIEWS.map((v): Column => [SHORT[v], view(v)]),
      ['mid/end', (f) => `${fmt.ms(f.table['import middle'])}/${fmt.ms(f.table['import end'])}`],
      ['sort spans', (f) => `${fmt.ms(f.table['sort spans'])}:${fmt.ms(f.table['spans middle'])}/${fmt.ms(f.table['spans end'])}`],
      ['sort lowest', (f) => `${fmt.ms(f.table['sort lowest'])}:${fmt.ms(f.table['lowest middle'])}/${fmt.ms(f.table['lowest end'])}`],
      ['accept s', (f) => fmt.s(f.acceptS)],
      ['undo s', (f) => fmt.s(f.undoS)],
      ['accept MB', (f) => fmt.peak(f.acceptPeakMb, f.acceptGrowthMb)],
      ['undo MB', (f) => fmt.peak(f.undoPeakMb, f.undoGrowthMb)],
      ['export s', (f) => fmt.s(f.exportS)],
      ['out MB', (f) => fmt.mb(f.exportBytes)],
      ['export RSS MB', (f) => fmt.peak(f.exportPeakMb, f.exportGrowthMb)],
      ['built MB', (f) => fmt.mb(f.builtBytes)],
      ['×CSV', (f) => ratio(f.builtBytes, f)],
      ['project MB', (f) => fmt.mb(f.projectBytes)],
      ['×CSV', (f) => ratio(f.projectBytes, f)],
    ],
    sizes,
  );
  console.log('  (sort: ms to the sorted first rows, then scrolled to the middle/end. MB columns: peak RSS of this process, which hosts the');
  console.log('   core, over that step, "+" its growth over the step; out MB: the size of the export; built MB: the project file after the');
  console.log('   import and the pattern run, project MB: after the bulk accept and its undo too)');
  console.log('');
  printTable(
    'scale: per 1,000 documents',
    [
      ['rows', (f) => fmt.int(f.rows)],
      ['import s', (f) => per1000(f.importS, f, 3)],
      ['run s', (f) => per1000(f.runS, f, 3)],
      ['spans', (f) => per1000(f.spans, f, 0)],
      ['accept ms', (f) => per1000(f.acceptS === undefined ? undefined : f.acceptS * 1000, f, 1)],
      ['undo ms', (f) => per1000(f.undoS === undefined ? undefined : f.undoS * 1000, f, 1)],
      ['export s', (f) => per1000(f.exportS, f, 3)],
      ['export MB', (f) => per1000(f.exportBytes === undefined ? undefined : f.exportBytes / MB, f, 3)],
      ['built MB', (f) => per1000(f.builtBytes === undefined ? undefined : f.builtBytes / MB, f, 3)],
      ['project MB', (f) => per1000(f.projectBytes === undefined ? undefined : f.projectBytes / MB, f, 3)],
    ],
    sizes,
  );
  const parts = [...new Set(sizes.flatMap((f) => (f.breakdown ?? []).map(([name]) => name)))];
  if (parts.length) {
    console.log('');
    printTable(
      'scale: project file per 1,000 documents, MB by part',
      [
        ['rows', (f) => fmt.int(f.rows)],
        ...parts.map((p): Column => [p, (f) => (f.breakdown ? per1000((f.breakdown.find(([n]) => n === p)?.[1] ?? 0) / MB, f, 3) : '—')]),
      ],
      sizes,
    );
  }
}
