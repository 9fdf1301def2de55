import { describe, expect, it } from 'vitest';
import { actionFor, keyName, labelForKey, SHORTCUTS } from '../../../src-renderer/lib/keyboard.ts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('keyboard', () => {
  it('names keys as the shortcut table writes them', () => {
    expect(keyName(key('z', { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+Z');
    expect(keyName(key('ArrowLeft', { altKey: true, shiftKey: true }))).toBe('Alt+Shift+←');
    expect(keyName(key('?', { shiftKey: true }))).toBe('?');
    expect(keyName(key('Backspace'))).toBe('Delete');
  });
  it('resolves actions per scope, global ones everywhere', () => {
    expect(actionFor(key('j'), 'review')).toBe('next');
    expect(actionFor(key('j'), 'document')).toBeNull();
    expect(actionFor(key('z', { metaKey: true }), 'document')).toBe('undo');
    expect(actionFor(key('A', { shiftKey: true }), 'document')).toBe('accept-all');
    expect(actionFor(key('a'), 'document')).toBe('accept');
  });
  it('has no two shortcuts on the same key in one scope', () => {
    for (const scope of ['review', 'document'] as const) {
      const keys = SHORTCUTS.filter((s) => s.scope === scope || s.scope === 'global').map((s) => s.keys);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
  it('picks labels by their own hotkey first, then by position among the rest', () => {
    const labels = [
      { name: 'PER', hotkey: null },
      { name: 'ORG', hotkey: 'o' },
      { name: 'LOC', hotkey: null },
      { name: 'DATE', hotkey: '2' },
    ];
    expect(labelForKey('o', labels)).toBe('ORG');
    expect(labelForKey('1', labels)).toBe('PER');
    expect(labelForKey('2', labels)).toBe('DATE');
    expect(labelForKey('3', labels)).toBeNull();
    expect(labelForKey('q', labels)).toBeNull();
  });
});
