import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The per-user folder the CLI shares with the desktop app (Electron's userData for "Docket"),
 * so models pulled in one are there for the other. DOCKET_USER_DATA overrides it (tests, CI).
 */
export function userDataDir(): string {
  if (process.env.DOCKET_USER_DATA) return process.env.DOCKET_USER_DATA;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Docket');
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Docket');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Docket');
}
