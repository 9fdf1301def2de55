// Timings taken inside the page: from a click (or a scroll) to the moment the DOM shows the data
// asked for, then to the next painted frame. The wait is a MutationObserver plus a 10 ms poll, so
// it sees the DOM the moment Svelte writes it; nothing is evaluated as code (the page's CSP
// forbids eval), the conditions are selectors and texts.
import type { Page } from 'playwright-core';

/** An element matching `sel` (and whose text starts with `text`, if given) exists and its text does not match `not`. */
export interface Condition {
  sel: string;
  text?: string;
  not?: string;
}

export interface Timing {
  /** ms to the data in the DOM. */
  dom: number;
  /** ms to the next frame after that: the view painted with its data. */
  painted: number;
  /** What the waited-for element says (the row's name, the total…). */
  says: string;
}

export const TIMEOUT_MS = 120_000;

/** Clicks the element `click` selects (the one whose text starts with `clickText`, if given), then waits for every condition. */
export async function clickUntil(page: Page, click: Condition | null, conditions: Condition[], timeoutMs = TIMEOUT_MS): Promise<Timing | null> {
  return page.evaluate(
    async ({ click, conditions, timeoutMs }) => {
      const find = (c: { sel: string; text?: string }) =>
        [...document.querySelectorAll<HTMLElement>(c.sel)].find((e) => c.text === undefined || (e.textContent ?? '').trim().startsWith(c.text)) ?? null;
      const holds = (c: { sel: string; text?: string; not?: string }) => {
        const e = find(c);
        return e !== null && (c.not === undefined || !new RegExp(c.not).test(e.textContent ?? ''));
      };
      const t0 = performance.now();
      if (click) {
        const target = find(click);
        if (!target) throw new Error(`nothing to click at ${click.sel} ${click.text ?? ''}`);
        target.click();
      }
      const dom = await new Promise<number | null>((resolve) => {
        let done = false;
        const check = () => {
          if (done) return;
          const ms = performance.now() - t0;
          if (conditions.every(holds) || ms > timeoutMs) {
            done = true;
            observer.disconnect();
            clearInterval(timer);
            resolve(ms > timeoutMs ? null : ms);
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        const timer = setInterval(check, 10);
      });
      if (dom === null) return null;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const last = conditions.at(-1)!;
      return { dom, painted: performance.now() - t0, says: (find(last)?.textContent ?? '').trim().slice(0, 60) };
    },
    { click, conditions, timeoutMs },
  );
}

export interface ScrollTiming extends Timing {
  /** The 1-based row waited for. */
  row: number;
  /** Set when the scroll height is short of rows × row height (a browser's height limit). */
  clipped?: string;
}

/** Scrolls the documents table to its top, middle or end and waits for the row there to show its data. */
export async function scrollUntil(page: Page, where: 'top' | 'middle' | 'end', timeoutMs = TIMEOUT_MS): Promise<ScrollTiming | null> {
  return page.evaluate(
    async ({ where, timeoutMs }) => {
      const scroller = () => document.querySelector<HTMLElement>('[data-testid=documents-scroll]')!;
      const total = Number(document.querySelector('[data-testid=documents-table]')!.getAttribute('aria-rowcount'));
      const rowHeight = document.querySelector<HTMLElement>('[data-testid=documents-row]')!.offsetHeight;
      const el = scroller();
      const t0 = performance.now();
      const max = el.scrollHeight - el.clientHeight;
      el.scrollTop = where === 'top' ? 0 : where === 'middle' ? max / 2 : max;
      const top = el.scrollTop; // as the browser clamped it
      const row = where === 'end' ? total : Math.min(total, Math.floor((top + el.clientHeight / 2) / rowHeight) + 1);
      const clipped =
        el.scrollHeight + 1 < total * rowHeight ? `scroll height ${el.scrollHeight} px < ${total} rows × ${rowHeight} px = ${total * rowHeight} px` : undefined;
      const name = () => document.querySelector(`[data-testid=documents-row][aria-rowindex="${row}"] .name`);
      const dom = await new Promise<number | null>((resolve) => {
        const check = () => {
          const ms = performance.now() - t0;
          if (name() || ms > timeoutMs) {
            clearInterval(timer);
            resolve(ms > timeoutMs ? null : ms);
          }
        };
        const timer = setInterval(check, 5);
      });
      if (dom === null) return null;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      return { dom, painted: performance.now() - t0, says: name()?.textContent?.trim() ?? '', row, ...(clipped ? { clipped } : {}) };
    },
    { where, timeoutMs },
  );
}
