/**
 * Long lists render only what is on screen (issue 13 §4): a short table is rendered whole as
 * before; a long one renders a window of rows with its full length kept (gaps, aria-rowcount,
 * aria-rowindex), sorts all its rows, moves from row to row by keyboard, never drops the focused
 * row nor a row typed in, and prints whole.
 *
 * jsdom lays nothing out: rows are given a height (offsetHeight, which TanStack Virtual measures)
 * and the window its size and scroll position by hand.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Table, type Column } from '../../renderer/components/Table';
import { VirtualList } from '../../renderer/components/VirtualRows';
import { setup } from './support/render-app';

const ROW = 36;

interface Row {
  id: string;
  name: string;
  count: number;
}
const rowsOf = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, name: `Community ${String(i + 1).padStart(4, '0')}`, count: i }));
const columns: Array<Column<Row>> = [
  { key: 'name', header: 'Community', rowHeader: true, render: (r) => <a href={`#/c/${r.id}`}>{r.name}</a> },
  { key: 'count', header: 'Reports', numeric: true, render: (r) => r.count },
];

const bodyRows = () => [...document.querySelectorAll('tbody tr:not(.virtual-gap)')];
const gapHeight = () => [...document.querySelectorAll<HTMLElement>('tbody tr.virtual-gap td')].reduce((sum, td) => sum + Number.parseFloat(td.style.height), 0);

function scrollWindowTo(y: number) {
  act(() => {
    Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
    window.dispatchEvent(new Event('scroll'));
  });
}

describe('long lists', () => {
  const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
  const rect = Element.prototype.getBoundingClientRect;
  const scrollTo = window.scrollTo;
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => ROW });
    // Every list starts at the top of the page, which moves up as the page scrolls.
    Element.prototype.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: -window.scrollY, width: 1000, height: ROW });
    // What the browser does when a row is scrolled to: the page's offset changes and says so.
    window.scrollTo = ((options: ScrollToOptions) => scrollWindowTo(options.top ?? 0)) as typeof window.scrollTo;
    Object.defineProperty(window, 'innerHeight', { value: 720, configurable: true });
  });
  afterAll(() => {
    if (offsetHeight) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offsetHeight);
    Element.prototype.getBoundingClientRect = rect;
    window.scrollTo = scrollTo;
    scrollWindowTo(0);
  });

  it('renders a short table whole, as before, with no row numbers', () => {
    setup({}).renderIn(<Table caption="Communities" columns={columns} rows={rowsOf(60)} rowKey={(r) => r.id} />);
    expect(bodyRows()).toHaveLength(60);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBeNull();
    expect(document.querySelector('.virtual-gap')).toBeNull();
  });

  it('renders a window of a 2,000-row table, keeps its full height and tells its length, and sorts every row', () => {
    setup({}).renderIn(<Table caption="Communities" columns={columns} rows={rowsOf(2000)} rowKey={(r) => r.id} />);
    const shown = bodyRows();
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length).toBeLessThan(60);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('2001');
    expect(shown[0]!.getAttribute('aria-rowindex')).toBe('2');
    // The rows not rendered are empty space of their height: the scroll bar is the list's.
    expect(shown.length * ROW + gapHeight()).toBe(2000 * ROW);

    // Scrolled half way: the rows there, numbered by their place in the whole table.
    scrollWindowTo(1000 * ROW);
    const middle = bodyRows().map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(middle).toContain(1002);
    expect(middle).not.toContain(2);
    expect(bodyRows().length * ROW + gapHeight()).toBe(2000 * ROW);

    // Sorting sorts the whole table, not the rows on screen.
    scrollWindowTo(0);
    fireEvent.click(screen.getByRole('button', { name: 'Reports' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reports' }));
    expect(bodyRows()[0]!.textContent).toContain('Community 2000');
  });

  it('moves by keyboard from row to row and to the last row, rendering it first, and keeps the focused row when scrolled away', () => {
    setup({}).renderIn(<Table caption="Communities" columns={columns} rows={rowsOf(2000)} rowKey={(r) => r.id} />);
    screen.getByRole('link', { name: 'Community 0001' }).focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('Community 0002');

    fireEvent.keyDown(document.activeElement!, { key: 'End', ctrlKey: true });
    expect(document.activeElement?.textContent).toBe('Community 2000');
    expect(document.activeElement?.closest('tr')?.getAttribute('aria-rowindex')).toBe('2001');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement?.textContent).toBe('Community 1999');

    // Scrolled back to the top with focus still on row 1999: that row stays, and keeps focus.
    scrollWindowTo(0);
    expect(screen.getByRole('link', { name: 'Community 0001' })).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Community 1999');
    expect(bodyRows().length * ROW + gapHeight()).toBe(2000 * ROW);

    fireEvent.keyDown(document.activeElement!, { key: 'Home', ctrlKey: true });
    expect(document.activeElement?.textContent).toBe('Community 0001');
  });

  it('keeps a block someone typed in rendered, and says each block’s place in a long list', () => {
    const items = rowsOf(400);
    setup({}).renderIn(
      <VirtualList
        items={items}
        itemKey={(r) => r.id}
        label="Conflicts"
        estimateSize={() => ROW}
        render={(r) => (
          <section aria-label={r.name}>
            <label>
              Merge {r.name}
              <textarea />
            </label>
          </section>
        )}
      />,
    );
    const list = screen.getByRole('list', { name: 'Conflicts' });
    const first = screen.getAllByRole('listitem')[0]!;
    expect(first.getAttribute('aria-setsize')).toBe('400');
    expect(first.getAttribute('aria-posinset')).toBe('1');
    expect(list.querySelectorAll('[role="listitem"]').length).toBeLessThan(60);

    const field = screen.getByLabelText('Merge Community 0003');
    fireEvent.input(field, { target: { value: 'Both texts, merged by hand' } });
    fireEvent.blur(field, { relatedTarget: document.body });
    scrollWindowTo(300 * ROW);
    expect((screen.getByLabelText('Merge Community 0003') as HTMLTextAreaElement).value).toBe('Both texts, merged by hand');
    expect(screen.queryByLabelText('Merge Community 0004')).toBeNull();
  });

  it('prints a long table whole', () => {
    setup({}).renderIn(<Table caption="Communities" columns={columns} rows={rowsOf(300)} rowKey={(r) => r.id} />);
    expect(bodyRows().length).toBeLessThan(60);
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(bodyRows()).toHaveLength(300);
    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    expect(bodyRows().length).toBeLessThan(60);
  });
});
