import { resolve } from 'node:path';
import { openDatabase } from '../../store/database.ts';
import { EXIT_OK, EXIT_PARTIAL, UsageError, numberOption, requirePositional, stringOption, type Command } from '../command.ts';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Re-run the leak check on exported files',
  usage: 'docket verify <file-or-dir> --project <project> [--status accepted|all] [--min-score X]',
  help: [
    'Checks exported PDFs, text and CSV files for every string the project redacts: pdf.js text,',
    'decompressed streams, metadata, in normalised forms. The span filter defaults to the one in',
    'the export report beside the files. Exits 2 when anything is found.',
  ].join('\n'),
  options: { project: { type: 'string' }, status: { type: 'string' }, 'min-score': { type: 'string' } },
  async run(input, io) {
    const target = resolve(requirePositional(input, 0, 'the exported file or folder'));
    const project = stringOption(input, 'project');
    if (!project) throw new UsageError('Missing --project <project>.');
    const status = stringOption(input, 'status');
    if (status !== undefined && status !== 'accepted' && status !== 'all') throw new UsageError('--status must be accepted or all.');
    const minScore = numberOption(input, 'min-score');
    const filter = status || minScore !== undefined ? { status: (status ?? 'accepted') as 'accepted' | 'all', minScore } : undefined;
    const [{ verifyExportedFiles }, { storeReader }] = await Promise.all([import('../../export/verify-files.ts'), import('../../export/store-reader.ts')]);
    const db = openDatabase(resolve(project), { readonly: true });
    try {
      const verdicts = await verifyExportedFiles(storeReader(db), target, filter);
      const failed = verdicts.filter((v) => v.failures.length > 0 || !v.checks.every((c) => c.passed));
      if (input.json) io.out(JSON.stringify({ ok: failed.length === 0, files: verdicts }));
      else {
        for (const v of verdicts) {
          io.out(`${failed.includes(v) ? 'FAIL' : 'ok  '} ${v.file}`);
          for (const c of v.checks) io.out(`     ${c.passed ? '✓' : '✗'} ${c.name}${c.detail ? ` — ${c.detail}` : ''}`);
        }
      }
      for (const v of failed) for (const f of v.failures) io.err(`LEAK ${f.file}${f.page !== null ? ` page ${f.page}` : ''}: ${f.reason}`);
      if (verdicts.length === 0) io.err('No exported PDF, TXT or CSV files found there.');
      return failed.length > 0 ? EXIT_PARTIAL : EXIT_OK;
    } finally {
      db.close();
    }
  },
};
