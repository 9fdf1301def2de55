// The one contract between the renderer and the core: every request, response and event,
// with its schema. Electron IPC, the browser-mode WebSocket and tests are thin adapters over
// the router that enforces it. Channels are named `domain:noun.verb`; nobody writes a channel
// string anywhere else. The renderer imports only *types* from this file.
import { z } from 'zod';
import { ONNX_DTYPE_NAMES } from '../inference/models/dtypes.ts';
import { DocLabel } from '../model/doc-label.ts';
import { Box, DocumentRow, PageInfo } from '../model/document.ts';
import { ExportReport, ExportRequest } from '../model/export.ts';
import { id, MAX_IDS, MAX_LIST, MAX_NAME, MAX_TEXT, path, status, threshold } from '../model/fields.ts';
import { ImportOptions, ImportReport } from '../model/import-batch.ts';
import { JobFinished, JobProgress } from '../model/job.ts';
import { Label, LabelMapping } from '../model/label.ts';
import { CatalogModel, ModelInfo } from '../model/model-info.ts';
import { PatternRule, PhoneRegions } from '../model/pattern-rule.ts';
import { ReviewCursor, ReviewItem } from '../model/review.ts';
import { RunSummary } from '../model/run.ts';
import { Span } from '../model/span.ts';
import { Stats } from '../model/stats.ts';

// The domain nouns live in model/ (the store, jobs and export use them without reaching up to
// the API layer); re-exported here so the renderer's and adapters' imports stay one path.
export { MAX_IDS, MAX_REGIONS } from '../model/fields.ts';
export {
  Box,
  DocLabel,
  DocumentRow,
  ExportReport,
  ExportRequest,
  ImportOptions,
  ImportReport,
  JobFinished,
  JobProgress,
  Label,
  LabelMapping,
  CatalogModel,
  ModelInfo,
  PageInfo,
  PatternRule,
  PhoneRegions,
  ReviewCursor,
  ReviewItem,
  RunSummary,
  Span,
  Stats,
};
export { EXPORT_FORMATS, ExportFormat, type ExportFormatInfo, type ExportFormats } from '../model/export-format.ts';

export const DocumentDetail = z.object({
  document: DocumentRow.extend({
    sourcePath: z.string().nullable(),
    sha256: z.string(),
    warnings: z.array(z.string()),
    metadata: z.record(z.string(), z.unknown()),
  }),
  text: z.string(),
  pages: z.array(PageInfo),
  labels: z.array(DocLabel),
  spans: z.array(Span),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

/**
 * Who asked for an edit (a view's own tag), echoed on the change event it causes: a view then
 * skips reloading for its own edits, and only for those, however events are batched.
 */
const origin = z.string().max(64).optional();
/** Which weights of the model folder: fp32 (onnx/model.onnx) or int8 (model_quantized.onnx); default fp32 when present. */
const dtype = z.enum(ONNX_DTYPE_NAMES).optional();
/** A transformers.js weights name: fp32, q8 (int8), fp16, q4… */
export type WeightsDtype = (typeof ONNX_DTYPE_NAMES)[number];
/** A stopped run (killed or cancelled) with the same settings is resumed unless `restart` asks to start over. */
const restart = z.boolean().default(false);
/** Propose again what the analyst already accepted or rejected: an explicit choice, off by default. */
const proposeDecided = z.boolean().default(false);

export const RunRequest = z.discriminatedUnion('task', [
  z.object({ task: z.literal('patterns'), restart, proposeDecided }),
  z.object({
    task: z.literal('ocr'),
    restart,
    /** Pages without a text layer, or every page of every PDF and scan. */
    pages: z.enum(['needs-ocr', 'all']).default('needs-ocr'),
    /** Tesseract languages (each an installed @tesseract.js-data package). */
    languages: z
      .array(z.string().regex(/^[a-z_]{3,12}$/))
      .min(1)
      .max(8)
      .default(['eng']),
  }),
  z.object({
    task: z.enum(['ner', 'pos']),
    restart,
    proposeDecided,
    model: z.string().min(1).max(4096),
    dtype,
    aggregation: z.enum(['none', 'simple', 'first', 'average', 'max']).default('simple'),
    threshold: threshold.optional(),
    /** Per label (PER, or B-PER): overrides `threshold` for that label. */
    thresholds: z.record(z.string().min(1).max(MAX_NAME), threshold).optional(),
    ignoreLabels: z.array(z.string().max(MAX_NAME)).max(MAX_LIST).optional(),
  }),
  z.object({ task: z.literal('text-classification'), restart, proposeDecided, model: z.string().min(1).max(4096), dtype, multiLabel: z.boolean().optional() }),
  z.object({ task: z.literal('nli'), restart, proposeDecided, model: z.string().min(1).max(4096), dtype, hypothesis: z.string().min(1).max(MAX_TEXT) }),
  z.object({
    task: z.literal('zero-shot'),
    restart,
    proposeDecided,
    model: z.string().min(1).max(4096),
    dtype,
    labels: z.array(z.string().min(1).max(MAX_NAME)).min(1).max(MAX_LIST),
    template: z.string().max(MAX_TEXT).includes('{}').default('This example is {}.'),
    multiLabel: z.boolean().default(false),
  }),
]);
export type RunRequest = z.input<typeof RunRequest>;

/** A hub model id, optionally pinned: owner/name or owner/name@revision. */
const hubRef = z
  .string()
  .max(MAX_NAME + 256)
  .regex(/^[\w.-]+\/[\w.-]+(@[\w./+-]{1,255})?$/);

export const WeightListing = z.object({
  id: z.string(),
  revision: z.string(),
  commit: z.string().nullable(),
  weights: z.array(
    z.object({
      dtype: z.enum(ONNX_DTYPE_NAMES),
      files: z.array(z.object({ path: z.string(), size: z.number().nullable() })),
      sizeBytes: z.number().nullable(),
      /** Whether Docket runs these weights today. */
      loadable: z.boolean(),
    }),
  ),
  defaultDtype: z.enum(ONNX_DTYPE_NAMES).nullable(),
});
export type WeightListing = z.infer<typeof WeightListing>;

const JobStarted = z.object({ jobId: z.string() });
const empty = z.object({});
const ok = z.object({ ok: z.literal(true) });
const occurrenceScope = z.enum(['document', 'batch']);

/** Every request the renderer may make, and what it gets back. */
export const requests = {
  'project:file.create': { request: z.object({ path }), response: z.object({ path: z.string() }) },
  'project:file.open': { request: z.object({ path }), response: z.object({ path: z.string() }) },
  'project:file.current': { request: empty, response: z.object({ path: z.string().nullable() }) },
  'project:recent.list': { request: empty, response: z.object({ paths: z.array(z.string()) }) },
  /** Creates a project (at `path`, or a free "Sample project N.docket" under userData), opens it and starts importing the generated sample batch. */
  'project:sample.create': { request: z.object({ path: path.optional() }), response: z.object({ path: z.string(), jobId: z.string() }) },

  'documents:list.query': {
    request: z.object({
      search: z.string().max(500).optional(),
      label: z.string().max(MAX_NAME).optional(),
      status: z.string().max(MAX_NAME).optional(),
      maxConfidence: threshold.optional(),
      sort: z.enum(['name', 'importedAt', 'minConfidence', 'spanCount', 'topScore']).default('importedAt'),
      descending: z.boolean().default(false),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().positive().max(1000).default(200),
      /** The `next` of the page before (keyset): the page starts there, whatever its depth. It holds the last row's sort key (a name may be long). */
      after: z.string().max(65_536).optional(),
    }),
    response: z.object({ total: z.number().int(), rows: z.array(DocumentRow), next: z.string().nullable() }),
  },
  'documents:item.get': { request: z.object({ id }), response: DocumentDetail },
  'documents:page.render': {
    request: z.object({ id, pageNo: z.number().int().positive(), scale: z.number().min(0.25).max(4).default(1.5) }),
    response: z.object({
      imageDataUrl: z.string(),
      width: z.number(),
      height: z.number(),
      boxes: z.array(Box.extend({ spanId: id })),
      /** Words OCR was unsure of (below UNCERTAIN_OCR_WORD confidence): worth a look before trusting what was found. */
      uncertain: z.array(Box.extend({ confidence: z.number() })).default([]),
    }),
  },
  'documents:import.start': { request: ImportOptions, response: JobStarted },

  'annotations:span.create': {
    request: z.object({
      documentId: id,
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      label: z.string().min(1).max(MAX_NAME),
      origin,
    }),
    response: Span,
  },
  'annotations:span.update': {
    request: z.object({
      id,
      start: z.number().int().nonnegative().optional(),
      end: z.number().int().positive().optional(),
      label: z.string().min(1).max(MAX_NAME).optional(),
      status: status.optional(),
      origin,
    }),
    response: Span,
  },
  'annotations:span.delete': { request: z.object({ id, origin }), response: ok },
  'annotations:span.merge': { request: z.object({ ids: z.array(id).min(2).max(MAX_IDS) }), response: Span },
  'annotations:span.split': { request: z.object({ id, at: z.number().int().positive() }), response: z.array(Span) },
  'annotations:label.create': {
    request: z.object({ documentId: id, task: z.string().min(1).max(MAX_NAME), label: z.string().min(1).max(MAX_NAME) }),
    response: DocLabel,
  },
  'annotations:label.update': {
    request: z.object({ id, label: z.string().min(1).max(MAX_NAME).optional(), status: status.optional(), origin }),
    response: DocLabel,
  },
  'annotations:occurrences.count': {
    request: z.object({ text: z.string().min(1).max(MAX_TEXT), scope: occurrenceScope, documentId: id }),
    response: z.object({ occurrences: z.number().int(), documents: z.number().int() }),
  },
  'annotations:occurrences.apply': {
    request: z.object({
      text: z.string().min(1).max(MAX_TEXT),
      scope: occurrenceScope,
      documentId: id,
      action: z.enum(['accept', 'reject', 'add']),
      label: z.string().min(1).max(MAX_NAME),
    }),
    response: z.object({ changed: z.number().int() }),
  },
  'annotations:bulk.count': {
    request: z.object({ minScore: threshold, label: z.string().max(MAX_NAME).optional(), source: z.string().max(MAX_NAME).optional() }),
    response: z.object({ count: z.number().int() }),
  },
  'annotations:bulk.accept': {
    request: z.object({ minScore: threshold, label: z.string().max(MAX_NAME).optional(), source: z.string().max(MAX_NAME).optional() }),
    response: z.object({ changed: z.number().int() }),
  },
  'annotations:history.undo': { request: empty, response: z.object({ changed: z.boolean(), documentId: id.nullable() }) },
  'annotations:history.redo': { request: empty, response: z.object({ changed: z.boolean(), documentId: id.nullable() }) },

  'review:queue.get': {
    request: z.object({
      order: z.enum(['confidence', 'disagreement']).default('confidence'),
      maxScore: threshold.optional(),
      status: status.default('proposed'),
      /** The previous page's `next`: this page continues after it. */
      after: ReviewCursor.optional(),
      limit: z.number().int().positive().max(500).default(100),
    }),
    response: z.object({ total: z.number().int(), items: z.array(ReviewItem), next: ReviewCursor.nullable() }),
  },

  'runs:job.start': { request: RunRequest, response: JobStarted },
  'runs:list.get': { request: empty, response: z.object({ runs: z.array(RunSummary) }) },
  'jobs:job.cancel': { request: z.object({ jobId: z.string().max(MAX_NAME) }), response: ok },

  'models:list.get': { request: empty, response: z.object({ models: z.array(ModelInfo) }) },
  /** id: owner/name, optionally @revision (branch, tag or commit); dtype: which weights (default q8 where the hub has it, else fp32). */
  'models:pull.start': { request: z.object({ id: hubRef, dtype: z.enum(ONNX_DTYPE_NAMES).optional() }), response: JobStarted },
  /** The ONNX weights the hub has for a model, with sizes: asked before choosing what to download. */
  'models:weights.get': { request: z.object({ id: hubRef }), response: WeightListing },
  'models:folder.import': { request: z.object({ path }), response: ModelInfo },
  'models:catalog.get': { request: empty, response: z.object({ models: z.array(CatalogModel) }) },

  'labels:list.get': { request: empty, response: z.object({ labels: z.array(Label) }) },
  'labels:label.save': { request: Label.omit({ id: true }).extend({ id: id.optional() }), response: Label },
  'labels:label.delete': { request: z.object({ id }), response: ok },
  'labels:mapping.get': { request: z.object({ model: z.string().min(1).max(4096) }), response: LabelMapping },
  /** Replaces the model's analyst mapping (tag → existing label; a tag to its own name keeps it). */
  'labels:mapping.save': {
    request: z.object({ model: z.string().min(1).max(4096), mapping: z.record(z.string().min(1).max(MAX_NAME), z.string().min(1).max(MAX_NAME)) }),
    response: LabelMapping,
  },

  'patterns:rules.get': { request: empty, response: z.object({ rules: z.array(PatternRule) }) },
  'patterns:rule.save': { request: PatternRule.omit({ id: true }).extend({ id: id.optional() }), response: PatternRule },
  'patterns:rule.delete': { request: z.object({ id }), response: ok },
  'patterns:regions.get': { request: empty, response: PhoneRegions },
  'patterns:regions.save': { request: PhoneRegions, response: PhoneRegions },

  'stats:summary.get': { request: empty, response: Stats },

  'export:job.start': { request: ExportRequest, response: JobStarted },

  // Native dialogs: answered by the Electron shell; browser mode answers not_supported.
  'shell:dialog.open': {
    request: z.object({ purpose: z.enum(['open-project', 'new-project', 'import-files', 'import-folder', 'export-folder', 'model-folder']) }),
    response: z.object({ paths: z.array(z.string()) }),
  },
} as const;

export const MenuCommand = z.enum(['new-project', 'open-project', 'import', 'export', 'undo', 'redo', 'shortcuts', 'find']);
export type MenuCommand = z.infer<typeof MenuCommand>;

/** Events pushed from the core to the window that asked (jobs) or to all windows (changes). */
export const events = {
  'jobs:progress': JobProgress,
  'jobs:finished': JobFinished,
  'project:documents.changed': z.object({ documentIds: z.array(id).optional(), origin }),
  'shell:menu.command': z.object({ command: MenuCommand, path: z.string().optional() }),
} as const;

export type Channel = keyof typeof requests;
export type EventName = keyof typeof events;
export type RequestOf<C extends Channel> = z.input<(typeof requests)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof requests)[C]['response']>;
export type EventOf<E extends EventName> = z.output<(typeof events)[E]>;

export const ApiError = z.object({ code: z.string(), message: z.string() });
export type ApiError = z.infer<typeof ApiError>;
/** What every transport carries back: never a bare value, never a silent undefined. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(requests, name);
}
