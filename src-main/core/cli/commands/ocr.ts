import { join, resolve } from 'node:path';
import { defaultPaths } from '../../app.ts';
import { openDatabase } from '../../store/database.ts';
import { EXIT_OK, UsageError, requirePositional, stringOption, type Command } from '../command.ts';
import { userDataDir } from '../user-data.ts';
import { printSummaries, progressLine, runControl } from './model-run.ts';

const PAGES = ['needs-ocr', 'all'] as const;

export const ocrCommand: Command = {
  name: 'ocr',
  summary: 'Read scanned pages and images with OCR (Tesseract)',
  usage: 'docket ocr <project> [--pages needs-ocr|all] [--lang eng+fra] [--restart]',
  help: [
    'Reads the pages that have no text layer (scans, photographed pages, imported images) and puts their',
    'text, with the place of every word, into the documents: detectors, models, review and the redacted',
    'export then work on them as on any PDF text.',
    '  --pages needs-ocr     only pages without text (default)',
    '  --pages all           every page of every PDF and scan (a page whose text holds a decision is kept)',
    '  --lang eng+fra        Tesseract languages, joined by "+" (default eng); each is an npm package',
    '                        @tesseract.js-data/<lang> installed beside Docket',
    '  --restart             start over instead of resuming a stopped run with the same settings',
    'A run that was killed or cancelled is resumed by the same command, at the next page not yet read.',
  ].join('\n'),
  options: { pages: { type: 'string' }, lang: { type: 'string' }, restart: { type: 'boolean' } },
  async run(input, io) {
    const project = requirePositional(input, 0, 'the project file');
    const pages = (stringOption(input, 'pages') ?? 'needs-ocr') as (typeof PAGES)[number];
    if (!PAGES.includes(pages)) throw new UsageError(`--pages must be one of ${PAGES.join(', ')}.`);
    const languages = (stringOption(input, 'lang') ?? 'eng')
      .split('+')
      .map((l) => l.trim())
      .filter(Boolean);
    if (languages.length === 0 || languages.some((l) => !/^[a-z_]{3,12}$/.test(l)))
      throw new UsageError('--lang takes Tesseract language codes joined by "+", e.g. eng or eng+fra.');
    const db = openDatabase(resolve(project));
    try {
      const [{ runOcr, ocrRunSettings }, runs] = await Promise.all([import('../../ocr/run-ocr.ts'), import('../../store/queries/runs.ts')]);
      const request = { pages, languages };
      const stopped = runControl(input).restart ? undefined : runs.resumable(db, ocrRunSettings(request));
      if (stopped) io.err(`resuming run ${stopped.id}: ${stopped.docsDone}/${stopped.docsTotal} documents done (--restart starts over)`);
      const cachePath = join(defaultPaths(userDataDir()).userData, 'ocr');
      const summary = await runOcr(
        db,
        { ...request, resumeRunId: stopped?.id },
        { cachePath },
        { signal: io.signal, report: (p) => io.progress(progressLine('ocr', p)) },
      );
      io.progress('');
      printSummaries([summary], input, io);
    } finally {
      db.close();
    }
    return EXIT_OK;
  },
};
