// Maps the browser's text selection to offsets in the document text. Every rendered piece is
// an element carrying `data-start` with exactly one text node, so offsets are exact.
function offsetOf(node: Node, offset: number, root: HTMLElement): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const el = node.parentElement?.closest<HTMLElement>('[data-start]');
    if (!el || !root.contains(el)) return null;
    return Number(el.dataset.start) + offset;
  }
  // An element boundary: use its child at `offset` (or the end of the last one).
  const el = node as HTMLElement;
  const child = el.childNodes[offset] ?? null;
  const target = child ?? el.lastChild;
  if (!target) return null;
  const holder =
    (target.nodeType === Node.TEXT_NODE ? target.parentElement : (target as HTMLElement))?.closest<HTMLElement>('[data-start]') ??
    (target as HTMLElement).querySelector?.('[data-start]');
  if (!holder || !root.contains(holder)) return null;
  return Number(holder.dataset.start) + (child ? 0 : (holder.textContent?.length ?? 0));
}

export function selectionOffsets(root: HTMLElement): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const a = offsetOf(range.startContainer, range.startOffset, root);
  const b = offsetOf(range.endContainer, range.endOffset, root);
  if (a === null || b === null || a === b) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}
