import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/app/App';
import { PlanScreen } from '../../renderer/features/plans/PlanScreen';
import { planFixture } from './support/plan-fixture';
import { setup } from './support/render-app';

describe('the main navigation', () => {
  it('leads to one roll-up with tabs and one place for printing and exports, and marks the current section', async () => {
    const app = setup({});
    // An older address of a roll-up tab lands in the roll-up section.
    app.store.getState().syncRoute('#/reports/status');
    app.renderIn(<App />);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const rollup = screen.getByRole('link', { name: 'Territorial roll-up' });
    expect(nav.contains(rollup)).toBe(true);
    expect(rollup.getAttribute('href')).toBe('#/rollup/completeness');
    expect(rollup.getAttribute('aria-current')).toBe('page');
    const exports = screen.getByRole('link', { name: 'Printing and exports' });
    expect(exports.getAttribute('href')).toBe('#/exports');
    expect(exports.getAttribute('aria-current')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Reports' })).toBeNull();
  });

  it('names them in French', async () => {
    const app = setup({}, 'fr');
    app.renderIn(<App />);
    expect(screen.getByRole('link', { name: 'Vue territoriale' }).getAttribute('href')).toBe('#/rollup/completeness');
    expect(screen.getByRole('link', { name: 'Impression et exports' }).getAttribute('href')).toBe('#/exports');
  });
});

describe('the plan screen', () => {
  const handlers = { 'plans:get': () => planFixture(), 'plans:list': () => [] };

  it('links to the printable annual plan, which ends with the year-end summary', async () => {
    setup(handlers).renderIn(<PlanScreen planId="plan1" />);
    const link = await screen.findByRole('link', { name: 'Print the annual plan' });
    expect(link.getAttribute('href')).toBe('#/print/annual/plan1');
    expect(link.getAttribute('aria-describedby')).toBe('plan-print-hint');
    expect(document.getElementById('plan-print-hint')?.textContent).toBe('The printed annual plan ends with the year-end summary.');
  });

  it('says it in French', async () => {
    setup(handlers, 'fr').renderIn(<PlanScreen planId="plan1" />);
    expect((await screen.findByRole('link', { name: 'Imprimer le plan annuel' })).getAttribute('href')).toBe('#/print/annual/plan1');
  });
});
