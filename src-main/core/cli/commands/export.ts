import { resolve } from 'node:path';
import { EXPORT_FORMATS, ExportFormat, ExportRequest } from '../../api/contract.ts';
import { openDatabase } from '../../store/database.ts';
import { EXIT_OK, EXIT_PARTIAL, UsageError, numberOption, requirePositional, stringOption, type Command } from '../command.ts';

const FORMATS = ExportFormat.options;
const formatWidth = Math.max(...FORMATS.map((f) => f.length));
/** One help line per format, from the format table, so a new format is listed without touching this file. */
const formatLines = FORMATS.map((f) => `                         ${f.padEnd(formatWidth)}  ${EXPORT_FORMATS[f].name}`);

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export redacted documents (verified) or label data',
  usage: `docket export <project> --format ${FORMATS.join('|')} --out DIR [options]`,
  help: [
    'Options:',
    '  --format F           one of:',
    ...formatLines,
    '  --out DIR            folder for the files and docket-export-report.{json,txt}',
    '  --status S           accepted (default) or all (accepted + proposed); rejected spans never count',
    '  --min-score X        also drop spans scored below X',
    '  --overlay O          none (default), label, or a reason code printed on boxes, e.g. "(b)(6)"',
    '  --colour #RRGGBB     box colour (default #000000)',
    '  --dpi N              raster resolution of redacted PDF pages (default 200)',
    '  --replace LABEL=M    text replacement per label: block, label or pseudonym (repeatable)',
    '  --documents 1,2,3    only these document ids',
    '  --whole-page ID:PAGE redact a whole page (repeatable)',
    '  --include-span-text  put span text into spans-csv (off by default: it is personal data)',
    '  --rasterise-all      render every PDF page as an image with a text layer, not only pages with redactions',
    '  --no-pixel-check     do not read the page images of the written PDF again by OCR (faster; the report says',
    '                       they were not checked)',
    '  --page-images        a document imported from PNG, JPEG or TIFF also gets each redacted page as an image',
    '                       in its format (PNG for TIFF), each checked by OCR',
    '  --overwrite          replace files already in the folder (otherwise an existing file is never replaced)',
    '  --accept-residual X  let a residual-scan finding through: its id (as the report names it) or a label',
    '                       such as DATE (repeatable, or comma-separated); recorded in the audit log',
    '',
    'Every redacted file is read back from disk and checked: the redacted strings must be gone where',
    'they were, and a residual scan (pattern detectors, custom rules, deny list) must find nothing',
    'unredacted. A file that fails is not written, and the command exits with 2.',
  ].join('\n'),
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    status: { type: 'string' },
    'min-score': { type: 'string' },
    overlay: { type: 'string' },
    colour: { type: 'string' },
    dpi: { type: 'string' },
    replace: { type: 'string', multiple: true },
    documents: { type: 'string' },
    'whole-page': { type: 'string', multiple: true },
    'include-span-text': { type: 'boolean' },
    'rasterise-all': { type: 'boolean' },
    'no-pixel-check': { type: 'boolean' },
    'page-images': { type: 'boolean' },
    overwrite: { type: 'boolean' },
    'accept-residual': { type: 'string', multiple: true },
  },
  async run(input, io) {
    const project = resolve(requirePositional(input, 0, 'the project file'));
    const format = stringOption(input, 'format');
    if (!format || !(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}.`);
    const out = stringOption(input, 'out');
    if (!out) throw new UsageError('Missing --out DIR.');
    const replacement: Record<string, string> = {};
    for (const pair of (input.values.replace as string[] | undefined) ?? []) {
      const [label, mode] = pair.split('=');
      if (!label || !mode) throw new UsageError(`--replace takes LABEL=block|label|pseudonym, got "${pair}".`);
      replacement[label] = mode;
    }
    const wholePages = ((input.values['whole-page'] as string[] | undefined) ?? []).map((v) => {
      const [documentId, pageNo] = v.split(':').map(Number);
      if (!Number.isInteger(documentId) || !Number.isInteger(pageNo)) throw new UsageError(`--whole-page takes DOCUMENT_ID:PAGE, got "${v}".`);
      return { documentId: documentId!, pageNo: pageNo! };
    });
    const documents = stringOption(input, 'documents')
      ?.split(',')
      .map((s) => Number(s.trim()));
    const parsed = ExportRequest.safeParse({
      format,
      outDir: resolve(out),
      status: stringOption(input, 'status'),
      minScore: numberOption(input, 'min-score'),
      overlay: stringOption(input, 'overlay'),
      boxColour: stringOption(input, 'colour'),
      dpi: numberOption(input, 'dpi'),
      replacement,
      documentIds: documents,
      wholePages,
      includeSpanText: input.values['include-span-text'] === true,
      rasteriseAll: input.values['rasterise-all'] === true,
      pixelCheck: input.values['no-pixel-check'] !== true,
      pageImages: input.values['page-images'] === true,
      overwrite: input.values.overwrite === true,
      acceptResidual: ((input.values['accept-residual'] as string[] | undefined) ?? [])
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    });
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const [{ runExport }, { storeReader }] = await Promise.all([import('../../export/export-job.ts'), import('../../export/store-reader.ts')]);
    const db = openDatabase(project);
    try {
      const report = await runExport(storeReader(db), parsed.data, {
        signal: io.signal,
        report: (u) => io.progress(`${u.done}/${u.total ?? '?'} ${u.unit}`),
      });
      io.progress('');
      if (input.json) io.out(JSON.stringify(report));
      else {
        for (const f of report.files) io.out(`${f.checks.every((c) => c.passed) ? 'ok  ' : 'FAIL'} ${f.file}`);
        io.out(`Report: ${report.reportPath}`);
      }
      if (!report.ok) {
        io.err(`EXPORT FAILED VERIFICATION — ${report.failures.length} problem(s); these files were NOT written:`);
        for (const f of report.failures) io.err(`  ${f.file}${f.page !== null ? ` page ${f.page}` : ''}: ${f.reason}`);
        return EXIT_PARTIAL;
      }
      return EXIT_OK;
    } finally {
      db.close();
    }
  },
};
