/**
 * The parts a long list renders around its rows (virtual-rows.ts): the empty space standing for
 * rows not rendered, in a table or in a column of blocks, and a list of blocks (conflicts, say)
 * that says its length and each block's place to screen readers.
 */
import { Fragment, useMemo, useRef, type ReactNode } from 'react';
import { useVirtualRows, type VirtualRowsOptions } from './virtual-rows';
import './virtual-rows.css';

/** A table row standing for the rows not rendered: hidden from screen readers (aria-rowcount tells them). */
export function GapRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr className="virtual-gap" aria-hidden="true">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}

/** Empty space standing for blocks not rendered. */
export function GapBlock({ height }: { height: number }) {
  if (height <= 0) return null;
  return <div className="virtual-gap" aria-hidden="true" style={{ height }} />;
}

export interface VirtualListProps<T> extends Omit<VirtualRowsOptions, 'keys'> {
  items: readonly T[];
  itemKey: (item: T) => string;
  /** What the list is, for screen readers. */
  label: string;
  render: (item: T) => ReactNode;
  className?: string;
}

/**
 * A column of blocks of different heights, each measured. Short, it renders every block as given
 * (no wrapper); long, a list whose items carry aria-setsize and aria-posinset, so a screen reader
 * says "12 of 640" though only the blocks near the screen exist.
 */
export function VirtualList<T>({ items, itemKey, label, render, className, ...options }: VirtualListProps<T>) {
  const keyOf = useRef(itemKey);
  keyOf.current = itemKey;
  const keys = useMemo(() => items.map((item) => keyOf.current(item)), [items]);
  const list = useVirtualRows({ keys, ...options });
  if (!list.virtual) return <>{items.map((item, i) => <Fragment key={keys[i]}>{render(item)}</Fragment>)}</>;
  return (
    <div role="list" aria-label={label} className={['virtual-list', className ?? ''].filter(Boolean).join(' ')} ref={list.containerRef} {...list.containerProps}>
      {list.rows.map((row) => {
        const item = items[row.index]!;
        return (
          <Fragment key={row.key}>
            <GapBlock height={row.gapBefore} />
            <div role="listitem" aria-setsize={items.length} aria-posinset={row.index + 1} data-index={row.index} ref={list.measureRef} className="virtual-list__item">
              {render(item)}
            </div>
          </Fragment>
        );
      })}
      <GapBlock height={list.gapAfter} />
    </div>
  );
}
