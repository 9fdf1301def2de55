import type { Command } from '../command.ts';
import { exportCommand } from './export.ts';
import { init } from './init.ts';
import { patternsCommand } from './patterns.ts';
import { reviewCommand } from './review.ts';
import { verifyCommand } from './verify.ts';

/** Every `docket` command, in the order `docket --help` lists them. */
export const commands: readonly Command[] = [init, reviewCommand, patternsCommand, exportCommand, verifyCommand];
