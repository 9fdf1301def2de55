import { resolve } from 'node:path';
import { MAX_PHONE_REGIONS } from '../../detect/index.ts';
import { openDatabase } from '../../store/database.ts';
import * as patternRules from '../../store/queries/pattern-rules.ts';
import { EXIT_OK, UsageError, requirePositional, stringOption, type Command } from '../command.ts';

const ACTIONS = 'list | add-regex LABEL PATTERN | deny TERM | allow TERM | remove ID | regions [CC...]';

export const patternsCommand: Command = {
  name: 'patterns',
  summary: "Show or change the project's custom pattern rules",
  usage: `docket patterns <project> (${ACTIONS}) [--flags imsu] [--label L]`,
  help: [
    'Custom detectors that run with the built-in ones (email, phone, card, IBAN, SSN, IP, URL, date):',
    '  list                      the rules and the phone regions',
    '  add-regex LABEL PATTERN   flag every match of PATTERN as LABEL (--flags, e.g. i); a named',
    '                            group (?<value>...) flags just that part',
    '  deny TERM                 always flag TERM (whole word, any case) as --label (default MISC)',
    '  allow TERM                never flag TERM',
    '  remove ID                 delete a rule',
    '  regions [CC...]           regions whose national formats phone numbers without a country',
    `                            code are read in, most likely first (1 to ${MAX_PHONE_REGIONS}, e.g. US GB FR);`,
    '                            without codes, prints them',
    "Example: docket patterns cases.docket add-regex CASE_NO 'Case No\\. (?<value>\\d{4}-\\d+)'",
    '         docket patterns cases.docket regions GB IE US',
  ].join('\n'),
  options: { flags: { type: 'string' }, label: { type: 'string' } },
  async run(input, io) {
    const path = resolve(requirePositional(input, 0, 'the project file'));
    const action = requirePositional(input, 1, `an action (${ACTIONS})`);
    const arg = (i: number, what: string) => requirePositional(input, i, what);
    const db = openDatabase(path);
    try {
      let result: unknown;
      if (action === 'list') {
        const rules = patternRules.list(db);
        const phoneRegions = patternRules.phoneRegions(db);
        result = { rules, phoneRegions };
        if (!input.json) {
          io.out(`Phone regions: ${phoneRegions.join(' ')}`);
          if (rules.length === 0) io.out('No custom rules.');
          for (const r of rules)
            io.out(
              `${String(r.id).padStart(4)}  ${r.kind.padEnd(5)}  ${(r.label || '-').padEnd(12)}  ${r.pattern}${r.flags ? `  /${r.flags}` : ''}${r.enabled ? '' : '  (disabled)'}`,
            );
        }
      } else if (action === 'add-regex') {
        result = patternRules.save(db, {
          kind: 'regex',
          label: arg(2, 'the LABEL'),
          pattern: arg(3, 'the PATTERN'),
          flags: stringOption(input, 'flags') ?? '',
          enabled: true,
        });
      } else if (action === 'deny' || action === 'allow') {
        result = patternRules.save(db, {
          kind: action,
          label: action === 'deny' ? (stringOption(input, 'label') ?? '') : '',
          pattern: arg(2, 'the TERM'),
          flags: '',
          enabled: true,
        });
      } else if (action === 'remove') {
        const id = Number(arg(2, 'the rule ID'));
        if (!Number.isInteger(id) || !patternRules.remove(db, id))
          throw new UsageError(`No pattern rule with id ${arg(2, 'the rule ID')}; see "docket patterns ${input.positionals[0]} list".`);
        result = { removed: id };
      } else if (action === 'regions') {
        // Codes as separate arguments or one quoted list ("US GB", "US,GB").
        const codes = input.positionals
          .slice(2)
          .flatMap((a) => a.split(/[\s,]+/))
          .filter((c) => c !== '');
        const phoneRegions = codes.length > 0 ? patternRules.setPhoneRegions(db, codes) : patternRules.phoneRegions(db);
        result = { phoneRegions };
        if (!input.json) io.out(`Phone regions: ${phoneRegions.join(' ')}`);
      } else {
        throw new UsageError(`Unknown action "${action}"; use ${ACTIONS}.`);
      }
      if (input.json) io.out(JSON.stringify(result));
      else if (action !== 'list' && action !== 'regions') io.out(`${action}: ${JSON.stringify(result)}`);
      return EXIT_OK;
    } finally {
      db.close();
    }
  },
};
