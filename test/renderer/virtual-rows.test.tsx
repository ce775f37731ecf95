/**
 * Long lists render only what is on screen (issue 13 §4): a short table is rendered whole as
 * before; a long one renders a window of rows with its full length kept (gaps, aria-rowcount,
 * aria-rowindex), sorts all its rows, moves from row to row by keyboard, never drops the focused
 * row nor a row typed in, and prints whole. The progress form of a plan of 150 actions renders a
 * window of them, each in its priority's section, and a refused submission still focuses the
 * field in error in a row far down the form.
 *
 * jsdom lays nothing out: rows are given a height (offsetHeight, which TanStack Virtual measures)
 * and the window its size and scroll position by hand.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Action, Priority } from '../../shared/domain';
import { ProgressScreen } from '../../renderer/features/progress/ProgressScreen';
import { action, entry, planFixture, progressFixture } from './support/plan-fixture';
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
  beforeEach(() => scrollWindowTo(0));
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

  it('renders a window of a 150-action progress form, each row in its priority’s section, and focuses a refused field far down', async () => {
    const plan = planFixture();
    const actions = (priorityId: string, from: number): Action[] => Array.from({ length: 75 }, (_, i) => ({ ...action(`act${from + i}`, `Action ${from + i}`), priorityId }));
    const first = plan.priorities[0]!;
    const second: Priority = { ...first, id: 'pri2', rank: 1, title: 'Safer homes', actions: actions('pri2', 76), indicators: [] };
    plan.priorities = [{ ...first, actions: actions('pri1', 1), indicators: [] }, second];
    const all = plan.priorities.flatMap((p) => p.actions);
    // Every action recorded but the last: the report waits for that one.
    const entries = Object.fromEntries(all.slice(0, -1).map((a) => [a.id, entry(a.id, 'on_track', 'Done')]));
    const progress = { ...progressFixture(), indicators: [], report: { ...progressFixture().report, submissionOpensOn: '2026-01-01' }, rows: all.map((a) => ({ action: a, priorityTitle: '', entry: entries[a.id] ?? null, plannedThisQuarter: true, previous: null })) };
    const app = setup({ 'plans:get': () => plan, 'progress:get': () => progress });
    const profile = await app.client.call('installation:get', {});
    app.store.setState({ profile: { ...profile, role: 'liaison' } });
    app.renderIn(<ProgressScreen planId="plan1" quarter={2} />);
    await screen.findAllByRole('heading', { level: 3 }, { timeout: 8000 });

    const rendered = () => screen.queryAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(rendered().length).toBeLessThan(40);
    expect(rendered()[0]).toBe('Action 1');
    expect(screen.getByRole('region', { name: 'Reduce impaired driving' }).querySelector('h2')?.textContent).toBe('Reduce impaired driving');

    // At the end, the last rows sit in their priority's section, named though its heading is not rendered.
    scrollWindowTo(1_000_000);
    expect(rendered()).toContain('Action 150');
    expect(rendered()).not.toContain('Action 1');
    expect(screen.queryByRole('heading', { level: 2, name: 'Safer homes' })).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Safer homes' })).getByRole('heading', { name: 'Action 150' })).toBeTruthy();

    // Back at the top, Submit: the last action holds the report back, and focus goes to its status.
    scrollWindowTo(0);
    expect(rendered()).not.toContain('Action 150');
    fireEvent.click(screen.getByRole('button', { name: /Submit the Q2 report/ }));
    await waitFor(() => expect(document.activeElement?.closest('section.progress-row')?.querySelector('h3')?.textContent).toBe('Action 150'), { timeout: 8000 });
    expect((document.activeElement as HTMLElement).id).toMatch(/status/);
  });
});
