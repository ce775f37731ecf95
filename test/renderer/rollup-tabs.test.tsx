/**
 * The roll-up's tabs: an ARIA tablist whose tabs are links (each its own address), arrow keys
 * moving between them; the completeness tab says "upcoming" for a quarter not yet due, never
 * "not reported". The figures come from the real core (reports-fixture.ts, "today" 2025-11-15:
 * Q2 due 2025-10-30 has passed, Q3 runs until 2025-12-31).
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RollupData } from '../../shared/reports';
import { RollupScreen } from '../../renderer/features/rollup/RollupScreen';
import { buildReportFixture } from '../core/reports-fixture';
import { setup } from './support/render-app';

let data: RollupData;
let fx: ReturnType<typeof buildReportFixture>;
beforeAll(() => {
  fx = buildReportFixture();
  data = fx.t.must('rollup:get', { fiscalYear: 2025 });
});
afterAll(() => fx.t.core.close());

describe('the roll-up tabs', () => {
  it('are a tablist of links, one selected, the others reached with the arrow keys', async () => {
    window.location.hash = '#/coordinator';
    setup({ 'rollup:get': () => data }).renderIn(<RollupScreen view="completeness" />);
    const tablist = screen.getByRole('tablist', { name: 'Roll-up views' });
    const tabs = within(tablist).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Completeness', 'Action status', 'Themes and zones', 'Indicator trends', 'Commitment 4.4.2']);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false', 'false', 'false']);
    expect(tabs.map((t) => t.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1', '-1']);
    expect(tabs[3]!.getAttribute('href')).toBe('#/rollup/indicators');
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(tabs[0]!.id);
    // The older address became the tab's own.
    expect(window.location.hash).toBe('#/rollup/completeness');

    tabs[0]!.focus();
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tabs[1]);
    expect(window.location.hash).toBe('#/rollup/status');
    fireEvent.keyDown(tabs[1]!, { key: 'ArrowLeft' });
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(tabs[4]);
    expect(window.location.hash).toBe('#/rollup/commitment');
    fireEvent.keyDown(tabs[4]!, { key: 'Home' });
    expect(document.activeElement).toBe(tabs[0]);
  });

  it('say a quarter not yet due is upcoming, and name only who missed a quarter whose due date has passed', async () => {
    setup({ 'rollup:get': () => data }).renderIn(<RollupScreen view="completeness" />);
    const answers = await screen.findByTestId('completeness-answers');
    expect(answers.textContent).toContain('FY 2025–26 Q3 is upcoming: reports are due by');
    expect(answers.textContent).toContain('Nobody is late yet.');
    expect(answers.textContent).toMatch(/Not reported for FY 2025–26 Q2 \(due [^)]+\): Behchokǫ̀, Colville Lake\./);
    expect(answers.textContent).not.toContain('Q3 (due');
    // Export buttons come before the tables they export.
    const exportButton = screen.getAllByRole('button', { name: /Export CSV/ })[0]!;
    const matrix = screen.getByRole('table', { name: /completeness by community/i });
    expect(exportButton.compareDocumentPosition(matrix) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('show one indicator at a time across communities, chosen from a searchable list', async () => {
    setup({ 'rollup:get': () => data }).renderIn(<RollupScreen view="indicators" />);
    const pick = (await screen.findByRole('combobox', { name: 'Indicator' })) as HTMLSelectElement;
    expect(pick.options.length).toBeGreaterThan(1);
    const first = pick.options[0]!.textContent;
    fireEvent.change(pick, { target: { value: pick.options[1]!.value } });
    expect(screen.getByRole('table', { name: new RegExp(pick.options[1]!.textContent!.split(' (')[0]!) })).toBeTruthy();
    await act(async () => {
      fireEvent.change(screen.getByRole('searchbox', { name: 'Search indicators' }), { target: { value: 'zzzz-nothing' } });
    });
    expect(screen.getByText('No indicator matches these filters.', { selector: 'h3' })).toBeTruthy();
    expect(first).toBeTruthy();
  });

  it('are named in French', async () => {
    setup({ 'rollup:get': () => data }, 'fr').renderIn(<RollupScreen view="completeness" />);
    const answers = await screen.findByTestId('completeness-answers');
    expect(answers.textContent).toContain('EF 2025-2026 T3\u00a0: à venir.');
    expect(within(screen.getByRole('tablist')).getAllByRole('tab')[0]!.textContent).toBe('Complétude');
  });
});
