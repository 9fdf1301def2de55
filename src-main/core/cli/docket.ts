// The `docket` command line. Runs under plain Node and shares core/ with the app; it loads no
// model and no Electron for commands that need none, so it starts fast.
import { parseArgs } from 'node:util';
import { DocketError } from '../errors.ts';
import { EXIT_FAILED, EXIT_USAGE, RunFailedError, UsageError, type CliIO, type Command } from './command.ts';
import { commands } from './commands/index.ts';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'docket: label and redact document batches with local models.',
    '',
    'Usage: docket <command> [options]   (docket <command> --help for details)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 done; 1 bad usage or refused input; 2 some inputs failed (the rest done); 3 a run or job failed.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return [`Usage: ${command.usage}`, '', command.summary + '.', '', command.help].join('\n');
}

function makeIO(): CliIO {
  const controller = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write('\nCancelling…\n');
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  const tty = process.stderr.isTTY;
  return {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    progress: (line) => {
      if (tty) process.stderr.write(`\r\x1b[2K${line}`);
    },
    signal: controller.signal,
  };
}

export async function main(argv: string[], io: CliIO = makeIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${overview()}`);
    return EXIT_USAGE;
  }
  try {
    const { positionals, values } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { ...command.options, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.out(commandHelp(command));
      return 0;
    }
    return await command.run({ positionals, values, json: values.json === true }, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\nUsage: ${command.usage}   (docket ${command.name} --help)`);
      return EXIT_USAGE;
    }
    if (error instanceof RunFailedError) {
      io.err(`docket ${command.name}: ${error.message}`);
      return EXIT_FAILED;
    }
    if (error instanceof DocketError) {
      io.err(`docket ${command.name}: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
