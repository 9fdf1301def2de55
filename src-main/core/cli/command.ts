import type { ParseArgsOptionsConfig } from 'node:util';

/**
 * Exit codes every command keeps: 0 done, 1 bad usage or refused input (a file that is not a
 * project, a missing model), 2 some inputs failed (others done), 3 a run or job failed.
 */
export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_PARTIAL = 2;
export const EXIT_FAILED = 3;

/** A run or job that started and failed (not the user's input): exit 3. */
export class RunFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunFailedError';
  }
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CommandInput {
  positionals: string[];
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  json: boolean;
}

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** Progress on a TTY only; machines reading --json never see it. */
  progress(line: string): void;
  /** Aborted on Ctrl+C, so long commands stop cleanly between batches. */
  signal: AbortSignal;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Longer help: options and examples. */
  help: string;
  options: ParseArgsOptionsConfig;
  run(input: CommandInput, io: CliIO): Promise<number>;
}

export function requirePositional(input: CommandInput, index: number, what: string): string {
  const value = input.positionals[index];
  if (value === undefined) throw new UsageError(`Missing ${what}.`);
  return value;
}

export function stringOption(input: CommandInput, name: string): string | undefined {
  const value = input.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function numberOption(input: CommandInput, name: string): number | undefined {
  const raw = stringOption(input, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new UsageError(`--${name} must be a number, got "${raw}".`);
  return value;
}
