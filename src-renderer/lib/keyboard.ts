// Every shortcut in one table: the handlers look actions up here and the "?" overlay lists it,
// so the two never disagree.
export type Scope = 'global' | 'review' | 'document';

export interface Shortcut {
  keys: string;
  action: string;
  description: string;
  scope: Scope;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: '?', action: 'shortcuts', description: 'Show these shortcuts', scope: 'global' },
  { keys: 'Ctrl+Z', action: 'undo', description: 'Undo the last change', scope: 'global' },
  { keys: 'Ctrl+Shift+Z', action: 'redo', description: 'Redo', scope: 'global' },
  { keys: 'Ctrl+Y', action: 'redo', description: 'Redo', scope: 'global' },
  { keys: 'Ctrl+F', action: 'find', description: 'Search documents', scope: 'global' },
  { keys: 'J', action: 'next', description: 'Next item', scope: 'review' },
  { keys: 'K', action: 'previous', description: 'Previous item', scope: 'review' },
  { keys: 'A', action: 'accept', description: 'Accept', scope: 'review' },
  { keys: 'X', action: 'reject', description: 'Reject', scope: 'review' },
  { keys: 'Enter', action: 'open', description: 'Open the item in its document', scope: 'review' },
  { keys: '1–9', action: 'relabel', description: 'Relabel (label hotkeys)', scope: 'review' },
  { keys: 'A', action: 'accept', description: 'Accept the selected span', scope: 'document' },
  { keys: 'X', action: 'reject', description: 'Reject the selected span', scope: 'document' },
  { keys: 'Delete', action: 'delete', description: 'Delete the selected span', scope: 'document' },
  { keys: '1–9', action: 'relabel', description: 'Label the selection / relabel the span', scope: 'document' },
  { keys: 'Shift+→', action: 'grow-end', description: 'Move the span end right', scope: 'document' },
  { keys: 'Shift+←', action: 'shrink-end', description: 'Move the span end left', scope: 'document' },
  { keys: 'Alt+Shift+←', action: 'grow-start', description: 'Move the span start left', scope: 'document' },
  { keys: 'Alt+Shift+→', action: 'shrink-start', description: 'Move the span start right', scope: 'document' },
  { keys: 'M', action: 'merge', description: 'Merge with the next span', scope: 'document' },
  { keys: 'S', action: 'split', description: 'Split the span at its middle word boundary', scope: 'document' },
  { keys: 'Shift+A', action: 'accept-all', description: 'Accept every occurrence of this text…', scope: 'document' },
  { keys: 'Shift+X', action: 'reject-all', description: 'Reject every occurrence of this text…', scope: 'document' },
  { keys: 'Escape', action: 'deselect', description: 'Clear the selection / close', scope: 'document' },
];

/** Keys that review actions own: a label hotkey may not take them. */
export const RESERVED_KEYS = new Set(['a', 'x', 'j', 'k', 'z', 'm', 's', '?']);

/** The canonical name of a key event, as written in SHORTCUTS ("Ctrl+Shift+Z", "Alt+Shift+←"). */
export function keyName(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string {
  const arrows: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };
  let key = arrows[e.key] ?? (e.key.length === 1 ? e.key.toUpperCase() : e.key);
  if (key === 'Backspace') key = 'Delete';
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  // Shift is part of "?" itself; for letters and arrows it is a modifier.
  if (e.shiftKey && key !== '?') parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

export function actionFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, scope: Scope): string | null {
  const name = keyName(e);
  const hit = SHORTCUTS.find((s) => (s.scope === scope || s.scope === 'global') && s.keys === name);
  return hit?.action ?? null;
}

/** Typing in a field is typing, not a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable === true;
}

/** The label a digit key picks: the label's own hotkey, else its position (1–9). */
export function labelForKey(key: string, labels: ReadonlyArray<{ name: string; hotkey: string | null }>): string | null {
  const own = labels.find((l) => l.hotkey !== null && l.hotkey.toLowerCase() === key.toLowerCase());
  if (own) return own.name;
  if (/^[1-9]$/.test(key) && !labels.some((l) => l.hotkey === key)) {
    const unassigned = labels.filter((l) => l.hotkey === null);
    return unassigned[Number(key) - 1]?.name ?? null;
  }
  return null;
}
