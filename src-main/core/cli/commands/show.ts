import { resolve } from 'node:path';
import { DocketError } from '../../errors.ts';
import { openDatabase } from '../../store/database.ts';
import * as docLabels from '../../store/queries/doc-labels.ts';
import * as documents from '../../store/queries/documents.ts';
import * as pages from '../../store/queries/pages.ts';
import * as spans from '../../store/queries/spans.ts';
import { EXIT_OK, UsageError, requirePositional, type Command } from '../command.ts';

export const showCommand: Command = {
  name: 'show',
  summary: 'Show one document: text, labels and spans',
  usage: 'docket show <project.docket> <doc-id> [--json]',
  help: 'Prints the document text, its document labels and its spans (with their text and offsets).',
  options: {},
  async run(input, io) {
    const db = openDatabase(resolve(requirePositional(input, 0, 'the project file')), { readonly: true });
    try {
      const raw = requirePositional(input, 1, 'the document id');
      const id = Number(raw);
      if (!Number.isInteger(id) || id <= 0) throw new UsageError(`The document id must be a positive whole number, got "${raw}".`);
      const doc = documents.get(db, id);
      if (!doc) throw new DocketError('not_found', `No document ${id} in this project; list them with "docket docs".`);
      const text = documents.text(db, id);
      const docSpans = spans.forDocument(db, id);
      const labels = docLabels.forDocument(db, id);
      if (input.json) {
        io.out(
          JSON.stringify({
            document: doc,
            text,
            pages: pages.infoForDocument(db, id),
            labels,
            spans: docSpans.map((s) => ({ ...s, text: text.slice(s.start, s.end) })),
          }),
        );
        return EXIT_OK;
      }
      io.out(`#${doc.id} ${doc.name}  (${doc.mediaType}, ${doc.status}${doc.pageCount ? `, ${doc.pageCount} pages` : ''})`);
      for (const w of doc.warnings) io.out(`warning: ${w}`);
      io.out('');
      io.out(text);
      io.out('');
      io.out(labels.length ? 'Labels:' : 'Labels: none');
      for (const l of labels)
        io.out(`  ${l.task}: ${l.label} ${l.score?.toFixed(3) ?? ''} [${l.status}, ${l.source}${l.sourceName ? ` ${l.sourceName}` : ''}]`);
      io.out(docSpans.length ? 'Spans:' : 'Spans: none');
      for (const s of docSpans)
        io.out(`  ${s.start}-${s.end} ${s.label} "${text.slice(s.start, s.end)}" ${s.score?.toFixed(3) ?? ''} [${s.status}, ${s.source}]`);
      return EXIT_OK;
    } finally {
      db.close();
    }
  },
};
