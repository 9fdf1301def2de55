// Where "Try the sample" puts its project when not told: <userData>/projects/, named so a second
// try never lands on the first one ("Sample project.docket", "Sample project 2.docket", …).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DocketError } from '../errors.ts';

/** Far more than anyone tries the sample; past it something is wrong with the folder. */
const MAX_TRIES = 1000;

export function freeSampleProjectPath(userData: string): string {
  const folder = join(userData, 'projects');
  mkdirSync(folder, { recursive: true });
  for (let n = 1; n <= MAX_TRIES; n++) {
    const path = join(folder, n === 1 ? 'Sample project.docket' : `Sample project ${n}.docket`);
    if (!existsSync(path)) return path;
  }
  throw new DocketError('exists', `${folder} already holds ${MAX_TRIES} sample projects; delete some, or give the sample project a path.`);
}
