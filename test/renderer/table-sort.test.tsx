/** Every table sorts by every column: header buttons, aria-sort, the language's order, numbers and dates. */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Table, type Column } from '../../renderer/components/Table';
import { StatusChip } from '../../renderer/components/StatusChip';
import { setup } from './support/render-app';

interface Row {
  name: string;
  reports: number;
  due: string;
  state: 'on_time' | 'missing' | 'upcoming';
}

const rows: Row[] = [
  { name: 'Fort Smith', reports: 12, due: '2026-01-30', state: 'missing' },
  { name: 'Délı̨nę', reports: 2, due: '2025-10-30', state: 'on_time' },
  { name: 'aklavik', reports: 100, due: '2026-04-30', state: 'upcoming' },
  { name: 'Behchokǫ̀', reports: 9, due: '', state: 'on_time' },
];

const columns: Array<Column<Row>> = [
  { key: 'name', header: 'Community', rowHeader: true, render: (r) => <a href="#/x">{r.name}</a> },
  { key: 'reports', header: 'Reports', numeric: true, render: (r) => r.reports.toLocaleString('fr-CA') },
  { key: 'due', header: 'Due', render: (r) => r.due, sortValue: (r) => r.due || null },
  { key: 'state', header: 'State', render: (r) => <StatusChip kind="completeness" value={r.state} />, sortValue: (r) => r.state },
  { key: 'edit', header: 'Edit', render: () => <input aria-label="x" /> },
];

const names = () => screen.getAllByRole('rowheader').map((c) => c.textContent);

describe('a sortable table', () => {
  it('sorts by words in the language’s order, numbers as numbers and dates by date, each column a button with aria-sort', () => {
    setup({}).renderIn(<Table caption="Reports" columns={columns} rows={rows} rowKey={(r) => r.name} />);
    expect(names()).toEqual(['Fort Smith', 'Délı̨nę', 'aklavik', 'Behchokǫ̀']);
    const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(name) });
    // A column of inputs has nothing to compare: a plain header.
    expect(within(header('Edit')).queryByRole('button')).toBeNull();
    expect(header('Community').getAttribute('aria-sort')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Community' }));
    expect(names()).toEqual(['aklavik', 'Behchokǫ̀', 'Délı̨nę', 'Fort Smith']);
    expect(header('Community').getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByRole('button', { name: 'Community' }));
    expect(names()).toEqual(['Fort Smith', 'Délı̨nę', 'Behchokǫ̀', 'aklavik']);
    expect(header('Community').getAttribute('aria-sort')).toBe('descending');

    fireEvent.click(screen.getByRole('button', { name: 'Reports' }));
    expect(names()).toEqual(['Délı̨nę', 'Behchokǫ̀', 'Fort Smith', 'aklavik']);
    expect(header('Reports').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Community').getAttribute('aria-sort')).toBeNull();

    // Dates by date, the empty one last in both directions.
    fireEvent.click(screen.getByRole('button', { name: 'Due' }));
    expect(names()).toEqual(['Délı̨nę', 'Fort Smith', 'aklavik', 'Behchokǫ̀']);
    fireEvent.click(screen.getByRole('button', { name: 'Due' }));
    expect(names()).toEqual(['aklavik', 'Fort Smith', 'Délı̨nę', 'Behchokǫ̀']);
  });

  it('is operable from the keyboard: the header buttons are real buttons in the tab order', () => {
    setup({}, 'fr').renderIn(<Table caption="Rapports" columns={columns} rows={rows} rowKey={(r) => r.name} />);
    const button = screen.getByRole('button', { name: 'Reports' });
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('type')).toBe('button');
    button.focus();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button); // Enter and Space on a <button> are a click
    expect(names()).toEqual(['Délı̨nę', 'Behchokǫ̀', 'Fort Smith', 'aklavik']);
  });

  it('does not sort a printed table or a table of one row', () => {
    setup({}).renderIn(
      <>
        <Table caption="Printed" sortable={false} columns={columns} rows={rows} rowKey={(r) => r.name} />
        <Table caption="One" columns={columns} rows={rows.slice(0, 1)} rowKey={(r) => r.name} />
      </>,
    );
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});
