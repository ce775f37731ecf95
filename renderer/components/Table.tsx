import { useId, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  numeric?: boolean;
  /** The cell that names the row, read by screen readers before the others. */
  rowHeader?: boolean;
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
}

export function Table<T>({ caption, hideCaption = false, columns, rows, rowKey, compact = false, className }: TableProps<T>) {
  const captionId = useId();
  return (
    // On a narrow window a wide table scrolls inside its own box, not the page: the box is a named
    // region that takes focus, so the keyboard can scroll it too (WCAG 1.4.10, 2.1.1).
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={['table', compact ? 'table--compact' : '', className ?? ''].filter(Boolean).join(' ')}>
        <caption id={captionId} className={hideCaption ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'numeric' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
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
          ))}
        </tbody>
      </table>
    </div>
  );
}
