import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/app/App';
import { PlanScreen } from '../../renderer/features/plans/PlanScreen';
import { planFixture } from './support/plan-fixture';
import { setup } from './support/render-app';

describe('the main navigation', () => {
  it('leads to the roll-up reports, and marks it as the current section there', async () => {
    const app = setup({});
    app.store.getState().syncRoute('#/reports/status');
    app.renderIn(<App />);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const reports = screen.getByRole('link', { name: 'Reports' });
    expect(nav.contains(reports)).toBe(true);
    expect(reports.getAttribute('href')).toBe('#/reports/completeness');
    expect(reports.getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Territorial roll-up' }).getAttribute('aria-current')).toBeNull();
  });

  it('names it in French', async () => {
    const app = setup({}, 'fr');
    app.renderIn(<App />);
    expect(screen.getByRole('link', { name: 'Rapports' }).getAttribute('href')).toBe('#/reports/completeness');
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
