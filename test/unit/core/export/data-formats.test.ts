import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conllDocument, entitiesOf, readConll, tokenize } from '../../../../src-main/core/export/conll.ts';
import { csvRow } from '../../../../src-main/core/export/csv-writer.ts';
import { jsonlLine, readJsonl } from '../../../../src-main/core/export/jsonl.ts';
import { parse } from 'csv-parse/sync';

describe('JSONL', () => {
  it('round-trips text and spans exactly, including astral characters and line breaks', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('PER', 'ORG')), { maxLength: 5 }),
        (text, raw) => {
          const spans = raw
            .map(([a, b, label]) => ({ start: a % text.length, end: (a % text.length) + 1 + (b % (text.length - (a % text.length))), label }))
            .filter((s) => s.end <= text.length);
          const record = { text, spans, meta: { documentId: 1 } };
          expect(readJsonl(jsonlLine(record) + jsonlLine(record))).toEqual([record, record]);
        },
      ),
    );
  });

  it('names the line of a bad record', () => {
    expect(() => readJsonl('{"text":"a","spans":[],"meta":{}}\n{"text":"ab","spans":[{"start":1,"end":5,"label":"X"}],"meta":{}}')).toThrow(/line 2.*outside/);
  });
});

describe('CoNLL IOB2', () => {
  const text = 'Dr. Jane Doe (jane@x.org) met ACME Corp. in Paris.\n\nNext para.';
  const spans = [
    { start: 4, end: 12, label: 'PER' },
    { start: 14, end: 24, label: 'EMAIL' },
    { start: 30, end: 39, label: 'ORG' },
    { start: 44, end: 49, label: 'LOC' },
  ];

  it('tags B-/I- per token and reads back to the same entities', () => {
    const out = conllDocument(text, spans, '7');
    expect(out).toContain('Jane\tB-PER\nDoe\tI-PER\n');
    expect(out).toContain('(\tO\njane\tB-EMAIL\n@\tI-EMAIL\n');
    const [doc] = readConll(out);
    const tokens = tokenize(text, new Set(spans.flatMap((s) => [s.start, s.end])));
    expect(doc!.tokens).toEqual(tokens.map((t) => t.text));
    const entities = entitiesOf(doc!.tags).map((e) => ({ start: tokens[e.start]!.start, end: tokens[e.end - 1]!.end, label: e.label }));
    expect(entities).toEqual(spans);
  });

  it('cuts tokens at span boundaries inside words', () => {
    const out = conllDocument('IBAN:DE89370400440532013000', [{ start: 5, end: 27, label: 'IBAN' }], '1');
    expect(out).toContain('IBAN\tO\n:\tO\nDE89370400440532013000\tB-IBAN\n');
  });
});

describe('CSV writer', () => {
  it('round-trips quotes, commas and line breaks through csv-parse', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const content = rows.map((r) => csvRow(r)).join('');
        expect(parse(content, { relax_column_count: true })).toEqual(rows);
      }),
    );
  });
});
