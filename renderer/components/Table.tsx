import type { ReactNode } from 'react';

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
  return (
    <div className="table-wrap">
      <table className={['table', compact ? 'table--compact' : '', className ?? ''].filter(Boolean).join(' ')}>
        <caption className={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
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
