import * as m001 from './001-initial.ts';

export interface Migration {
  version: number;
  sql: string;
}

// Listed statically (not read from disk) so the bundled app carries every migration.
export const migrations: readonly Migration[] = [m001];
export const latestVersion = migrations[migrations.length - 1]!.version;
