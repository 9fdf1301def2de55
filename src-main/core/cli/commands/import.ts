import { resolve } from 'node:path';
import { openDatabase } from '../../store/database.ts';
import { EXIT_OK, EXIT_PARTIAL, UsageError, requirePositional, stringOption, type Command } from '../command.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import files and folders into a project',
  usage: 'docket import <project.docket> <path>... [--csv-column NAME] [--id-column NAME] [--jsonl-field NAME] [--follow-links]',
  help: [
    'Imports TXT, Markdown, CSV/TSV (one document per row), JSONL (one per line), DOCX and PDF files;',
    'folders are searched recursively (hidden files skipped). Files already imported (same bytes) are',
    'skipped as duplicates. Files that cannot be imported are listed with the reason; the rest go in.',
    '  --csv-column NAME   CSV/TSV column holding the text (default: "text", or the only column)',
    '  --id-column NAME    CSV column / JSONL field holding a row id (default: the row or line number)',
    '  --jsonl-field NAME  JSONL field holding the text (default: "text")',
    '  --follow-links      follow symbolic links that lead out of the imported folders (skipped otherwise)',
    'A symbolic link is read once (by its real path); a link that loops back is reported, not walked.',
    'Exit code 2 when some inputs failed (the others were imported).',
    'Example: docket import cases.docket ./inbox --csv-column body --id-column case_id',
  ].join('\n'),
  options: { 'csv-column': { type: 'string' }, 'id-column': { type: 'string' }, 'jsonl-field': { type: 'string' }, 'follow-links': { type: 'boolean' } },
  async run(input, io) {
    const project = resolve(requirePositional(input, 0, 'the project file'));
    const paths = input.positionals.slice(1);
    if (paths.length === 0) throw new UsageError('Give at least one file or folder to import.');
    const db = openDatabase(project);
    try {
      const { importPaths } = await import('../../ingest/import-job.ts');
      const report = await importPaths(
        db,
        {
          paths,
          csvColumn: stringOption(input, 'csv-column'),
          idColumn: stringOption(input, 'id-column'),
          jsonlField: stringOption(input, 'jsonl-field'),
          followLinksOutside: input.values['follow-links'] === true,
        },
        {
          signal: io.signal,
          report: (p) => io.progress(`Importing ${p.done}${p.total !== null ? `/${p.total}` : ''} ${p.unit}${p.message ? ` — ${p.message}` : ''}`),
        },
      );
      io.progress('');
      if (input.json) io.out(JSON.stringify(report));
      else {
        io.out(`Imported ${report.imported} document(s); ${report.duplicates} duplicate(s) skipped; ${report.failed.length} file(s) failed.`);
        for (const w of report.warnings) io.out(`  warning: ${w.path}: ${w.message}`);
        for (const f of report.failed) io.err(`  failed: ${f.path}: ${f.reason}`);
      }
      return report.failed.length > 0 ? EXIT_PARTIAL : EXIT_OK;
    } finally {
      db.close();
    }
  },
};
