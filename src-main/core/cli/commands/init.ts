import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SAMPLE_DOCUMENTS, sampleBatchFolder, writeSampleBatch } from '../../sample/sample-batch.ts';
import { openDatabase } from '../../store/database.ts';
import { EXIT_OK, EXIT_PARTIAL, UsageError, requirePositional, type CliIO, type Command, type CommandInput } from '../command.ts';
import { userDataDir } from '../user-data.ts';

export const init: Command = {
  name: 'init',
  summary: 'Create a new project, empty or with the sample batch',
  usage: 'docket init <project.docket> [--sample]',
  help: [
    'Creates a Docket project: one SQLite file that holds documents, labels, spans and the audit log.',
    '  --sample   also import the sample batch: a dozen short made-up documents of every kind (letters,',
    '             a Markdown memo, CSV case notes, JSONL messages, a two-page PDF, a DOCX and a scanned',
    '             note) full of names, places, organisations and contact details to find and redact.',
    '             The files are generated on this machine (in the sample-batch folder beside your',
    '             settings); nothing is downloaded.',
    'Example: docket init try.docket --sample',
  ].join('\n'),
  options: { sample: { type: 'boolean' } },
  async run(input, io) {
    const given = requirePositional(input, 0, 'the project file to create');
    const path = resolve(given);
    const sample = input.values.sample === true;
    if (existsSync(path)) {
      throw new UsageError(
        sample
          ? `${path} already exists; --sample makes a new project, so give a name that is not taken.`
          : `${path} already exists; choose another name or use it as it is.`,
      );
    }
    if (sample) return initSample(path, given, input, io);
    openDatabase(path, { create: true }).close();
    if (input.json) io.out(JSON.stringify({ path }));
    else io.out(`Created project ${path}`);
    return EXIT_OK;
  },
};

/** The project, then the batch imported into it the way `docket import` does (in this process). */
async function initSample(path: string, given: string, input: CommandInput, io: CliIO): Promise<number> {
  if (!existsSync(dirname(path))) throw new UsageError(`The folder ${dirname(path)} does not exist.`);
  // The batch first: if it cannot be written, no empty project is left behind.
  const batch = await writeSampleBatch(sampleBatchFolder(userDataDir()));
  const db = openDatabase(path, { create: true });
  try {
    const { importPaths } = await import('../../ingest/import-job.ts');
    const report = await importPaths(
      db,
      { paths: batch.paths },
      {
        signal: io.signal,
        report: (p) => io.progress(`Importing the sample ${p.done}${p.total !== null ? `/${p.total}` : ''} ${p.unit}${p.message ? ` — ${p.message}` : ''}`),
      },
    );
    io.progress('');
    if (input.json) {
      io.out(JSON.stringify({ path, batch: batch.folder, ...report }));
    } else {
      io.out(`Created sample project ${path}: ${report.imported} documents, made up and generated here (nothing was downloaded) from ${batch.folder}`);
      const width = Math.max(...SAMPLE_DOCUMENTS.map((d) => d.name.length));
      for (const d of SAMPLE_DOCUMENTS) io.out(`  ${d.name.padEnd(width)}  ${d.kind.toUpperCase().padEnd(5)}  ${d.sentiment.padEnd(8)}  ${d.about}`);
      for (const f of report.failed) io.err(`  failed: ${f.path}: ${f.reason}`);
      io.out('');
      io.out('Try next:');
      const p = shellWord(given);
      const hints: Array<[string, string]> = [
        [`docket docs ${p}`, 'list the documents'],
        [`docket ocr ${p}`, 'read the scanned phone message'],
        [`docket detect ${p} --patterns --ner builtin/names`, "emails, phones, cards, IBANs, dates and people's names"],
        [`docket review ${p} --accept-above 0.9`, 'accept the confident proposals'],
        [`docket export ${p} --format pdf --out sample-redacted`, 'redacted PDFs, each one checked'],
      ];
      const commandWidth = Math.max(...hints.map(([c]) => c.length));
      for (const [command, what] of hints) io.out(`  ${command.padEnd(commandWidth)}  ${what}`);
    }
    return report.failed.length > 0 ? EXIT_PARTIAL : EXIT_OK;
  } finally {
    db.close();
  }
}

/** The path as the user typed it, quoted for a POSIX shell when it has to be, so a hint can be pasted. */
function shellWord(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
