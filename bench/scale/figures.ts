// What one size of the scale bench measured: every figure optional, since a step that fails is
// reported and skipped while the others go on.
export const VIEWS = ['documents', 'review', 'stats', 'run', 'labels', 'models'] as const;
export type View = (typeof VIEWS)[number];

export interface Figures {
  rows: number;
  csvBytes?: number;
  generateS?: number;
  importS?: number;
  importPeakMb?: number;
  importGrowthMb?: number;
  documents?: number;
  runS?: number;
  spans?: number;
  /** project:file.open in the app's core (its file check included). */
  openS?: number;
  /** Opening it again after the app closed it cleanly (no read-through check). */
  reopenS?: number;
  /** Page reload with the project open to the documents table showing rows. */
  loadMs?: number;
  /** Per view, milliseconds from the tab click to its data rendered: first and second opening. */
  views: Partial<Record<View, Array<number | null>>>;
  /** Documents table: scroll and sort timings, in ms, by what was done. */
  table: Record<string, number | null>;
  acceptS?: number;
  accepted?: number;
  acceptPeakMb?: number;
  acceptGrowthMb?: number;
  undoS?: number;
  undoPeakMb?: number;
  undoGrowthMb?: number;
  exportS?: number;
  exportPeakMb?: number;
  exportGrowthMb?: number;
  exportBytes?: number;
  /** The project file after the import and the pattern run, before any decision. */
  builtBytes?: number;
  /** After the decisions too (a bulk accept of every proposal and its undo: two audit entries each). */
  projectBytes?: number;
  /** Bytes per part of the project file (documents, full-text index, …), largest first. */
  breakdown?: Array<[string, number]>;
}

export const MB = 1024 * 1024;

export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.message}${error.stack ? `\n${error.stack.split('\n').slice(1, 4).join('\n')}` : ''}`;
  return String(error);
}

/** Runs one step; a failure is printed and gives undefined, so the next step still runs. */
export async function step<T>(name: string, work: () => Promise<T> | T): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    console.log(`  ${name}: FAILED: ${errorText(error)}`);
    return undefined;
  }
}

export const fmt = {
  /** Peak RSS and its growth over the step: "690 +23". */
  peak: (peakMb: number | undefined, growthMb: number | undefined) => (peakMb === undefined ? '—' : `${peakMb} +${growthMb ?? '?'}`),
  s: (n: number | undefined) => (n === undefined ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(1)),
  ms: (n: number | null | undefined) => (n === undefined ? '—' : n === null ? 'timeout' : n.toFixed(0)),
  mb: (bytes: number | undefined) => (bytes === undefined ? '—' : (bytes / MB).toFixed(bytes < 10 * MB ? 2 : 1)),
  int: (n: number | undefined) => (n === undefined ? '—' : n.toLocaleString('en')),
};
