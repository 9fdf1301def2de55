import { EXIT_OK, UsageError, numberOption, requirePositional, stringOption, type Command } from '../command.ts';
import { dtypeOption, printSummaries, runModelTasks } from './model-run.ts';

const AGGREGATIONS = ['none', 'simple', 'first', 'average', 'max'] as const;

export const detectCommand: Command = {
  name: 'detect',
  summary: 'Find entities: pattern detectors, NER and PoS models',
  usage: 'docket detect <project> [--patterns] [--ner MODEL] [--pos MODEL] [--aggregation simple|first|average|max|none] [--threshold X] [--dtype fp32|q8]',
  help: [
    'Proposes spans over every document. MODEL is a hub id already pulled (docket models pull) or a model folder.',
    '  --patterns            emails, phones, cards (Luhn), IBAN, SSN, IPs, URLs, dates, and the project rules',
    '  --ner MODEL           named entities with a token-classification model',
    '  --pos MODEL           part-of-speech tags with a token-classification model',
    '  --aggregation S       how token scores become spans (default simple; first/average/max work on words)',
    '  --threshold X         drop spans scoring below X (0..1)',
    'A re-run replaces the same source\'s proposals; accepted and rejected spans are kept.',
    'Example: docket detect cases.docket --patterns --ner Xenova/bert-base-NER --aggregation first',
  ].join('\n'),
  options: { patterns: { type: 'boolean' }, ner: { type: 'string' }, pos: { type: 'string' }, aggregation: { type: 'string' }, threshold: { type: 'string' }, dtype: { type: 'string' } },
  async run(input, io) {
    const project = requirePositional(input, 0, 'the project file');
    const aggregation = (stringOption(input, 'aggregation') ?? 'simple') as (typeof AGGREGATIONS)[number];
    if (!AGGREGATIONS.includes(aggregation)) throw new UsageError(`--aggregation must be one of ${AGGREGATIONS.join(', ')}.`);
    const threshold = numberOption(input, 'threshold');
    if (threshold !== undefined && (threshold < 0 || threshold > 1)) throw new UsageError('--threshold must be between 0 and 1.');
    const dtype = dtypeOption(input);
    const tasks: Parameters<typeof runModelTasks>[1] = [];
    if (input.values.patterns === true) tasks.push({ task: 'patterns', options: {} });
    for (const task of ['ner', 'pos'] as const) {
      const model = stringOption(input, task);
      if (model) tasks.push({ task, model, options: { aggregation, threshold }, dtype });
    }
    if (tasks.length === 0) throw new UsageError('Choose at least one of --patterns, --ner MODEL, --pos MODEL.');
    printSummaries(await runModelTasks(project, tasks, io), input, io);
    return EXIT_OK;
  },
};
