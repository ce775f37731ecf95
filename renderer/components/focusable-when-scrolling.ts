/**
 * A box that scrolls (a dialog's body on a short window) takes keyboard focus while it has more
 * than it shows and nothing inside it can take focus, so the keyboard can scroll it too (WCAG
 * 2.1.1; axe: scrollable-region-focusable). When it fits, it adds no tab stop.
 */
import { useCallback, useRef } from 'react';

const FOCUSABLE_INSIDE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function update(box: HTMLElement): void {
  const scrolls = box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
  if (scrolls && !box.querySelector(FOCUSABLE_INSIDE)) box.tabIndex = 0;
  else box.removeAttribute('tabindex');
}

export function useFocusableWhenScrolling<T extends HTMLElement>(): (box: T | null) => void {
  const observer = useRef<ResizeObserver | null>(null);
  return useCallback((box: T | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver(() => update(box));
    watch.observe(box);
    for (const child of box.children) watch.observe(child);
    observer.current = watch;
    update(box);
  }, []);
}
