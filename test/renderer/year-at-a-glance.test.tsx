import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CompletenessCell, CompletenessMatrix } from '../../shared/domain';
import { QUARTERS, reportDueDate } from '../../shared/fiscal-calendar';
import { completenessOf } from '../../shared/rules/completeness';
import { planningYearCalendar } from '../../shared/rules/year-at-a-glance';
import { YearAtAGlance } from '../../renderer/features/quarter-review/QuarterHome';
import { dueSoon } from '../../renderer/features/quarter-review/year-at-a-glance';
import { ReviewMark } from '../../renderer/features/quarter-review/ReviewMark';
import { setup } from './support/render-app';

/**
 * Issue 14 §5: the year at a glance, from the fiscal calendar the rules use. FY 2025–26, reports
 * due 30 days after a quarter: Q3 ends 2025-12-31 and is due 2026-01-30. "Today" 2026-01-20:
 * Q3's report is due in 10 days for Aklavik (not submitted) and not for Behchokǫ̀ (submitted);
 * Délı̨nę is not this computer's. On 2026-03-25 next year's plans are to be signed off by 31 March.
 */
const cells = (submitted: Partial<Record<number, string>>, asOf: string): CompletenessCell[] =>
  QUARTERS.map((q) => completenessOf(true, 2025, q, submitted[q] ?? null, asOf, 30));

function matrix(asOf: string): CompletenessMatrix {
  return {
    fiscalYear: 2025,
    asOf,
    reportDueDays: 30,
    rows: [
      { communityId: 'ak', communityName: 'Aklavik', planId: 'p-ak', planStatus: 'active', cells: cells({ 1: '2025-07-10T00:00:00Z', 2: '2025-10-10T00:00:00Z' }, asOf) },
      { communityId: 'be', communityName: 'Behchokǫ̀', planId: 'p-be', planStatus: 'active', cells: cells({ 1: '2025-07-10T00:00:00Z', 2: '2025-10-10T00:00:00Z', 3: '2026-01-05T00:00:00Z' }, asOf) },
      { communityId: 'de', communityName: 'Délı̨nę', planId: 'p-de', planStatus: 'active', cells: cells({}, asOf) },
    ],
    totals: [],
    quarters: [],
  };
}

const nextYear: CompletenessMatrix = {
  fiscalYear: 2026,
  asOf: '2026-03-25',
  reportDueDays: 30,
  rows: [
    { communityId: 'ak', communityName: 'Aklavik', planId: 'n-ak', planStatus: 'draft', cells: [] },
    { communityId: 'be', communityName: 'Behchokǫ̀', planId: 'n-be', planStatus: 'agreed', cells: [] },
  ],
  totals: [],
  quarters: [],
};

const mine = (row: { communityId: string }) => row.communityId !== 'de';

describe('the year at a glance', () => {
  it('lists what is due in the next 14 days for its own communities only, soonest first', () => {
    expect(dueSoon([matrix('2026-01-20')], undefined, mine, '2026-01-20').map((i) => [i.kind, i.communityName, i.quarter, i.dueDate, i.days])).toEqual([['report', 'Aklavik', 3, '2026-01-30', 10]]);
    // The coordinator (every community): Délı̨nę too.
    expect(dueSoon([matrix('2026-01-20')], undefined, () => true, '2026-01-20').map((i) => i.communityName)).toEqual(['Aklavik', 'Délı̨nę']);
    // 15 days before: not yet.
    expect(dueSoon([matrix('2026-01-15')], undefined, mine, '2026-01-15')).toEqual([]);
    // Sign-off of next year's plan by 31 March, for a plan not agreed yet.
    expect(dueSoon([matrix('2026-03-25')], nextYear, mine, '2026-03-25').map((i) => [i.kind, i.communityName, i.dueDate, i.days])).toEqual([['signOff', 'Aklavik', '2026-03-31', 6]]);
  });

  it('takes every date of the calendar from the fiscal calendar and the report due days', () => {
    const events = planningYearCalendar(2025, 30);
    expect(events.filter((e) => e.kind === 'report').map((e) => e.to)).toEqual(QUARTERS.map((q) => reportDueDate(2025, q, 30)));
    expect(events.find((e) => e.kind === 'planning')).toMatchObject({ from: '2026-01-01', to: '2026-03-31', fiscalYear: 2026 });
    expect(events.find((e) => e.kind === 'signOff')).toMatchObject({ from: '2026-03-31', fiscalYear: 2026 });
    expect(planningYearCalendar(2025, 45).find((e) => e.kind === 'report')?.to).toBe('2025-08-14');
  });

  it('shows the due list and the calendar in English, then in French', async () => {
    const en = setup({}, 'en');
    const view = en.renderIn(<YearAtAGlance matrices={[matrix('2026-01-20')]} nextYear={undefined} inScope={mine} today="2026-01-20" />);
    const region = await screen.findByRole('region', { name: 'The year at a glance: FY 2025–26' });
    expect(within(region).getByTestId('due-soon').textContent).toContain('FY 2025–26 Q3 report of Aklavik — due Jan 30, 2026 (in 10 days)');
    const calendar = within(region).getByRole('table', { name: 'The planning year FY 2025–26: what happens when' });
    const rows = within(calendar).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows[0]).toEqual(['Apr 1, 2025 to Jun 30, 2025', 'FY 2025–26 Q1: act and record progress', 'Done']);
    expect(rows.find((r) => r[1]!.startsWith('Copy forward'))).toEqual(['Jan 1, 2026 to Mar 31, 2026', 'Copy forward and revise the FY 2026–27 plan with the community', 'Now']);
    expect(rows.find((r) => r[1]!.startsWith('Sign off'))).toEqual(['Mar 31, 2026', 'Sign off the FY 2026–27 plan (community and detachment) before 1 April', 'Coming']);
    expect(rows.find((r) => r[1]!.includes('Q3 report'))).toEqual(['Dec 18, 2025 to Jan 30, 2026', 'FY 2025–26 Q3 report: can be submitted, due Jan 30, 2026', 'Now']);
    view.unmount();

    const fr = setup({}, 'fr');
    fr.renderIn(<YearAtAGlance matrices={[matrix('2026-03-25')]} nextYear={nextYear} inScope={mine} today="2026-03-25" />);
    const régions = await screen.findByRole('region', { name: 'L’année en un coup d’œil\u00a0: EF 2025-2026' });
    const due = within(régions).getByTestId('due-soon').textContent!;
    expect(due).toContain('Signature du plan EF 2026-2027 de Aklavik');
    expect(due).toContain('dans 6 jours');
    const text = régions.textContent!;
    expect(text).toContain('Reporter et réviser le plan EF 2026-2027 avec la collectivité');
    expect(text).toContain('Signer le plan EF 2026-2027 (collectivité et détachement) avant le 1er avril');
    expect(text).not.toMatch(/\b(Done|Now|Coming|report|due)\b/);
  });

  it('says where a report stands in its review in words and a symbol, not colour alone', async () => {
    const { renderIn } = setup({}, 'fr');
    renderIn(<ReviewMark review={{ status: 'returned', on: '2025-07-20T14:00:00.000Z', by: 'Nora Adams', reason: 'Ajoutez les chiffres.' }} />);
    const mark = document.querySelector('[data-review="returned"]')!;
    expect(mark.textContent).toContain('↶');
    expect(mark.getAttribute('title')).toBe('Renvoyé le 20 juill. 2025 par Nora Adams');
  });
});
