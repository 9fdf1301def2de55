import { describe, expect, it } from 'vitest';
import { ChangeOrigins } from '../../../src-renderer/lib/state/change-origins.ts';

describe('ChangeOrigins', () => {
  it('tells a view whether changes since it last looked came from anyone else', () => {
    const o = new ChangeOrigins();
    o.record(1, 'review-a');
    o.record(2, 'review-a');
    o.record(3, undefined); // an undo, a run, another window
    o.record(4, 'review-b');
    expect(o.othersBetween(0, 2, 'review-a')).toBe(false);
    // Two changes in one update, one its own and one not: the other one still counts.
    expect(o.othersBetween(1, 3, 'review-a')).toBe(true);
    expect(o.othersBetween(3, 4, 'review-a')).toBe(true);
    expect(o.othersBetween(3, 4, 'review-b')).toBe(false);
    expect(o.othersBetween(4, 4, 'review-a')).toBe(false);
  });

  it("follows one view: no reload for its own changes or the first version it sees, one for anyone else's", () => {
    const o = new ChangeOrigins();
    const view = o.follow('document');
    expect(view.origin).toMatch(/^document-/);
    expect(view.reloadFor(0)).toBe(false);
    o.record(1, view.origin);
    expect(view.reloadFor(1)).toBe(false);
    expect(view.reloadFor(1)).toBe(false);
    o.record(2, view.origin);
    o.record(3, o.follow('review').origin);
    expect(view.reloadFor(3)).toBe(true);
    expect(view.reloadFor(3)).toBe(false);
  });

  it('treats versions it no longer remembers as changes by others', () => {
    const o = new ChangeOrigins();
    for (let v = 1; v <= 600; v++) o.record(v, 'mine');
    expect(o.othersBetween(0, 2, 'mine')).toBe(true);
    expect(o.othersBetween(200, 600, 'mine')).toBe(false);
  });
});
