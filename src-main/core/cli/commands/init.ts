import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase } from '../../store/database.ts';
import { EXIT_OK, UsageError, requirePositional, type Command } from '../command.ts';

export const init: Command = {
  name: 'init',
  summary: 'Create a new, empty project file',
  usage: 'docket init <project.docket>',
  help: 'Creates a Docket project: one SQLite file that holds documents, labels, spans and the audit log.',
  options: {},
  async run(input, io) {
    const path = resolve(requirePositional(input, 0, 'the project file to create'));
    if (existsSync(path)) throw new UsageError(`${path} already exists; choose another name or use it as it is.`);
    openDatabase(path, { create: true }).close();
    if (input.json) io.out(JSON.stringify({ path }));
    else io.out(`Created project ${path}`);
    return EXIT_OK;
  },
};
