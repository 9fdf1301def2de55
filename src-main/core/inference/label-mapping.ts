// Which project label a model's tag is stored under. A tag is folded first (B-PER → PER), then
// mapped by, in order: the analyst's mapping for that model, the catalog's default for it, the
// common tag names below (PER → PERSON, GPE → LOC …); otherwise it stays as it is. The catalog's
// and the common targets count only when the project has that label (matched ignoring case, so
// a project that calls it "Person" gets "Person"). Part-of-speech tags pass through unchanged.
import { join } from 'node:path';
import type { LabelMapping } from '../model/label.ts';
import type { AppPaths } from '../app.ts';
import { DocketError } from '../errors.ts';
import type { Db } from '../store/database.ts';
import * as labelMappings from '../store/queries/label-mappings.ts';
import * as labelSet from '../store/queries/labels.ts';
import type { InferenceTask } from './protocol.ts';
import { catalogEntry } from './models/catalog.ts';
import { describeModel, resolveModel } from './models/registry.ts';
import { PENN_TREEBANK_TAGS, UNIVERSAL_POS_TAGS } from '../model/pos-tags.ts';

export type MappingSource = LabelMapping['tags'][number]['source'];

/** B-, I-, E-, S-, L-, U- (BIO, BIOES, BILOU) prefixes, with '-' or '_'. */
const PREFIX = /^[BIESLU][-_](?=.)/;

export function foldTag(tag: string): string {
  return tag.replace(PREFIX, '');
}

/** Tag names models commonly use (upper case) → the project label they mean (a default label of every project). */
export const COMMON_TAGS: Readonly<Record<string, string>> = {
  PER: 'PERSON',
  PERS: 'PERSON',
  PERSON: 'PERSON',
  PEOPLE: 'PERSON',
  LOC: 'LOC',
  LOCATION: 'LOC',
  GPE: 'LOC',
  ORG: 'ORG',
  ORGANIZATION: 'ORG',
  ORGANISATION: 'ORG',
  CORPORATION: 'ORG',
  COMPANY: 'ORG',
  MISC: 'MISC',
  MISCELLANEOUS: 'MISC',
  DATE: 'DATE',
  TIME: 'DATE',
  DATETIME: 'DATE',
  MONEY: 'MONEY',
  EMAIL: 'EMAIL',
  E_MAIL: 'EMAIL',
  EMAIL_ADDRESS: 'EMAIL',
  PHONE: 'PHONE',
  PHONE_NUMBER: 'PHONE',
  TELEPHONE: 'PHONE',
  TEL: 'PHONE',
  URL: 'URL',
  IP: 'IP',
  IP_ADDRESS: 'IP',
  IBAN: 'IBAN',
  IBAN_CODE: 'IBAN',
  SSN: 'SSN',
  US_SSN: 'SSN',
  CARD: 'CARD',
  CREDIT_CARD: 'CARD',
  CREDITCARDNUMBER: 'CARD',
};

export interface MappingInputs {
  /** The analyst's mapping for the model (folded tag → label). */
  analyst: Readonly<Record<string, string>>;
  /** The catalog's default mapping for the model, if it is in the catalog. */
  catalog?: Readonly<Record<string, string>>;
  /** The project's label names. */
  projectLabels: readonly string[];
}

export interface ResolvedTag {
  tag: string;
  label: string;
  source: MappingSource;
  /** What the tag maps to without the analyst's choice. */
  automatic: string;
}

function inProject(projectLabels: readonly string[], name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const upper = name.toUpperCase();
  return projectLabels.find((l) => l === name) ?? projectLabels.find((l) => l.toUpperCase() === upper);
}

/** One tag through the chain: analyst, catalog, common names, unchanged. */
export function resolveTag(raw: string, inputs: MappingInputs): ResolvedTag {
  const tag = foldTag(raw);
  const fromCatalog = inProject(inputs.projectLabels, inputs.catalog?.[tag]);
  const fromCommon = inProject(inputs.projectLabels, COMMON_TAGS[tag.toUpperCase().replace(/[-\s]/g, '_')]);
  const automatic = fromCatalog ?? fromCommon ?? tag;
  const automaticSource: MappingSource = automatic === tag ? 'unchanged' : fromCatalog !== undefined ? 'catalog' : 'common';
  const chosen = inputs.analyst[tag];
  if (chosen !== undefined) return { tag, label: chosen, source: 'analyst', automatic };
  return { tag, label: automatic, source: automaticSource, automatic };
}

/** The model as a run names it: its id (hub id, builtin/…, or the path given) and its folder. */
export interface RunModel {
  id: string;
  path: string;
}

/** The keys a run's model may have a mapping under: its id, then its folder. */
export function mappingKeys(model: RunModel): string[] {
  return [...new Set([model.id, model.path])];
}

/**
 * The key a mapping is saved under: the hub id of a pulled model (its folder is the cache's
 * <owner>/<name>) or a built-in's id; the absolute folder of any other model, as a run resolves it.
 */
export function mappingKey(model: RunModel, modelCache: string): string {
  return model.path === model.id || model.path === join(modelCache, model.id) ? model.id : model.path;
}

/**
 * How a run stores its tags: a function from the model's tag to the project label, reading the
 * analyst's mapping and the label set now (one query each). Identity for part-of-speech runs.
 */
export function labelResolver(db: Db, model: RunModel, task: InferenceTask): (tag: string) => string {
  if (task === 'pos') return (tag) => tag;
  const inputs: MappingInputs = {
    analyst: labelMappings.forModel(db, mappingKeys(model)),
    catalog: catalogEntry(model.id)?.defaultMapping,
    projectLabels: labelSet.list(db).map((l) => l.name),
  };
  const cache = new Map<string, string>();
  return (tag) => cache.get(tag) ?? cache.set(tag, resolveTag(tag, inputs).label).get(tag)!;
}

/** Universal and Penn Treebank part-of-speech tags: a token model whose tags are all among them is a tagger, not an entity finder. */
const POS_TAGS = new Set<string>([
  ...UNIVERSAL_POS_TAGS,
  'CONJ', // UD v1
  ...PENN_TREEBANK_TAGS,
  ...['.', ',', ':', '``', "''", '"', '#', '$', '(', ')', '-LRB-', '-RRB-', 'HYPH', 'NFP', 'ADD', 'AFX', 'GW', 'XX', 'NN|SYM', 'O'],
]);

export function looksLikePosTags(tags: readonly string[]): boolean {
  const real = tags.filter((t) => t !== 'O');
  return real.length > 0 && real.every((t) => POS_TAGS.has(t));
}

/** A model's distinct tags, folded, without the outside tag O, in the model's order. */
export function modelTags(labels: readonly string[]): string[] {
  return [...new Set(labels.filter((l) => l !== 'O').map(foldTag))];
}

/** Every tag of the model with where it goes in this project (for the API and the CLI). */
export function describeMapping(db: Db, model: { key: string; id: string; kind: LabelMapping['kind']; tags: readonly string[] }): LabelMapping {
  const inputs: MappingInputs = {
    analyst: model.kind === 'entities' ? labelMappings.forModel(db, model.key) : {},
    catalog: model.kind === 'entities' ? catalogEntry(model.id)?.defaultMapping : undefined,
    projectLabels: labelSet.list(db).map((l) => l.name),
  };
  const tags = model.tags.map((t) => (model.kind === 'entities' ? resolveTag(t, inputs) : { tag: t, label: t, source: 'unchanged' as const, automatic: t }));
  return { model: model.key, kind: model.kind, tags };
}

export interface MappingModel {
  /** What the mapping is kept under (see mappingKey). */
  key: string;
  /** The model's id (for its catalog entry). */
  id: string;
  kind: LabelMapping['kind'];
  /** Its tags, folded, without O. */
  tags: string[];
}

const KIND_OF_TASK: Record<InferenceTask, LabelMapping['kind']> = {
  ner: 'entities',
  pos: 'pos',
  'text-classification': 'document',
  nli: 'document',
  'zero-shot': 'document',
};

/**
 * MODEL as the analyst names it (a hub id, builtin/…, or a folder): a built-in or catalog model
 * is known without its files; any other must be on this machine, its tags read from its config.
 */
export function mappingModel(paths: AppPaths, ref: string): MappingModel {
  const entry = catalogEntry(ref);
  if (entry?.builtin) return { key: entry.id, id: entry.id, kind: KIND_OF_TASK[entry.task], tags: modelTags(entry.labels) };
  let model: RunModel;
  try {
    model = resolveModel(paths, ref);
  } catch (error) {
    // A recommended model not pulled yet: its catalog tags, so it can be mapped before the first run.
    if (entry && (error as DocketError).code === 'model_not_found')
      return { key: entry.id, id: entry.id, kind: KIND_OF_TASK[entry.task], tags: modelTags(entry.labels) };
    throw error;
  }
  const info = describeModel(model.id, model.path);
  const tags = modelTags(info.labels);
  const kind = info.task !== 'token-classification' ? 'document' : entry?.task === 'pos' || looksLikePosTags(tags) ? 'pos' : 'entities';
  return { key: mappingKey(model, paths.modelCache), id: model.id, kind, tags };
}

/**
 * Sets the analyst's mapping of MODEL (tag → label; tags may be given with B-/I- prefixes): the
 * whole mapping, replacing the one before. Refused for part-of-speech and document models, for
 * a tag the model does not have, and for a label the project does not have (see
 * labelMappings.save: a tag mapped to its own name is the exception).
 */
export function saveMapping(db: Db, paths: AppPaths, ref: string, mapping: Readonly<Record<string, string>>): LabelMapping {
  const model = mappingModel(paths, ref);
  if (model.kind === 'pos')
    throw new DocketError('not_mappable', `${ref} tags parts of speech; its tags (${model.tags.slice(0, 4).join(', ')}…) are kept as they are.`);
  if (model.kind === 'document')
    throw new DocketError('not_mappable', `${ref} labels whole documents; label mapping applies to the spans an entity (NER) model finds.`);
  const folded = Object.fromEntries(Object.entries(mapping).map(([tag, label]) => [foldTag(tag.trim()), label]));
  const unknown = Object.keys(folded).filter((t) => !model.tags.includes(t));
  if (unknown.length > 0) {
    throw new DocketError('unknown_tag', `${ref} has no tag ${unknown.map((t) => `"${t}"`).join(', ')}; its tags are ${model.tags.join(', ')}.`);
  }
  labelMappings.save(db, model.key, folded);
  return describeMapping(db, model);
}
