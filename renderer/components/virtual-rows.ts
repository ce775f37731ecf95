/**
 * Long lists that stay fast (issue 13 §4): a list of more than VIRTUAL_FROM rows renders only the
 * rows near the screen (TanStack Virtual), the rest kept as empty space of their measured or
 * estimated height, so the scroll bar tells the list's true length. A shorter list renders every
 * row as before: find in page and the existing layout are untouched where they cost nothing.
 *
 * The page's own scroll is used (useWindowVirtualizer): a screen keeps one scroll bar, and the
 * sticky bars and the browser's scrolling of a focused field into view keep working. A list
 * inside a box that scrolls by itself (a dialog's body, the ten-year matrix) marks that box with
 * `data-virtual-scroller`, and its rows follow that box instead.
 *
 * Focus is never lost: the row holding focus stays rendered wherever the list is scrolled, and a
 * row about to be focused (`focusRow`, `reveal`) is rendered first. Nor is typing: a row someone
 * has typed or chosen something in stays rendered while the list is shown, so what its fields hold
 * in their own state (a comment being written, a merge being typed) is never dropped by scrolling. Tab moves through rows by
 * itself: the browser scrolls each newly focused field into view, and the rows around it follow.
 * Printing renders every row (beforeprint), so a printed list is whole.
 */
import { defaultRangeExtractor, useVirtualizer, useWindowVirtualizer, type Range, type VirtualItem } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type FormEvent, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';

/** A list longer than this renders only what is near the screen. */
export const VIRTUAL_FROM = 100;

export interface VirtualRowsOptions {
  /** One stable key per row, in the order shown. */
  keys: readonly string[];
  /** A row's likely height in pixels before it is measured. */
  estimateSize: (index: number) => number;
  /** Rows rendered beyond each edge of the screen. */
  overscan?: number;
  /** Lists up to this many rows render every row (VIRTUAL_FROM unless a test says otherwise). */
  threshold?: number;
}

export interface ShownRow {
  index: number;
  key: string;
  /** Empty space to leave before this row: the rows not rendered between it and the one before. */
  gapBefore: number;
}

export interface VirtualRows {
  /** false: every row is rendered, with no gaps. */
  virtual: boolean;
  rows: ShownRow[];
  /** Empty space after the last rendered row. */
  gapAfter: number;
  /** On the element holding the rows (a tbody, a div): where the list starts and where focus is. */
  containerRef: (element: HTMLElement | null) => void;
  /** On each row's outermost element, which carries data-index={row.index}: measures its height. */
  measureRef: (element: Element | null) => void;
  /** Handlers for the element holding the rows. */
  containerProps: {
    onFocus: (event: FocusEvent<HTMLElement>) => void;
    onBlur: (event: FocusEvent<HTMLElement>) => void;
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
    onInput: (event: FormEvent<HTMLElement>) => void;
    onChange: (event: FormEvent<HTMLElement>) => void;
  };
  /**
   * Renders the row of this key (kept rendered until another is revealed), for something about to
   * focus a field in it: focusing scrolls it into view. The key may be one of the next render's
   * rows (a filter about to show it).
   */
  reveal: (key: string) => void;
  /** Moves focus into a row (the same column's control when there is one), rendering it first. */
  focusRow: (index: number, column?: number | 'last') => void;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
const TYPING = 'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]), textarea, select, [contenteditable="true"]';

/** A control that can take focus now (not in a closed <details>, not hidden). */
function shown(element: HTMLElement): boolean {
  return typeof element.checkVisibility !== 'function' || element.checkVisibility();
}

function rowIndexOf(target: EventTarget | null, container: HTMLElement | null): number | null {
  if (!(target instanceof Element) || !container) return null;
  const row = target.closest('[data-index]');
  if (!row || !container.contains(row)) return null;
  const index = Number(row.getAttribute('data-index'));
  return Number.isInteger(index) ? index : null;
}

/** Where the list's first row starts, measured from the top of what scrolls (the page or the box). */
function listStart(container: HTMLElement, scroller: HTMLElement | null): number {
  const top = container.getBoundingClientRect().top;
  if (!scroller) return top + window.scrollY;
  return top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}

export function useVirtualRows({ keys, estimateSize, overscan = 6, threshold = VIRTUAL_FROM }: VirtualRowsOptions): VirtualRows {
  const [container, setContainer] = useState<HTMLElement | null>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [printing, setPrinting] = useState(false);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const [revealedKey, setRevealedKey] = useState<string | null>(null);
  const [editedKeys, setEditedKeys] = useState<ReadonlySet<string>>(() => new Set());
  const pendingFocus = useRef<{ key: string; column: number | 'last' | undefined } | null>(null);
  const virtual = keys.length > threshold && !printing;

  const indexOfKey = useMemo(() => new Map(keys.map((key, index) => [key, index])), [keys]);
  const pinned = useMemo(
    () => [...new Set([focusedKey, revealedKey, ...editedKeys])].map((key) => (key === null ? undefined : indexOfKey.get(key))).filter((i): i is number => i !== undefined),
    [focusedKey, revealedKey, editedKeys, indexOfKey],
  );
  const rangeExtractor = useCallback(
    (range: Range) => {
      const shown = defaultRangeExtractor(range);
      const extra = pinned.filter((i) => i < range.count && !shown.includes(i));
      return extra.length === 0 ? shown : [...shown, ...extra].sort((a, b) => a - b);
    },
    [pinned],
  );
  const getItemKey = useCallback((index: number) => keys[index] ?? index, [keys]);
  // useFlushSync false: the window's size is read inside a layout effect, where React cannot flush.
  const common = { count: keys.length, estimateSize, overscan, rangeExtractor, getItemKey, scrollMargin, useFlushSync: false };
  // Both hooks are always called (hooks keep their order); only the one for the list's scroller is enabled.
  const onPage = useWindowVirtualizer<Element>({ ...common, enabled: virtual && scroller === null });
  const inBox = useVirtualizer<HTMLElement, Element>({ ...common, getScrollElement: () => scroller, enabled: virtual && scroller !== null });
  const virtualizer = scroller === null ? onPage : inBox;

  const containerRef = useCallback((element: HTMLElement | null) => {
    setContainer(element);
    setScroller(element?.parentElement?.closest<HTMLElement>('[data-virtual-scroller]') ?? null);
  }, []);

  // The list's start moves when something above it changes (a banner, a filter's count): measured
  // after each render, a new value only when it really moved.
  useLayoutEffect(() => {
    if (!container || !virtual) return;
    const start = listStart(container, scroller);
    if (Math.abs(start - scrollMargin) > 1) setScrollMargin(start);
  });

  useEffect(() => {
    if (!virtual) return;
    document.addEventListener('keydown', noteTab, true);
    document.addEventListener('keyup', forgetTab, true);
    return () => {
      document.removeEventListener('keydown', noteTab, true);
      document.removeEventListener('keyup', forgetTab, true);
    };
  }, [virtual]);

  // A printed list is whole: every row is rendered before the browser lays out the pages.
  useEffect(() => {
    if (keys.length <= threshold) return;
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [keys.length, threshold]);

  const reveal = useCallback((key: string) => setRevealedKey(key), []);

  const focusRow = useCallback(
    (index: number, column?: number | 'last') => {
      const key = keys[index];
      if (key === undefined) return;
      pendingFocus.current = { key, column };
      setRevealedKey(key);
      if (virtual) virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [keys, virtual, virtualizer],
  );

  // A row asked for by focusRow takes focus as soon as it is rendered.
  useLayoutEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || !container) return;
    const index = indexOfKey.get(pending.key);
    const row = index === undefined ? null : container.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (!row) return;
    pendingFocus.current = null;
    const cell = typeof pending.column === 'number' ? row.children[pending.column] : null;
    const last = pending.column === 'last';
    // A row with nothing to focus (a group's heading) gives way to the next control along.
    const along = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => shown(el) && (row.contains(el) || (row.compareDocumentPosition(el) & (last ? Node.DOCUMENT_POSITION_PRECEDING : Node.DOCUMENT_POSITION_FOLLOWING)) !== 0));
    const inCell = cell instanceof HTMLElement ? (cell.matches(FOCUSABLE) ? cell : cell.querySelector<HTMLElement>(FOCUSABLE)) : null;
    const inRow = along.filter((el) => row.contains(el));
    const target = inCell ?? (last ? (inRow.at(-1) ?? along.at(-1)) : (inRow[0] ?? along[0])) ?? (row.tabIndex >= 0 ? row : null);
    target?.focus();
  });

  const containerProps = useMemo(() => {
    const edited = (event: FormEvent<HTMLElement>) => {
      const index = rowIndexOf(event.target, container);
      const key = index === null ? undefined : keys[index];
      if (key !== undefined && !editedKeys.has(key)) setEditedKeys(new Set(editedKeys).add(key));
    };
    return {
      onInput: edited,
      onChange: edited,
      onFocus: (event: FocusEvent<HTMLElement>) => {
        const index = rowIndexOf(event.target, container);
        // Tab from before the list lands in its first row, Shift+Tab from after it in its last,
        // though the rows rendered are those near the screen (the page may be scrolled elsewhere).
        const from = event.relatedTarget;
        if (virtual && index !== null && tabbing !== null && from instanceof Node && !event.currentTarget.contains(from)) {
          const after = (event.currentTarget.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
          const edge = tabbing === 'backward' && after ? keys.length - 1 : tabbing === 'forward' && !after ? 0 : null;
          if (edge !== null && edge !== index && !event.currentTarget.querySelector(`[data-index="${edge}"]`)) {
            focusRow(edge, edge === 0 ? undefined : 'last');
            return;
          }
        }
        const key = index === null ? undefined : keys[index];
        if (key !== undefined && key !== focusedKey) setFocusedKey(key);
      },
      onBlur: (event: FocusEvent<HTMLElement>) => {
        // Focus leaving the list (not moving within it) frees its row to leave the screen.
        if (!(event.relatedTarget instanceof Node) || !event.currentTarget.contains(event.relatedTarget)) {
          if (event.relatedTarget !== null) setFocusedKey(null);
        }
      },
      onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
        // In a long list, arrow keys go from row to row (the same column), Ctrl+Home/End to the
        // first and last, rendering the row first; not while typing, where they move the caret.
        if (!virtual || event.defaultPrevented || event.altKey || event.shiftKey || event.metaKey) return;
        if (event.target instanceof Element && event.target.matches(TYPING)) return;
        const index = rowIndexOf(event.target, container);
        if (index === null) return;
        let next: number | null = null;
        if (event.key === 'ArrowDown' && !event.ctrlKey) next = index + 1;
        else if (event.key === 'ArrowUp' && !event.ctrlKey) next = index - 1;
        else if (event.key === 'End' && event.ctrlKey) next = keys.length - 1;
        else if (event.key === 'Home' && event.ctrlKey) next = 0;
        if (next === null || next < 0 || next >= keys.length || next === index) return;
        const cell = event.target instanceof Element ? event.target.closest('[data-index] > *') : null;
        const column = cell?.parentElement ? Array.prototype.indexOf.call(cell.parentElement.children, cell) : undefined;
        event.preventDefault();
        focusRow(next, column);
      },
    };
  }, [container, keys, focusedKey, editedKeys, focusRow, virtual]);

  if (!virtual) {
    return { virtual: false, rows: keys.map((key, index) => ({ index, key, gapBefore: 0 })), gapAfter: 0, containerRef, measureRef: noMeasure, containerProps, reveal, focusRow };
  }
  const items: VirtualItem[] = virtualizer.getVirtualItems();
  const rows: ShownRow[] = [];
  let end = scrollMargin;
  for (const item of items) {
    rows.push({ index: item.index, key: String(item.key), gapBefore: Math.max(0, item.start - end) });
    end = item.end;
  }
  const gapAfter = Math.max(0, virtualizer.getTotalSize() + scrollMargin - end);
  return { virtual: true, rows, gapAfter, containerRef, measureRef: virtualizer.measureElement, containerProps, reveal, focusRow };
}

function noMeasure(): void {}

/** Whether focus is moving by Tab (forward) or Shift+Tab (backward) right now. */
let tabbing: 'forward' | 'backward' | null = null;
function noteTab(event: globalThis.KeyboardEvent): void {
  tabbing = event.key === 'Tab' ? (event.shiftKey ? 'backward' : 'forward') : null;
}
function forgetTab(): void {
  tabbing = null;
}
