import { EXIT_OK, UsageError, numberOption, requirePositional, stringOption, type Command } from '../command.ts';
import { dtypeOption, printSummaries, runControl, runModelTasks } from './model-run.ts';

const AGGREGATIONS = ['none', 'simple', 'first', 'average', 'max'] as const;

export const detectCommand: Command = {
  name: 'detect',
  summary: 'Find entities: pattern detectors, NER and PoS models',
  usage:
    'docket detect <project> [--patterns] [--ner MODEL] [--pos MODEL] [--aggregation simple|first|average|max|none] [--threshold X] [--thresholds LABEL=X,…] [--ignore-labels LABEL,…] [--dtype fp32|q8]',
  help: [
    'Proposes spans over every document. MODEL is a hub id already pulled (docket models pull), a model folder,',
    'or a built-in detector that needs no download: builtin/names (PERSON, LOC, ORG) for --ner, builtin/pos for --pos.',
    'A transformer model is more accurate than the built-in ones: docket models catalog lists recommended ones.',
    '  --patterns            emails, phones, cards (Luhn), IBAN, SSN, IPs, URLs, dates, and the project rules',
    '  --ner MODEL           named entities with a token-classification model',
    '  --pos MODEL           part-of-speech tags with a token-classification model',
    '  --aggregation S       how token scores become spans (default simple; first/average/max work on words)',
    '  --threshold X         drop spans scoring below X (0..1)',
    '  --thresholds L=X,…    per-label minimum scores, overriding --threshold for those labels (PER=0.9,LOC=0.6)',
    '  --ignore-labels L,…   labels never proposed (default O)',
    '  --restart             start over instead of resuming a stopped run with the same settings',
    '  --propose-decided     propose again spans the analyst already accepted or rejected (off by default)',
    "A re-run replaces the same source's proposals; accepted and rejected spans are kept and never proposed again.",
    'A run that was killed or cancelled is resumed by the same command: only the documents not yet done are read.',
    'Examples: docket detect cases.docket --patterns --ner builtin/names',
    '          docket detect cases.docket --ner Xenova/bert-base-NER --aggregation first',
  ].join('\n'),
  options: {
    patterns: { type: 'boolean' },
    ner: { type: 'string' },
    pos: { type: 'string' },
    aggregation: { type: 'string' },
    threshold: { type: 'string' },
    thresholds: { type: 'string' },
    'ignore-labels': { type: 'string' },
    dtype: { type: 'string' },
    restart: { type: 'boolean' },
    'propose-decided': { type: 'boolean' },
  },
  async run(input, io) {
    const project = requirePositional(input, 0, 'the project file');
    const aggregation = (stringOption(input, 'aggregation') ?? 'simple') as (typeof AGGREGATIONS)[number];
    if (!AGGREGATIONS.includes(aggregation)) throw new UsageError(`--aggregation must be one of ${AGGREGATIONS.join(', ')}.`);
    const threshold = numberOption(input, 'threshold');
    if (threshold !== undefined && (threshold < 0 || threshold > 1)) throw new UsageError('--threshold must be between 0 and 1.');
    const thresholds = labelThresholds(stringOption(input, 'thresholds'));
    const ignore = stringOption(input, 'ignore-labels');
    const ignoreLabels =
      ignore === undefined
        ? undefined
        : [
            'O',
            ...ignore
              .split(',')
              .map((l) => l.trim())
              .filter(Boolean),
          ];
    const dtype = dtypeOption(input);
    const tasks: Parameters<typeof runModelTasks>[1] = [];
    if (input.values.patterns === true) tasks.push({ task: 'patterns', options: {} });
    for (const task of ['ner', 'pos'] as const) {
      const model = stringOption(input, task);
      if (model) tasks.push({ task, model, options: { aggregation, threshold, thresholds, ignoreLabels }, dtype });
    }
    if (tasks.length === 0) throw new UsageError('Choose at least one of --patterns, --ner MODEL, --pos MODEL.');
    printSummaries(await runModelTasks(project, tasks, io, runControl(input)), input, io);
    return EXIT_OK;
  },
};

/** "PER=0.9,LOC=0.6" → { PER: 0.9, LOC: 0.6 }. */
function labelThresholds(value: string | undefined): Record<string, number> | undefined {
  if (value === undefined) return undefined;
  const out: Record<string, number> = {};
  for (const part of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([^=\s]+)\s*=\s*([0-9.]+)$/.exec(part);
    const score = match ? Number(match[2]) : NaN;
    if (!match || !(score >= 0 && score <= 1)) {
      throw new UsageError(`--thresholds takes LABEL=SCORE pairs with scores from 0 to 1, separated by commas (e.g. PER=0.9,LOC=0.6); "${part}" is not one.`);
    }
    out[match[1]!] = score;
  }
  return out;
}
