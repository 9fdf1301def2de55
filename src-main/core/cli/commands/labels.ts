import { resolve } from 'node:path';
import type { LabelMapping } from '../../api/contract.ts';
import { defaultPaths } from '../../app.ts';
import { openDatabase } from '../../store/database.ts';
import * as labelMappings from '../../store/queries/label-mappings.ts';
import * as labels from '../../store/queries/labels.ts';
import { EXIT_OK, UsageError, requirePositional, type Command } from '../command.ts';
import { userDataDir } from '../user-data.ts';

const ACTIONS = 'list | map MODEL [TAG=LABEL...] [--reset]';

const SOURCES: Record<LabelMapping['tags'][number]['source'], string> = {
  analyst: 'set by you',
  catalog: "the catalog's default",
  common: 'common tag name',
  unchanged: 'kept as is',
};

export const labelsCommand: Command = {
  name: 'labels',
  summary: "Show the project's labels; map a model's tags onto them",
  usage: `docket labels <project> (${ACTIONS})`,
  help: [
    '  list                      the labels (set, hotkey, colour) and the models whose tags you mapped',
    '  map MODEL                 where each tag of MODEL (hub id, builtin/names or a folder) goes in this',
    '                            project: B-/I- prefixes folded, then your mapping, the catalog default,',
    '                            the common names (PER → PERSON, GPE → LOC…), else the tag itself',
    '  map MODEL TAG=LABEL...    set where tags go (LABEL must be a label of the project; TAG=TAG keeps',
    '                            the tag as its own label); TAG= drops your choice for TAG. Runs after',
    '                            this store the spans under LABEL; decided spans are never changed.',
    '  map MODEL --reset         drop all your choices for MODEL',
    'Part-of-speech tags are always kept as they are.',
    'Example: docket labels cases.docket map Xenova/bert-base-NER PER=PERSON MISC=ORG',
  ].join('\n'),
  options: { reset: { type: 'boolean' } },
  async run(input, io) {
    const path = resolve(requirePositional(input, 0, 'the project file'));
    const action = requirePositional(input, 1, `an action (${ACTIONS})`);
    const db = openDatabase(path);
    try {
      if (action === 'list') {
        const all = labels.list(db);
        const mapped = labelMappings.all(db);
        if (input.json) io.out(JSON.stringify({ labels: all, mappings: mapped }));
        else {
          for (const l of all) io.out(`${(l.hotkey ?? ' ').padEnd(2)}${l.name.padEnd(16)}${l.colour}  ${l.setName}`);
          for (const m of mapped)
            io.out(
              `${m.model}: ${Object.entries(m.mapping)
                .map(([tag, label]) => `${tag}=${label}`)
                .join(' ')}`,
            );
        }
        return EXIT_OK;
      }
      if (action !== 'map') throw new UsageError(`Unknown action "${action}"; use ${ACTIONS}.`);
      const ref = requirePositional(input, 2, 'the MODEL (hub id, builtin/names or a folder)');
      const { describeMapping, foldTag, mappingModel, saveMapping } = await import('../../inference/label-mapping.ts');
      const paths = defaultPaths(userDataDir());
      const changes = input.positionals.slice(3).map((arg) => {
        const at = arg.indexOf('=');
        if (at <= 0) throw new UsageError(`"${arg}" is not TAG=LABEL (e.g. PER=PERSON, or PER= to drop your choice).`);
        return [foldTag(arg.slice(0, at).trim()), arg.slice(at + 1).trim()] as const;
      });
      const model = mappingModel(paths, ref);
      let mapping: LabelMapping;
      if (changes.length === 0 && input.values.reset !== true) mapping = describeMapping(db, model);
      else {
        const mine = input.values.reset === true ? {} : labelMappings.forModel(db, model.key);
        for (const [tag, label] of changes) {
          if (label === '') delete mine[tag];
          else mine[tag] = label;
        }
        mapping = saveMapping(db, paths, ref, mine);
      }
      if (input.json) io.out(JSON.stringify(mapping));
      else {
        const width = Math.max(3, ...mapping.tags.map((t) => t.tag.length));
        if (mapping.kind === 'pos') io.out(`${ref} tags parts of speech: its tags are kept as they are.`);
        if (mapping.kind === 'document') io.out(`${ref} labels whole documents: its labels are not mapped.`);
        for (const t of mapping.tags)
          io.out(
            `${t.tag.padEnd(width)}  →  ${t.label.padEnd(12)}  (${SOURCES[t.source]}${t.source === 'analyst' && t.automatic !== t.label ? `; otherwise ${t.automatic}` : ''})`,
          );
      }
      return EXIT_OK;
    } finally {
      db.close();
    }
  },
};
