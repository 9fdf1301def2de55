import { EXIT_OK, UsageError, requirePositional, stringOption, type Command } from '../command.ts';
import { dtypeOption, printSummaries, runControl, runModelTasks } from './model-run.ts';

const modelOption = { model: { type: 'string' }, dtype: { type: 'string' }, restart: { type: 'boolean' }, 'propose-decided': { type: 'boolean' } } as const;

function requireModel(input: Parameters<Command['run']>[0]): string {
  const model = stringOption(input, 'model');
  if (!model) throw new UsageError('--model MODEL is required (a pulled hub id or a model folder).');
  return model;
}

export const classifyCommand: Command = {
  name: 'classify',
  summary: 'Label whole documents with a text-classification model',
  usage: 'docket classify <project> --model MODEL [--multi-label] [--dtype fp32|q8]',
  help: [
    'Sentiment, topic, intent, toxicity…: one proposed label per document (single-label, softmax),',
    'or every label scoring >= 0.5 (multi-label, sigmoid: from the model config, or --multi-label).',
    'The full distribution and raw logits are kept with the run.',
  ].join('\n'),
  options: { ...modelOption, 'multi-label': { type: 'boolean' } },
  async run(input, io) {
    const project = requirePositional(input, 0, 'the project file');
    const multiLabel = input.values['multi-label'] === true ? true : undefined;
    printSummaries(await runModelTasks(project, [{ task: 'text-classification', model: requireModel(input), options: { multiLabel }, dtype: dtypeOption(input) }], io, runControl(input)), input, io);
    return EXIT_OK;
  },
};

export const nliCommand: Command = {
  name: 'nli',
  summary: 'Test each document (premise) against a hypothesis',
  usage: 'docket nli <project> --model MODEL --hypothesis TEXT [--dtype fp32|q8]',
  help: 'Labels each document entailment / neutral / contradiction for the hypothesis, with an NLI model.',
  options: { ...modelOption, hypothesis: { type: 'string' } },
  async run(input, io) {
    const project = requirePositional(input, 0, 'the project file');
    const hypothesis = stringOption(input, 'hypothesis');
    if (!hypothesis?.trim()) throw new UsageError('--hypothesis TEXT is required.');
    printSummaries(await runModelTasks(project, [{ task: 'nli', model: requireModel(input), options: { hypothesis }, dtype: dtypeOption(input) }], io, runControl(input)), input, io);
    return EXIT_OK;
  },
};

export const zeroShotCommand: Command = {
  name: 'zero-shot',
  summary: 'Classify documents with labels you type (NLI model)',
  usage: 'docket zero-shot <project> --model MODEL --labels "a,b,c" [--template "This example is {}."] [--multi-label] [--dtype fp32|q8]',
  help: [
    'Single-label: softmax over the entailment logits of all labels. Multi-label: for each label,',
    'softmax of entailment vs contradiction; every label >= 0.5 is proposed.',
  ].join('\n'),
  options: { ...modelOption, labels: { type: 'string' }, template: { type: 'string' }, 'multi-label': { type: 'boolean' } },
  async run(input, io) {
    const project = requirePositional(input, 0, 'the project file');
    const labels = (stringOption(input, 'labels') ?? '').split(',').map((l) => l.trim()).filter(Boolean);
    if (labels.length === 0) throw new UsageError('--labels "a,b,c" is required.');
    const template = stringOption(input, 'template') ?? 'This example is {}.';
    if (!template.includes('{}')) throw new UsageError('--template must contain {} where the label goes.');
    const options = { labels, template, multiLabel: input.values['multi-label'] === true };
    printSummaries(await runModelTasks(project, [{ task: 'zero-shot', model: requireModel(input), options, dtype: dtypeOption(input) }], io, runControl(input)), input, io);
    return EXIT_OK;
  },
};
