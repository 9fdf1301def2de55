// classify, nli and zero-shot: one model task over whole documents each. They differ only in
// the task and the options they read, so one command body runs all three.
import type { InferenceTask, TaskOptions } from '../../inference/protocol.ts';
import { EXIT_OK, UsageError, requirePositional, stringOption, type Command, type CommandInput } from '../command.ts';
import { dtypeOption, printSummaries, runControl, runModelTasks } from './model-run.ts';

const modelOption = { model: { type: 'string' }, dtype: { type: 'string' }, restart: { type: 'boolean' }, 'propose-decided': { type: 'boolean' } } as const;

function requireModel(input: CommandInput): string {
  const model = stringOption(input, 'model');
  if (!model) throw new UsageError('--model MODEL is required (a pulled hub id or a model folder).');
  return model;
}

interface DocumentTask extends Omit<Command, 'run'> {
  task: Extract<InferenceTask, 'text-classification' | 'nli' | 'zero-shot'>;
  /** The task's own options, checked before the model is looked at. */
  taskOptions(input: CommandInput): TaskOptions;
}

function documentTaskCommand({ task, taskOptions, options, ...command }: DocumentTask): Command {
  return {
    ...command,
    options: { ...modelOption, ...options },
    async run(input, io) {
      const project = requirePositional(input, 0, 'the project file');
      const opts = taskOptions(input);
      printSummaries(
        await runModelTasks(project, [{ task, model: requireModel(input), options: opts, dtype: dtypeOption(input) }], io, runControl(input)),
        input,
        io,
      );
      return EXIT_OK;
    },
  };
}

export const classifyCommand = documentTaskCommand({
  name: 'classify',
  summary: 'Label whole documents with a text-classification model',
  usage: 'docket classify <project> --model MODEL [--multi-label] [--dtype fp32|q8]',
  help: [
    'Sentiment, topic, intent, toxicity…: one proposed label per document (single-label, softmax),',
    'or every label scoring >= 0.5 (multi-label, sigmoid: from the model config, or --multi-label).',
    'The full distribution and raw logits are kept with the run.',
  ].join('\n'),
  options: { 'multi-label': { type: 'boolean' } },
  task: 'text-classification',
  taskOptions: (input) => ({ multiLabel: input.values['multi-label'] === true ? true : undefined }),
});

export const nliCommand = documentTaskCommand({
  name: 'nli',
  summary: 'Test each document (premise) against a hypothesis',
  usage: 'docket nli <project> --model MODEL --hypothesis TEXT [--dtype fp32|q8]',
  help: 'Labels each document entailment / neutral / contradiction for the hypothesis, with an NLI model.',
  options: { hypothesis: { type: 'string' } },
  task: 'nli',
  taskOptions(input) {
    const hypothesis = stringOption(input, 'hypothesis');
    if (!hypothesis?.trim()) throw new UsageError('--hypothesis TEXT is required.');
    return { hypothesis };
  },
});

export const zeroShotCommand = documentTaskCommand({
  name: 'zero-shot',
  summary: 'Classify documents with labels you type (NLI model)',
  usage: 'docket zero-shot <project> --model MODEL --labels "a,b,c" [--template "This example is {}."] [--multi-label] [--dtype fp32|q8]',
  help: [
    'Single-label: softmax over the entailment logits of all labels. Multi-label: for each label,',
    'softmax of entailment vs contradiction; every label >= 0.5 is proposed.',
  ].join('\n'),
  options: { labels: { type: 'string' }, template: { type: 'string' }, 'multi-label': { type: 'boolean' } },
  task: 'zero-shot',
  taskOptions(input) {
    const labels = (stringOption(input, 'labels') ?? '')
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    if (labels.length === 0) throw new UsageError('--labels "a,b,c" is required.');
    const template = stringOption(input, 'template') ?? 'This example is {}.';
    if (!template.includes('{}')) throw new UsageError('--template must contain {} where the label goes.');
    return { labels, template, multiLabel: input.values['multi-label'] === true };
  },
});
