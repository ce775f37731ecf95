/**
 * What the printed documents and the exports say about an action's people, and what a plan copied
 * forward keeps of last year's summary:
 * - the lead chosen from the people list (the normal way) is named in the quarterly report, the
 *   annual plan and the actions export, as are the partner organisations; a typed name is the
 *   fallback, never shown when a person is chosen;
 * - a summary that counted last year's actions ("… 15 actions this year.") does not carry its
 *   number into next year's plan; the rest of what was written stays.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { csvFiles } from '../../electron/core/reports/exports';
import { summaryWithoutStoredCounts } from '../../electron/core/services/plan-summary';
import { buildReportFixture } from './reports-fixture';

let fx: ReturnType<typeof buildReportFixture>;
afterEach(() => fx?.t.core.close());

function firstAction(planId: string) {
  return fx.t.must('plans:get', { planId }).priorities[0]!.actions;
}

describe('the lead and the partners, by name', () => {
  it('names a lead chosen from the people list and the partners in both documents and in the actions export', () => {
    fx = buildReportFixture();
    const plan = fx.t.must('plans:get', { planId: fx.plans.a.id });
    fx.t.must('plans:openRevision', { planId: plan.id, reason: 'Leads from the people list' });
    const person = fx.t.must('people:create', { name: 'Marie-Ève Kodakin', title: 'Youth worker', communityId: plan.communityId });
    const partner = fx.t.must('organisations:create', { name: 'Aklavik Health Centre', kind: 'health', communityId: plan.communityId });
    const school = fx.t.must('organisations:create', { name: 'Moose Kerr School', kind: 'education', communityId: plan.communityId });
    const [checkstops, drum] = firstAction(plan.id);
    // The drum circle: a person chosen (no typed name); the checkstops keep their typed name.
    fx.t.must('actions:update', { actionId: drum!.id, leadPersonId: person.id, leadName: null, partnerOrganisationIds: [school.id, partner.id] });
    fx.t.must('plans:closeRevision', { planId: plan.id });

    for (const method of ['reports:quarterly', 'reports:annual'] as const) {
      const data = method === 'reports:quarterly' ? fx.t.must(method, { planId: plan.id, quarter: 2 }) : fx.t.must(method, { planId: plan.id });
      const actions = data.priorities[0]!.actions;
      expect(actions.find((a) => a.id === drum!.id), method).toMatchObject({ leadName: 'Marie-Ève Kodakin', partnerNames: ['Moose Kerr School', 'Aklavik Health Centre'] });
      expect(actions.find((a) => a.id === checkstops!.id), method).toMatchObject({ leadName: 'Cst. Élise Tremblay', partnerNames: [] });
    }

    const [file] = csvFiles(fx.t.core.context, { fiscalYear: 2025, locale: 'fr', views: ['actions'] });
    const header = file!.table.columns.map((c) => c.label);
    expect(header).toEqual(expect.arrayContaining(['Personne responsable', 'Partenaires']));
    const row = file!.table.rows.find((r) => r.action === 'Youth drum circle')!;
    expect(row).toMatchObject({ lead: 'Marie-Ève Kodakin', partners: 'Moose Kerr School; Aklavik Health Centre' });
    expect(file!.table.rows.find((r) => r.action === 'Checkstops on the ice road')).toMatchObject({ lead: 'Cst. Élise Tremblay' });
    expect(file!.text).toContain('Marie-Ève Kodakin');
  });

  it('prints the person’s name as it is now after a rename, and still after the person is retired', () => {
    fx = buildReportFixture();
    const plan = fx.t.must('plans:get', { planId: fx.plans.b.id });
    fx.t.must('plans:openRevision', { planId: plan.id, reason: 'A lead' });
    const person = fx.t.must('people:create', { name: 'Cpl. Jean Zoe', communityId: plan.communityId });
    const action = firstAction(plan.id)[0]!;
    fx.t.must('actions:update', { actionId: action.id, leadPersonId: person.id, leadName: null });
    fx.t.must('plans:closeRevision', { planId: plan.id });
    const lead = () => fx.t.must('reports:annual', { planId: plan.id }).priorities[0]!.actions.find((a) => a.id === action.id)!.leadName;
    expect(lead()).toBe('Cpl. Jean Zoe');
    fx.t.must('people:update', { personId: person.id, name: 'Sgt. Jean Zoe' });
    expect(lead()).toBe('Sgt. Jean Zoe');
    fx.t.must('people:retire', { personId: person.id, retired: true });
    expect(lead()).toBe('Sgt. Jean Zoe');
  });
});

describe('a summary copied forward', () => {
  it('leaves out sentences that only count last year’s actions, in English and French, and keeps the rest', () => {
    expect(summaryWithoutStoredCounts('Carried forward from FY 2025–26 and reviewed with Chief Mary and council on May 2, 2026. 15 actions this year.')).toBe(
      'Carried forward from FY 2025–26 and reviewed with Chief Mary and council on May 2, 2026.',
    );
    expect(summaryWithoutStoredCounts('Revu avec le conseil. 1 mesure cette année. Les aînés veulent plus de patrouilles.')).toBe('Revu avec le conseil. Les aînés veulent plus de patrouilles.');
    expect(summaryWithoutStoredCounts('In brief: 3 priorities and 12 actions in this plan.')).toBeNull();
    expect(summaryWithoutStoredCounts('Council wants 15 actions this year at most, not more.')).toBe('Council wants 15 actions this year at most, not more.');
    expect(summaryWithoutStoredCounts('We held 4 meetings. 2 youth camps ran.')).toBe('We held 4 meetings. 2 youth camps ran.');
    expect(summaryWithoutStoredCounts(null)).toBeNull();
  });

  it('copies forward a plan whose summary was generated with a count: the new plan holds no stale number, and counts its own actions', () => {
    fx = buildReportFixture();
    const plan = fx.t.must('plans:get', { planId: fx.plans.a.id });
    const lastYear = plan.priorities.reduce((n, p) => n + p.actions.length, 0);
    fx.t.must('plans:openRevision', { planId: plan.id, reason: 'Summary' });
    fx.t.must('plans:update', { planId: plan.id, summary: `Reviewed with council on March 20, 2025. ${lastYear} actions this year.` });
    fx.t.must('plans:closeRevision', { planId: plan.id });
    fx.t.clock.set('2026-03-01T12:00:00.000Z');
    const next = fx.t.must('plans:copyForward', { planId: plan.id });
    expect(next.summary).toBe('Reviewed with council on March 20, 2025.');
    const printed = fx.t.must('reports:annual', { planId: next.id });
    expect(printed.plan.summary).not.toMatch(/\d+ actions/);
    const thisYear = printed.priorities.reduce((n, p) => n + p.actions.length, 0);
    // The completed checkstops were left behind: the new plan's own count differs from last year's.
    expect(thisYear).toBeLessThan(lastYear);
    expect(thisYear).toBe(next.priorities.reduce((n, p) => n + p.actions.length, 0));
  });
});
