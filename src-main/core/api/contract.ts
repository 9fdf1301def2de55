// The one contract between the renderer and the core: every request, response and event,
// with its schema. Electron IPC, the browser-mode WebSocket and tests are thin adapters over
// the router that enforces it. Channels are named `domain:noun.verb`; nobody writes a channel
// string anywhere else. The renderer imports only *types* from this file.
import { z } from 'zod';
import { ONNX_DTYPE_NAMES } from '../inference/models/dtypes.ts';

const id = z.number().int().positive();
const status = z.enum(['proposed', 'accepted', 'rejected']);
const source = z.enum(['model', 'pattern', 'human']);
const path = z.string().min(1).max(4096);
/** Request caps: generous for any real use, small enough that a hostile request is refused fast. */
export const MAX_IDS = 100_000; // ids, or paths, in one request
const MAX_LIST = 10_000; // names (labels) in one request
const MAX_NAME = 256; // a label, task, column, source or job id
const MAX_TEXT = 10_000; // free text: a span's text, a hypothesis, a template, a pattern
/** A project's phone regions: detect's MAX_PHONE_REGIONS (not imported: the preload loads this file). */
export const MAX_REGIONS = 12;

export const Span = z.object({
  id,
  documentId: id,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  label: z.string(),
  score: z.number().nullable(),
  source,
  sourceName: z.string(),
  status,
  runId: id.nullable(),
});
export type Span = z.infer<typeof Span>;

export const DocLabel = z.object({
  id,
  documentId: id,
  task: z.string(),
  label: z.string(),
  score: z.number().nullable(),
  source,
  sourceName: z.string(),
  status,
  runId: id.nullable(),
});
export type DocLabel = z.infer<typeof DocLabel>;

export const DocumentRow = z.object({
  id,
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  pageCount: z.number().nullable(),
  status: z.string(),
  topLabel: z.string().nullable(),
  topScore: z.number().nullable(),
  spanCount: z.number().int(),
  minConfidence: z.number().nullable(),
  /** Mean word confidence (0-100) of the text OCR read, when OCR read any of it. */
  ocrConfidence: z.number().nullable().optional(),
  importedAt: z.string(),
});
export type DocumentRow = z.infer<typeof DocumentRow>;

export const Box = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });
export const PageInfo = z.object({
  pageNo: z.number().int().positive(),
  width: z.number(),
  height: z.number(),
  rotation: z.number().int(),
  textStart: z.number().int(),
  textEnd: z.number().int(),
  needsOcr: z.boolean(),
  /** Mean word confidence (0-100) when OCR read the page's text; absent when the text came from the file. */
  ocrConfidence: z.number().nullable().optional(),
});
export type PageInfo = z.infer<typeof PageInfo>;

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

export const ImportOptions = z.object({
  paths: z.array(path).min(1).max(MAX_IDS),
  csvColumn: z.string().max(MAX_NAME).optional(),
  idColumn: z.string().max(MAX_NAME).optional(),
  jsonlField: z.string().max(MAX_NAME).optional(),
  /** Follow symbolic links that lead out of the imported folders (reported and skipped otherwise). */
  followLinksOutside: z.boolean().default(false),
});
export const ImportReport = z.object({
  imported: z.number().int(),
  duplicates: z.number().int(),
  failed: z.array(z.object({ path: z.string(), reason: z.string() })),
  warnings: z.array(z.object({ path: z.string(), message: z.string() })),
  documentIds: z.array(id),
});
export type ImportReport = z.infer<typeof ImportReport>;

const threshold = z.number().min(0).max(1);
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
    languages: z.array(z.string().regex(/^[a-z_]{3,12}$/)).min(1).max(8).default(['eng']),
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

export const RunSummary = z.object({
  id,
  task: z.string(),
  model: z.string().nullable(),
  status: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  docsTotal: z.number().int(),
  docsDone: z.number().int(),
  counts: z.record(z.string(), z.number()),
  error: z.string().nullable(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const ReviewItem = z.object({
  kind: z.enum(['span', 'label']),
  id,
  documentId: id,
  documentName: z.string(),
  label: z.string(),
  score: z.number().nullable(),
  status,
  source,
  sourceName: z.string(),
  text: z.string(), // the span's text, or the document's opening words for a label
  context: z.string(),
  disagreement: z.number().nullable(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const ModelInfo = z.object({
  id: z.string(),
  path: z.string(),
  task: z.string().nullable(),
  modelType: z.string().nullable(),
  labels: z.array(z.string()),
  dtypes: z.array(z.string()),
  sizeBytes: z.number(),
  /** Ships with Docket (builtin/names, builtin/pos): no download, rule- and lexicon-based, less accurate than a transformer. */
  builtin: z.boolean(),
});
export type ModelInfo = z.infer<typeof ModelInfo>;

/** A recommended model (inference/models/catalog.ts): what it is for, what it costs to pull, and whether this machine has it. */
export const CatalogModel = z.object({
  id: z.string(),
  /** What the analyst wants done; `task` is how Docket runs it (topic runs as zero-shot, toxicity as multi-label text classification). */
  use: z.enum(['sentiment', 'topic', 'toxicity', 'nli', 'zero-shot', 'ner', 'pos']),
  task: z.enum(['ner', 'pos', 'text-classification', 'nli', 'zero-shot']),
  multiLabel: z.boolean(),
  /** Approximate size of the ONNX weights a pull fetches, in MB (q8: onnx/model_quantized.onnx; null when none); 0 for built-ins. */
  sizeMb: z.object({ fp32: z.number().nonnegative(), q8: z.number().nonnegative().nullable() }),
  labels: z.array(z.string()),
  languages: z.array(z.string()),
  licence: z.string(),
  note: z.string(),
  /** The model's tags (B-/I- folded) onto project labels, used when the analyst has not mapped them. */
  defaultMapping: z.record(z.string(), z.string()),
  builtin: z.boolean(),
  /** On this machine: pulled into the cache (built-ins always are). */
  pulled: z.boolean(),
});
export type CatalogModel = z.infer<typeof CatalogModel>;

/** A hub model id, optionally pinned: owner/name or owner/name@revision. */
const hubRef = z.string().max(MAX_NAME + 256).regex(/^[\w.-]+\/[\w.-]+(@[\w./+-]{1,255})?$/);

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

/** Where each of a model's tags goes in the project: the analyst's choice, the catalog's default, the common names table, or unchanged. */
export const LabelMapping = z.object({
  /** The key the mapping is kept under: the hub id (or builtin/…), or the absolute folder of an imported model. */
  model: z.string(),
  /** entities: spans are stored under the mapped label; pos: tags are kept as they are; document: document labels are not mapped. */
  kind: z.enum(['entities', 'pos', 'document']),
  tags: z.array(
    z.object({
      tag: z.string(),
      label: z.string(),
      source: z.enum(['analyst', 'catalog', 'common', 'unchanged']),
      /** What the tag would map to without the analyst's choice. */
      automatic: z.string(),
    }),
  ),
});
export type LabelMapping = z.infer<typeof LabelMapping>;

export const Label = z.object({
  id,
  setName: z.string().max(MAX_NAME),
  name: z.string().min(1).max(MAX_NAME),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  hotkey: z.string().max(1).nullable(),
});
export type Label = z.infer<typeof Label>;

export const PatternRule = z.object({
  id,
  kind: z.enum(['regex', 'deny', 'allow']),
  label: z.string().max(MAX_NAME),
  pattern: z.string().min(1).max(MAX_TEXT),
  flags: z.string().max(16),
  enabled: z.boolean(),
});
export type PatternRule = z.infer<typeof PatternRule>;

/** Regions whose national formats phone numbers are read in, most likely first (ISO 3166 alpha-2). */
export const PhoneRegions = z.object({
  regions: z.array(z.string().regex(/^[A-Za-z]{2}$/, 'expected a two-letter country code such as US')).min(1).max(MAX_REGIONS),
});
export type PhoneRegions = z.infer<typeof PhoneRegions>;

export const ExportRequest = z.object({
  format: z.enum(['pdf', 'txt', 'csv', 'jsonl', 'conll', 'audit', 'labels-csv', 'spans-csv']),
  outDir: path,
  status: z.enum(['accepted', 'all']).default('accepted'),
  minScore: threshold.optional(),
  documentIds: z.array(id).max(MAX_IDS).optional(),
  overlay: z.string().max(MAX_NAME).default('none'), // 'none' | 'label' | any reason code such as "(b)(6)"
  boxColour: z.string().regex(/^#[0-9a-fA-F]{6}$/).default('#000000'),
  dpi: z.number().int().min(72).max(600).default(200),
  replacement: z.record(z.string().max(MAX_NAME), z.enum(['block', 'label', 'pseudonym'])).default({}),
  includeSpanText: z.boolean().default(false),
  wholePages: z.array(z.object({ documentId: id, pageNo: z.number().int().positive() })).max(MAX_IDS).default([]),
  /** Render every page of a redacted PDF as an image (plus its text layer), not only pages with redactions. */
  rasteriseAll: z.boolean().default(false),
  /** Read every page image of a redacted PDF again by OCR and fail it when a redacted value, or a residual finding, is readable there. */
  pixelCheck: z.boolean().default(true),
  /** Documents imported from PNG, JPEG or TIFF: also write each redacted page as an image in the source's format (TIFF pages as PNG). */
  pageImages: z.boolean().default(false),
  /** Replace files already in the folder (otherwise an existing file is never overwritten). */
  overwrite: z.boolean().default(false),
  /** Residual-scan findings the analyst lets through: finding ids (16 hex digits) or whole labels. Recorded in the audit log. */
  acceptResidual: z.array(z.string().trim().min(1).max(64)).max(10_000).default([]),
});
export type ExportRequest = z.input<typeof ExportRequest>;

export const ExportReport = z.object({
  ok: z.boolean(),
  outDir: z.string(),
  files: z.array(
    z.object({
      documentId: id.nullable(),
      file: z.string(),
      pages: z.number().int().nullable(),
      spansByLabel: z.record(z.string(), z.number()),
      checks: z.array(z.object({ name: z.string(), passed: z.boolean(), detail: z.string().optional() })),
    }),
  ),
  failures: z.array(
    z.object({
      file: z.string(),
      page: z.number().nullable(),
      reason: z.string(),
      /** A residual-scan finding: what `acceptResidual` takes to let it through. */
      residual: z.object({ id: z.string(), label: z.string() }).optional(),
    }),
  ),
  reportPath: z.string().nullable(),
});
export type ExportReport = z.infer<typeof ExportReport>;

export const Stats = z.object({
  documents: z.number().int(),
  byStatus: z.record(z.string(), z.number()),
  labels: z.array(
    z.object({ label: z.string(), kind: z.enum(['span', 'label']), count: z.number(), histogram: z.array(z.number()) }),
  ),
});
export type Stats = z.infer<typeof Stats>;

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
    }),
    response: z.object({ total: z.number().int(), rows: z.array(DocumentRow) }),
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
    request: z.object({ documentId: id, start: z.number().int().nonnegative(), end: z.number().int().positive(), label: z.string().min(1).max(MAX_NAME), origin }),
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
  'annotations:label.create': { request: z.object({ documentId: id, task: z.string().min(1).max(MAX_NAME), label: z.string().min(1).max(MAX_NAME) }), response: DocLabel },
  'annotations:label.update': { request: z.object({ id, label: z.string().min(1).max(MAX_NAME).optional(), status: status.optional(), origin }), response: DocLabel },
  'annotations:occurrences.count': {
    request: z.object({ text: z.string().min(1).max(MAX_TEXT), scope: occurrenceScope, documentId: id }),
    response: z.object({ occurrences: z.number().int(), documents: z.number().int() }),
  },
  'annotations:occurrences.apply': {
    request: z.object({ text: z.string().min(1).max(MAX_TEXT), scope: occurrenceScope, documentId: id, action: z.enum(['accept', 'reject', 'add']), label: z.string().min(1).max(MAX_NAME) }),
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
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().positive().max(500).default(100),
    }),
    response: z.object({ total: z.number().int(), items: z.array(ReviewItem) }),
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

export const JobProgress = z.object({
  jobId: z.string(),
  kind: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  unit: z.string(),
  ratePerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  message: z.string().optional(),
  /** Share of the work done (0–1) when items differ in size; otherwise done / total. */
  fraction: z.number().min(0).max(1).optional(),
});
export type JobProgress = z.infer<typeof JobProgress>;

export const JobFinished = z.object({
  jobId: z.string(),
  kind: z.string(),
  status: z.enum(['completed', 'cancelled', 'failed']),
  result: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type JobFinished = z.infer<typeof JobFinished>;

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
