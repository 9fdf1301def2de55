// The detectors that ship with Docket and need no model download. Importing this module is cheap:
// the model registry lists these detectors in the process that serves the UI, so compromise (about
// 440 ms and 50 MB) is loaded by engine.ts on the first detect() call, never here.
import { NAME_LABELS, detectNames } from './names.ts';
import { POS_LABELS, detectPos } from './pos.ts';

export interface BuiltinSpan {
  start: number;
  end: number;
  label: string;
  score: number;
}
/** A slice of a document done: spans found in it (document offsets) and how far the text is read. */
export interface BuiltinChunk {
  spans: BuiltinSpan[];
  end: number;
}
export type BuiltinId = 'builtin/names' | 'builtin/pos';
export interface BuiltinDetector {
  id: BuiltinId;
  task: 'ner' | 'pos';
  labels: readonly string[];
  /** One sentence for the Models view and `docket models list`. */
  description: string;
  /** Reads the text slice by slice (paragraph/sentence boundaries, a few thousand characters each), so the caller can report progress and cancel between slices and memory stays bounded on a 5 MB document. */
  detect(text: string): Iterable<BuiltinChunk>;
}

export const BUILTIN_DETECTORS: Record<BuiltinId, BuiltinDetector> = {
  'builtin/names': {
    id: 'builtin/names',
    task: 'ner',
    labels: NAME_LABELS,
    description: 'People, places and organisations, from name lists of many cultures, titles and context cues with the compromise NLP library; no download.',
    detect: detectNames,
  },
  'builtin/pos': {
    id: 'builtin/pos',
    task: 'pos',
    labels: POS_LABELS,
    description: 'Universal part-of-speech tags (NOUN, VERB, ADJ…) for each word, from the compromise NLP library; English only, no download.',
    detect: detectPos,
  },
};

export function isBuiltinId(id: string): id is BuiltinId {
  return Object.hasOwn(BUILTIN_DETECTORS, id);
}
