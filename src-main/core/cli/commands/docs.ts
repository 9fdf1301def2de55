import { resolve } from 'node:path';
import { openDatabase } from '../../store/database.ts';
import * as documentTable from '../../store/queries/document-table.ts';
import { MEDIA_TYPES } from '../../ingest/types.ts';

const KIND = new Map<string, string>(Object.entries(MEDIA_TYPES).map(([kind, type]) => [type, kind.toUpperCase()]));
import { EXIT_OK, requirePositional, stringOption, type Command } from '../command.ts';

export const docsCommand: Command = {
  name: 'docs',
  summary: 'List the documents of a project with their status',
  usage: 'docket docs <project.docket> [--search TEXT] [--json]',
  help: [
    'Lists every document: id, name, type, pages, status, spans, top label and score.',
    '  --search TEXT   only documents whose name or text match (full-text search)',
  ].join('\n'),
  options: { search: { type: 'string' } },
  async run(input, io) {
    const db = openDatabase(resolve(requirePositional(input, 0, 'the project file')), { readonly: true });
    try {
      const search = stringOption(input, 'search');
      const rows = [];
      // Page after page from where the last one ended (keyset), so each costs the same.
      for (let after: string | undefined, next: string | null = null; ; after = next) {
        const page = documentTable.list(db, { search, sort: 'importedAt', descending: false, offset: 0, limit: 1000, after });
        rows.push(...page.rows);
        if (!page.next) break;
        next = page.next;
      }
      if (input.json) {
        io.out(JSON.stringify(rows));
        return EXIT_OK;
      }
      if (rows.length === 0) {
        io.out(search ? `No documents match "${search}".` : 'No documents yet. Add some with: docket import <project> <path>...');
        return EXIT_OK;
      }
      const table = rows.map((r) => [
        String(r.id),
        r.name,
        KIND.get(r.mediaType) ?? r.mediaType,
        r.pageCount === null ? '' : String(r.pageCount),
        r.status,
        String(r.spanCount),
        r.topLabel ? `${r.topLabel} ${r.topScore?.toFixed(2) ?? ''}` : '',
      ]);
      const head = ['ID', 'NAME', 'TYPE', 'PAGES', 'STATUS', 'SPANS', 'TOP LABEL'];
      const widths = head.map((h, i) => Math.min(48, Math.max(h.length, ...table.map((row) => row[i]!.length))));
      const line = (cells: string[]) =>
        cells
          .map((c, i) => (c.length > widths[i]! ? c.slice(0, widths[i]! - 1) + '…' : c.padEnd(widths[i]!)))
          .join('  ')
          .trimEnd();
      io.out(line(head));
      for (const row of table) io.out(line(row));
      return EXIT_OK;
    } finally {
      db.close();
    }
  },
};
