/**
 * A data table whose every column can be sorted: the column headers are buttons (Enter or Space
 * sorts, a second press reverses), the sorted column says so with aria-sort, and the rows are
 * compared by the value shown — words in the language's order (Intl.Collator, so "Délı̨nę" sits
 * with the D's and "Q10" after "Q9"), numbers as numbers, dates by date. A column gives its
 * `sortValue` when what it shows is not plain text (a chip, a link with hidden words, a formatted
 * number); otherwise the words it renders are read. A column with nothing to compare (inputs,
 * buttons) keeps a plain header. Rows start in the order given.
 *
 * A table of more than VIRTUAL_FROM rows renders only the rows near the screen (virtual-rows.ts):
 * the table says how many rows it has (aria-rowcount) and each rendered row its place
 * (aria-rowindex); sorting sorts them all.
 */
import { Children, Fragment, isValidElement, useCallback, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualRows } from './virtual-rows';
import { GapRow } from './VirtualRows';
import './table.css';

export type SortValue = string | number | Date | null | undefined;

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  numeric?: boolean;
  /** The cell that names the row, read by screen readers before the others. */
  rowHeader?: boolean;
  /** What the column sorts by, when the cell is not plain text (numbers as numbers, dates as Date or ISO text). */
  sortValue?: (row: T) => SortValue;
  /** false: this column is not sortable (its header stays plain text). */
  sortable?: boolean;
}

export interface TableProps<T> {
  caption: ReactNode;
  /** Keep the caption for screen readers only when a heading above already says it. */
  hideCaption?: boolean;
  columns: ReadonlyArray<Column<T>>;
  rows: readonly T[];
  rowKey: (row: T) => string;
  compact?: boolean;
  className?: string;
  /** false: no column sorts (a printed document, a table of one row). */
  sortable?: boolean;
  /** A row's likely height in pixels before it is measured, for a long table (36 by default). */
  rowHeight?: number;
}

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: string;
  direction: SortDirection;
}

/** The words a rendered cell shows, read from the element tree (strings and numbers in children). */
export function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode; className?: string }>(node)) {
    // Words only for screen readers (visually hidden) are not what the column shows.
    if (typeof node.props.className === 'string' && node.props.className.split(' ').includes('visually-hidden')) return '';
    return Children.toArray(node.props.children).map(textOf).join('');
  }
  return '';
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/**
 * Compares two sort values: empty last whatever the direction, numbers and dates numerically,
 * ISO dates by date, words with the collator (numeric runs compared as numbers).
 */
export function compareSortValues(a: SortValue, b: SortValue, collator: Intl.Collator, numeric: boolean): number {
  const empty = (v: SortValue) => v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));
  if (empty(a) || empty(b)) return empty(a) === empty(b) ? 0 : empty(a) ? 1 : -1;
  const num = (v: SortValue): number | null => {
    if (typeof v === 'number') return v;
    if (v instanceof Date) return v.getTime();
    if (typeof v === 'string' && ISO_DAY.test(v)) return Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v);
    if (numeric && typeof v === 'string') {
      // "1 234,5 %", "1,234.5": the digits of a formatted number, French or English.
      const cleaned = v.replace(/[\s\u00a0\u202f]/g, '').replace(/[^\d,.-]/g, '');
      const normal = /,\d{1,2}$/.test(cleaned) ? cleaned.replace(/\./g, '').replace(',', '.') : cleaned.replace(/,/g, '');
      const n = Number.parseFloat(normal);
      return Number.isNaN(n) ? null : n;
    }
    return null;
  };
  const na = num(a);
  const nb = num(b);
  if (na !== null && nb !== null) return na - nb;
  return collator.compare(String(a), String(b));
}

function SortMark({ direction }: { direction: SortDirection | null }) {
  return (
    <svg className="table__sort-mark" width={10} height={12} viewBox="0 0 10 12" aria-hidden="true" focusable="false">
      <path d="M5 1L1.5 5h7z" fill="currentColor" opacity={direction === 'descending' ? 0.3 : 1} />
      <path d="M5 11L1.5 7h7z" fill="currentColor" opacity={direction === 'ascending' ? 0.3 : 1} />
    </svg>
  );
}

export function Table<T>({ caption, hideCaption = false, columns, rows, rowKey, compact = false, className, sortable = true, rowHeight = 36 }: TableProps<T>) {
  const { i18n } = useTranslation();
  const [sort, setSort] = useState<SortState | null>(null);
  const locale = i18n.language === 'fr' ? 'fr-CA' : 'en-CA';
  const captionId = useId();

  // Which columns can sort: those with a sort value, or with words in at least one cell.
  const sortKeys = useMemo(() => {
    const value = new Map<string, (row: T) => SortValue>();
    if (!sortable || rows.length < 2) return value;
    for (const c of columns) {
      if (c.sortable === false) continue;
      if (c.sortValue) value.set(c.key, c.sortValue);
      else if (rows.some((r) => textOf(c.render(r)).trim() !== '')) value.set(c.key, (r) => textOf(c.render(r)).trim());
    }
    return value;
  }, [columns, rows, sortable]);

  const shown = useMemo(() => {
    const get = sort ? sortKeys.get(sort.key) : undefined;
    if (!sort || !get) return rows;
    const column = columns.find((c) => c.key === sort.key);
    const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    const keyed = rows.map((row, index) => ({ row, index, value: get(row) }));
    const sign = sort.direction === 'ascending' ? 1 : -1;
    keyed.sort((a, b) => {
      const aEmpty = a.value === null || a.value === undefined || a.value === '';
      const bEmpty = b.value === null || b.value === undefined || b.value === '';
      // Empty cells stay at the bottom in both directions; ties keep the given order.
      if (aEmpty || bEmpty) return aEmpty === bEmpty ? a.index - b.index : aEmpty ? 1 : -1;
      return sign * compareSortValues(a.value, b.value, collator, column?.numeric ?? false) || a.index - b.index;
    });
    return keyed.map((k) => k.row);
  }, [rows, sort, sortKeys, columns, locale]);

  // The keys change with the rows, not with each render's new rowKey function.
  const keyOf = useRef(rowKey);
  keyOf.current = rowKey;
  const keys = useMemo(() => shown.map((row) => keyOf.current(row)), [shown]);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const list = useVirtualRows({ keys, estimateSize });

  function toggle(key: string) {
    setSort((s) => (s?.key === key ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: 'ascending' }));
  }

  return (
    // On a narrow window a wide table scrolls inside its own box, not the page: the box is a named
    // region that takes focus, so the keyboard can scroll it too (WCAG 1.4.10, 2.1.1).
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={['table', compact ? 'table--compact' : '', className ?? ''].filter(Boolean).join(' ')} aria-rowcount={list.virtual ? shown.length + 1 : undefined}>
        <caption id={captionId} className={hideCaption ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead>
          <tr aria-rowindex={list.virtual ? 1 : undefined}>
            {columns.map((c) => {
              const direction = sort?.key === c.key ? sort.direction : null;
              return (
                <th key={c.key} scope="col" className={c.numeric ? 'numeric' : undefined} aria-sort={direction ?? undefined}>
                  {sortKeys.has(c.key) ? (
                    <button type="button" className="table__sort" onClick={() => toggle(c.key)}>
                      {c.header}
                      <SortMark direction={direction} />
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody ref={list.containerRef} {...list.containerProps}>
          {list.rows.map(({ index, key, gapBefore }) => {
            const row = shown[index]!;
            return (
              <Fragment key={key}>
                <GapRow height={gapBefore} columns={columns.length} />
                <tr data-index={list.virtual ? index : undefined} aria-rowindex={list.virtual ? index + 2 : undefined} ref={list.virtual ? list.measureRef : undefined}>
                  {columns.map((c) =>
                    c.rowHeader ? (
                      <th key={c.key} scope="row" className={c.numeric ? 'numeric' : undefined}>
                        {c.render(row)}
                      </th>
                    ) : (
                      <td key={c.key} className={c.numeric ? 'numeric' : undefined}>
                        {c.render(row)}
                      </td>
                    ),
                  )}
                </tr>
              </Fragment>
            );
          })}
          <GapRow height={list.gapAfter} columns={columns.length} />
        </tbody>
      </table>
    </div>
  );
}
