import type { Command } from '../command.ts';
import { init } from './init.ts';

/** Every `docket` command, in the order `docket --help` lists them. */
export const commands: readonly Command[] = [init];
