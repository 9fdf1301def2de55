import * as m001 from './001-initial.ts';
import * as m002 from './002-default-labels.ts';
import * as m003 from './003-document-figure-indexes.ts';
import * as m004 from './004-run-owner.ts';
import * as m005 from './005-ocr.ts';
import * as m006 from './006-label-mappings.ts';
import * as m007 from './007-view-figures.ts';
import * as m008 from './008-compact-project.ts';
import * as m009 from './009-sources.ts';
import * as m010 from './010-figure-indexes.ts';
import * as m011 from './011-run-documents.ts';

export interface Migration {
  version: number;
  sql: string;
  /** It rebuilds a table others reference: applied with foreign keys off, then checked. */
  rebuildsTables?: boolean;
}

// Listed statically (not read from disk) so the bundled app carries every migration.
export const migrations: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011];
export const latestVersion = migrations[migrations.length - 1]!.version;
