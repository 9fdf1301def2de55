import { resolve } from 'node:path';
import { openDatabase } from '../../store/database.ts';
import * as bulk from '../../store/queries/bulk-decisions.ts';
import { newGroupId } from '../../store/queries/history.ts';
import { EXIT_OK, UsageError, numberOption, requirePositional, stringOption, type Command } from '../command.ts';

function threshold(value: number | undefined, flag: string): number | undefined {
  if (value !== undefined && (value < 0 || value > 1)) throw new UsageError(`--${flag} must be between 0 and 1, got ${value}.`);
  return value;
}

export const reviewCommand: Command = {
  name: 'review',
  summary: 'Accept or reject proposals in bulk',
  usage: 'docket review <project> (--accept-all | --accept-above X | --reject-below X) [--label L] [--source patterns|MODEL] [--dry-run]',
  help: [
    'Decides proposed spans and document labels in bulk; human decisions are never changed.',
    '  --accept-all        accept every proposal',
    '  --accept-above X    accept proposals with score >= X (0..1)',
    '  --reject-below X    reject proposals with score < X (0..1)',
    '  --label L           only proposals with this label',
    '  --source S          only proposals from pattern detectors (patterns) or from model S',
    '  --dry-run           count only, change nothing',
    'The change is one step in the project history: Edit > Undo in the app reverts all of it.',
    'Example: docket review cases.docket --accept-above 0.95 --source patterns',
  ].join('\n'),
  options: {
    'accept-all': { type: 'boolean' },
    'accept-above': { type: 'string' },
    'reject-below': { type: 'string' },
    label: { type: 'string' },
    source: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  async run(input, io) {
    const path = resolve(requirePositional(input, 0, 'the project file'));
    const acceptAll = input.values['accept-all'] === true;
    const acceptAbove = threshold(numberOption(input, 'accept-above'), 'accept-above');
    const rejectBelow = threshold(numberOption(input, 'reject-below'), 'reject-below');
    const modes = [acceptAll, acceptAbove !== undefined, rejectBelow !== undefined].filter(Boolean).length;
    if (modes !== 1) throw new UsageError('Give exactly one of --accept-all, --accept-above X, --reject-below X.');
    const filter: bulk.BulkFilter = { label: stringOption(input, 'label'), source: stringOption(input, 'source') };
    if (acceptAbove !== undefined) filter.minScore = acceptAbove;
    if (rejectBelow !== undefined) filter.belowScore = rejectBelow;
    const status = rejectBelow !== undefined ? 'rejected' : 'accepted';
    const dryRun = input.values['dry-run'] === true;

    const db = openDatabase(path);
    try {
      const counted = bulk.count(db, filter);
      const changed = dryRun ? 0 : bulk.decide(db, filter, status, newGroupId()).changed;
      if (input.json) {
        io.out(JSON.stringify({ status, dryRun, matched: counted, changed }));
      } else {
        const what = `${counted.spans} span${counted.spans === 1 ? '' : 's'} and ${counted.labels} document label${counted.labels === 1 ? '' : 's'}`;
        io.out(dryRun ? `Would mark ${what} ${status}.` : `Marked ${what} ${status}.`);
      }
      return EXIT_OK;
    } finally {
      db.close();
    }
  },
};
