import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { currentFiscalQuarter } from '../../renderer/app/today';
import { useYearAndSearch, YearAndSearchPanel } from '../../renderer/components/YearAndSearch';
import { setup } from './support/render-app';

function CommunityList() {
  const filter = useYearAndSearch();
  return (
    <>
      <YearAndSearchPanel filter={filter}>
        <span>own filter</span>
      </YearAndSearchPanel>
      <output>{`${filter.fiscalYear}|${filter.search}`}</output>
    </>
  );
}

describe('the year and search filters of the community lists', () => {
  it('start at this fiscal year with no search, and hold what the person picks and types', () => {
    const { renderIn } = setup({});
    const { container } = renderIn(<CommunityList />);
    const thisYear = currentFiscalQuarter().fiscalYear;
    expect(container.querySelector('output')!.textContent).toBe(`${thisYear}|`);
    fireEvent.change(screen.getByRole('combobox', { name: 'Fiscal year' }), { target: { value: String(thisYear - 1) } });
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'deline' } });
    expect(container.querySelector('output')!.textContent).toBe(`${thisYear - 1}|deline`);
  });

  it("keep the screen's own filters in the same row, after the year and the search", () => {
    const { renderIn } = setup({});
    const { container } = renderIn(<CommunityList />);
    const row = container.querySelector('.panel > .row')!;
    expect(row.lastElementChild!.textContent).toBe('own filter');
    expect(row.querySelector('select')).toBe(row.firstElementChild!.querySelector('select'));
  });
});
