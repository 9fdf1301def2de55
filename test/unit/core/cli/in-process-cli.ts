// The CLI run in-process, as a terminal would run it: what it printed, its progress lines and
// its exit code. (Tests that need a real separate process spawn bin/docket.js instead.)
import type { CliIO } from '../../../../src-main/core/cli/command.ts';
import { main } from '../../../../src-main/core/cli/docket.ts';

export async function docket(...argv: string[]): Promise<{ code: number; out: string; err: string; progress: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), progress: (l) => progress.push(l), signal: new AbortController().signal };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n'), progress };
}
