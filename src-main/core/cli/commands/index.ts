import type { Command } from '../command.ts';
import { docsCommand } from './docs.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { init } from './init.ts';
import { patternsCommand } from './patterns.ts';
import { reviewCommand } from './review.ts';
import { showCommand } from './show.ts';
import { verifyCommand } from './verify.ts';

/** Every `docket` command, in the order `docket --help` lists them. */
export const commands: readonly Command[] = [init, importCommand, docsCommand, showCommand, reviewCommand, patternsCommand, exportCommand, verifyCommand];
