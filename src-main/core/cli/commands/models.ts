import type { CatalogModel } from '../../api/contract.ts';
import { defaultPaths } from '../../app.ts';
import { EXIT_OK, UsageError, requirePositional, type Command } from '../command.ts';
import { userDataDir } from '../user-data.ts';
import { pullAction, readStdin, tokenAction, weightsAction } from './model-pull.ts';

export const modelsCommand: Command = {
  name: 'models',
  summary: 'List, pull or import models; see recommended ones',
  usage: 'docket models list | catalog | weights <owner/name[@rev]> | pull <owner/name[@rev]> [--dtype D] | import <folder> | token set|clear|status',
  help: [
    'list            the models on this machine (pulled into the cache, or imported folders)',
    'catalog         recommended models per task (sentiment, topic, toxicity, NLI, zero-shot, NER,',
    '                PoS): size, labels, languages, licence, whether pulled (✓), how to pull',
    'weights ID      the ONNX weights the hub has for ID (fp32, q8, fp16, q4…) with their sizes',
    'pull ID         download a transformers.js (ONNX) model from the hub into the cache, resumably, each',
    '                file checked against the sha256 and size the hub states. ID may end in @revision',
    '                (branch, tag or commit); the commit is recorded. The only network use of Docket.',
    '  --dtype D     which weights: q8 (int8, the default where it exists, else fp32), fp32, fp16, …',
    'token set|clear|status   the hub token for gated or private models, read from standard input and',
    '                kept in the user-data folder (owner-only); HF_TOKEN, when set, is used instead.',
    'Mirrors and proxies: DOCKET_HUB_URL (or HF_ENDPOINT) points at a mirror; HTTPS_PROXY, HTTP_PROXY and',
    'NO_PROXY are honoured.',
    'import FOLDER   use a local model folder (config.json, tokenizer.json, onnx/model*.onnx)',
    `Cache: ${userDataDir()}/models (DOCKET_USER_DATA overrides the folder).`,
  ].join('\n'),
  options: { dtype: { type: 'string' }, revision: { type: 'string' } },
  async run(input, io) {
    const action = requirePositional(input, 0, 'list, catalog, weights, pull, import or token');
    const paths = defaultPaths(userDataDir());
    const registry = await import('../../inference/models/registry.ts');
    if (action === 'list') {
      const models = registry.listModels(paths);
      if (input.json) io.out(JSON.stringify(models));
      else
        for (const m of models)
          io.out(
            `${m.id}  ${m.task ?? '?'}  ${m.builtin ? 'built in, no download' : `${m.dtypes.join('/')}  ${(m.sizeBytes / 1e6).toFixed(1)} MB`}  labels: ${m.labels.slice(0, 8).join(', ')}${m.labels.length > 8 ? '…' : ''}`,
          );
      return EXIT_OK;
    }
    if (action === 'catalog') {
      const { catalog } = await import('../../inference/models/catalog.ts');
      const models = catalog(paths);
      if (input.json) io.out(JSON.stringify(models));
      else for (const line of catalogTable(models)) io.out(line);
      return EXIT_OK;
    }
    if (action === 'pull') return (await pullAction(paths, input, io), EXIT_OK);
    if (action === 'weights') return (await weightsAction(paths, input, io), EXIT_OK);
    if (action === 'token') return (await tokenAction(paths, input, io, readStdin), EXIT_OK);
    if (action === 'import') {
      const info = registry.importFolder(paths, requirePositional(input, 1, 'the model folder'));
      io.out(input.json ? JSON.stringify(info) : `Imported ${info.path} (${info.task ?? 'unknown task'}; labels ${info.labels.join(', ')})`);
      return EXIT_OK;
    }
    throw new UsageError(`Unknown action "${action}": use list, catalog, weights, pull, import or token.`);
  },
};

const USE_TITLES: Record<CatalogModel['use'], string> = {
  sentiment: 'Sentiment',
  topic: 'Topic',
  toxicity: 'Toxicity',
  nli: 'Natural language inference (NLI)',
  'zero-shot': 'Zero-shot classification',
  ner: 'Named entities (NER)',
  pos: 'Parts of speech (PoS)',
};

function size(m: CatalogModel): string {
  if (m.builtin) return 'built in';
  return m.sizeMb.q8 === null ? `${m.sizeMb.fp32} MB` : `${m.sizeMb.q8} MB q8, ${m.sizeMb.fp32} fp32`;
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** The catalog as a table per use: id, download size (fp32 + q8 weights), labels, languages, licence, ✓ when on this machine. */
export function catalogTable(models: readonly CatalogModel[]): string[] {
  const rows = models.map((m) => ({
    m,
    cells: [m.id, size(m), clip(m.labels.join(', '), 36), clip(m.languages.join(' '), 20), m.licence, m.pulled ? '✓' : ''],
  }));
  const header = ['MODEL', 'SIZE', 'LABELS', 'LANGUAGES', 'LICENCE', 'PULLED'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i]!.length)));
  const line = (cells: readonly string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  const out: string[] = ['Recommended models. Sizes are approximate: a pull downloads the q8 (int8) weights, or fp32 with --dtype fp32.'];
  for (const use of [...new Set(models.map((m) => m.use))]) {
    const group = rows.filter((r) => r.m.use === use);
    const tasks = [...new Set(group.map((r) => r.m.task + (r.m.multiLabel ? ', multi-label' : '')))].join(' / ');
    out.push('', `${USE_TITLES[use]} — runs as ${tasks}`, line(header));
    for (const { m, cells } of group) {
      out.push(line(cells), `      ${m.note}`);
      if (!m.builtin && !m.pulled) out.push(`      pull: docket models pull ${m.id}`);
    }
  }
  return out;
}
