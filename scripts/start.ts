// `npm start`: build, then run the desktop app. Where the Electron binary is not installed and
// cannot be fetched, say so in one sentence and start browser mode instead, printing its URL.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildMain, buildRenderer } from './build.ts';

const root = join(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules', 'electron');

/** Reads Electron's own record of its binary without triggering its lazy download. */
export function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function tryInstallElectron(): string | null {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || process.env.CI) return null;
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  return result.status === 0 ? electronBinary() : null;
}

if (import.meta.main) {
  await Promise.all([buildRenderer(), buildMain()]);
  const binary = electronBinary() ?? tryInstallElectron();
  const args = process.argv.slice(2);
  if (binary) {
    const child = spawn(binary, [root, ...args], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    console.log('The Electron binary is not installed and could not be downloaded, so Docket starts in browser mode instead.');
    const child = spawn(process.execPath, [join(root, 'src-main/core/cli/docket.ts'), 'serve', ...args], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
