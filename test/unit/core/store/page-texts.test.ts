// OCR writes new page text into a document: its text, page ranges and runs, and the spans move
// with it; a decided span is never moved (undo reads its offsets) and never loses its text.
import { describe, expect, it } from 'vitest';
import type { TextRun } from '../../../../src-main/core/layout/text-runs.ts';
import { writeTransaction, type Db } from '../../../../src-main/core/store/database.ts';
import * as pages from '../../../../src-main/core/store/queries/pages.ts';
import { replacePageTexts, type PageText } from '../../../../src-main/core/store/queries/page-texts.ts';
import * as spans from '../../../../src-main/core/store/queries/spans.ts';
import { addDocument, createProject, propose } from './project-fixture.ts';

const run = (start: number, end: number): TextRun => ({ start, end, transform: [10, 0, 0, 10, 72, 700], width: 40, height: 10, ascent: 1, descent: 0 });

/** A three-page document: page 1 "Alpha Smith", page 2 a scan (no text), page 3 "Gamma 4111". */
function scannedMiddle(db: Db): number {
  const text = 'Alpha Smith\n\nGamma 4111';
  const id = addDocument(db, 'letter.pdf', text);
  writeTransaction(db, () =>
    pages.insertMany(db, id, [
      { pageNo: 1, width: 612, height: 792, rotation: 0, textStart: 0, textEnd: 11, needsOcr: false, runs: [run(0, 5), run(6, 11)] },
      { pageNo: 2, width: 612, height: 792, rotation: 0, textStart: 13, textEnd: 13, needsOcr: true, runs: [] },
      { pageNo: 3, width: 612, height: 792, rotation: 0, textStart: 13, textEnd: 23, needsOcr: false, runs: [run(13, 18), run(19, 23)] },
    ]),
  );
  db.prepare("UPDATE documents SET status = 'partial_ocr' WHERE id = ?").run(id);
  return id;
}

const read: PageText = { text: 'Beta Jones\nline two', runs: [run(0, 4), run(5, 10), run(11, 15), run(16, 19)], confidence: 91, words: 4 };

function textOf(db: Db, id: number): string {
  return (db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string }).text;
}

describe('replacePageTexts', () => {
  it('writes a scanned page in page order, moving later pages, their runs and proposals with it', () => {
    const { db } = createProject();
    const id = scannedMiddle(db);
    propose(db, id, '4111', 'CARD', 0.99, 'pattern:card');
    const result = writeTransaction(db, () => replacePageTexts(db, id, new Map([[2, read]]), 'ocr:1'));
    expect(result).toEqual({ written: [2], refused: [], placement: 'in-order' });
    const text = textOf(db, id);
    expect(text).toBe('Alpha Smith\n\nBeta Jones\nline two\n\nGamma 4111');
    const [p1, p2, p3] = pages.forDocument(db, id);
    expect(text.slice(p2!.textStart, p2!.textEnd)).toBe(read.text);
    expect(p2!.runs.map((r) => text.slice(r.start, r.end))).toEqual(['Beta', 'Jones', 'line', 'two']);
    expect(p3!.runs.map((r) => text.slice(r.start, r.end))).toEqual(['Gamma', '4111']);
    expect(p1!.runs.map((r) => text.slice(r.start, r.end))).toEqual(['Alpha', 'Smith']);
    expect([p2!.needsOcr, p2!.ocrConfidence, p1!.ocrConfidence]).toEqual([false, 91, null]);
    const [card] = spans.forDocument(db, id);
    expect(text.slice(card!.start, card!.end)).toBe('4111');
    const doc = db.prepare('SELECT status, ocr_confidence FROM documents WHERE id = ?').get(id);
    expect(doc).toEqual({ status: 'imported', ocr_confidence: 91 });
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'document.ocr' AND entity_id = ?").get(id)).toEqual({ n: 1 });
  });

  it('appends after the end when a decided span lies after the page: nothing the analyst decided moves', () => {
    const { db } = createProject();
    const id = scannedMiddle(db);
    const card = propose(db, id, '4111', 'CARD', 0.99, 'pattern:card');
    db.prepare("UPDATE spans SET status = 'accepted' WHERE document_id = ?").run(id);
    const result = writeTransaction(db, () => replacePageTexts(db, id, new Map([[2, read]]), 'ocr:1'));
    expect(result.placement).toBe('appended');
    const text = textOf(db, id);
    expect(text).toBe('Alpha Smith\n\nGamma 4111\n\nBeta Jones\nline two');
    const [accepted] = spans.forDocument(db, id);
    expect([accepted!.start, accepted!.end]).toEqual([card.start, card.end]);
    const p2 = pages.get(db, id, 2)!;
    expect(text.slice(p2.textStart, p2.textEnd)).toBe(read.text);
    expect(p2.runs.map((r) => text.slice(r.start, r.end))).toEqual(['Beta', 'Jones', 'line', 'two']);
  });

  it('keeps a page whose text holds a decision, and drops proposals on a page it re-reads', () => {
    const { db } = createProject();
    const id = scannedMiddle(db);
    propose(db, id, 'Smith', 'PER', 0.9);
    propose(db, id, 'Gamma', 'PER', 0.9);
    db.prepare("UPDATE spans SET status = 'rejected' WHERE document_id = ? AND start = 0 + 6").run(id);
    const again: PageText = { text: 'Gamma 4111 read again', runs: [run(0, 5)], confidence: 80, words: 1 };
    const result = writeTransaction(db, () =>
      replacePageTexts(
        db,
        id,
        new Map([
          [1, { ...read }],
          [3, again],
        ]),
        'ocr:2',
      ),
    );
    expect(result.refused).toEqual([1]);
    expect(result.written).toEqual([3]);
    const text = textOf(db, id);
    expect(text).toBe('Alpha Smith\n\nGamma 4111 read again');
    const left = spans.forDocument(db, id);
    expect(left.map((s) => [text.slice(s.start, s.end), s.status])).toEqual([['Smith', 'rejected']]);
  });

  it('refuses a document whose text is not its pages joined, changing nothing', () => {
    const { db } = createProject();
    const id = scannedMiddle(db);
    db.prepare("UPDATE documents SET text = 'Alpha Smith\n\nGamma 4111 tail' WHERE id = ?").run(id);
    expect(() => writeTransaction(db, () => replacePageTexts(db, id, new Map([[2, read]]), 'ocr:1'))).toThrow(/not its pages' texts in order/);
    expect(textOf(db, id)).toBe('Alpha Smith\n\nGamma 4111 tail');
    expect(pages.get(db, id, 2)!.needsOcr).toBe(true);
  });
});
