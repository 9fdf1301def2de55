import type { Command } from '../command.ts';
import { classifyCommand, nliCommand, zeroShotCommand } from './classify.ts';
import { detectCommand } from './detect.ts';
import { docsCommand } from './docs.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { init } from './init.ts';
import { labelsCommand } from './labels.ts';
import { modelsCommand } from './models.ts';
import { ocrCommand } from './ocr.ts';
import { patternsCommand } from './patterns.ts';
import { reviewCommand } from './review.ts';
import { serveCommand } from './serve.ts';
import { showCommand } from './show.ts';
import { verifyCommand } from './verify.ts';

/** Every `docket` command, in the order `docket --help` lists them. */
export const commands: readonly Command[] = [
  init,
  importCommand,
  docsCommand,
  showCommand,
  ocrCommand,
  detectCommand,
  classifyCommand,
  nliCommand,
  zeroShotCommand,
  modelsCommand,
  reviewCommand,
  labelsCommand,
  patternsCommand,
  exportCommand,
  verifyCommand,
  serveCommand,
];
