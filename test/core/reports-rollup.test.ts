/** The roll-up figures against expectations computed by hand from reports-fixture.ts. */
import { afterEach, describe, expect, it } from 'vitest';
import { buildReportFixture } from './reports-fixture';

let fx: ReturnType<typeof buildReportFixture>;
afterEach(() => fx?.t.core.close());

describe('the roll-up', () => {
  it('computes completeness per community, per quarter and overall', () => {
    fx = buildReportFixture();
    const r = fx.t.must('rollup:get', { fiscalYear: 2025 });
    expect(r.filters.asOf).toBe('2025-11-15');
    expect(r.communityCount).toBe(4);
    expect(r.communitiesWithPlan).toBe(3);
    const byName = Object.fromEntries(r.completeness.rows.map((row) => [row.communityName, row]));
    expect(r.completeness.rows.map((row) => row.communityName)).toEqual(['Aklavik', 'Behchokǫ̀', 'Colville Lake', 'Délı̨nę']);
    expect(byName.Aklavik!.cells.map((c) => c.state)).toEqual(['on_time', 'late', 'upcoming', 'upcoming']);
    expect(byName.Aklavik).toMatchObject({ expected: 2, reported: 2, onTime: 1, late: 1, missing: 0, rate: 1, onTimeRate: 0.5, region: 'Beaufort Delta', detachmentName: 'Aklavik Detachment' });
    expect(byName.Aklavik!.cells[1]!.daysLate).toBe(6);
    expect(byName['Behchokǫ̀']).toMatchObject({ expected: 2, reported: 1, onTime: 1, missing: 1, rate: 0.5, onTimeRate: 0.5 });
    expect(byName['Colville Lake']).toMatchObject({ expected: 2, reported: 0, missing: 2, rate: 0, planStatus: 'draft' });
    expect(byName['Délı̨nę']).toMatchObject({ expected: 0, rate: null, planId: null });
    const [q1, q2, q3] = r.completeness.perQuarter;
    expect(q1).toMatchObject({ quarter: 1, expected: 3, reported: 2, onTime: 2, late: 0, missing: 1, noPlan: 1 });
    expect(q1!.rate).toBeCloseTo(2 / 3);
    expect(q2).toMatchObject({ quarter: 2, expected: 3, reported: 1, onTime: 0, late: 1, missing: 2, onTimeRate: 0 });
    expect(q2!.rate).toBeCloseTo(1 / 3);
    expect(q3).toMatchObject({ expected: 0, upcoming: 3, noPlan: 1, rate: null });
    expect(r.completeness.overall).toMatchObject({ expected: 6, reported: 3, onTime: 2, late: 1, missing: 3, rate: 0.5 });
    // Which communities have not reported Q2: missing, or without a plan.
    expect(r.completeness.rows.filter((row) => ['missing', 'no_plan'].includes(row.cells[1]!.state)).map((row) => row.communityName)).toEqual(['Behchokǫ̀', 'Colville Lake', 'Délı̨nę']);
  });

  it('counts each action by its latest status of the year', () => {
    fx = buildReportFixture();
    const r = fx.t.must('rollup:get', { fiscalYear: 2025 });
    expect(r.actionStatus.totals).toEqual({ not_started: 1, on_track: 0, at_risk: 1, delayed: 1, completed: 1, discontinued: 1, not_recorded: 1 });
    expect(r.actionStatus.total).toBe(6);
    expect(r.actionStatus.rows.map((row) => [row.communityName, row.total])).toEqual([['Aklavik', 3], ['Behchokǫ̀', 2], ['Colville Lake', 1]]);
    expect(r.actionStatus.rows[1]!.counts).toMatchObject({ delayed: 1, discontinued: 1, on_track: 0 });
  });

  it('finds the themes and zones that recur across plans, with their share of plans', () => {
    fx = buildReportFixture();
    const r = fx.t.must('rollup:get', { fiscalYear: 2025 });
    expect(r.themes.map((t) => [t.code, t.communityCount, t.priorityCount, t.share])).toEqual([
      ['alcohol', 3, 3, 1],
      ['youth', 2, 2, 2 / 3],
      ['family_violence', 1, 1, 1 / 3],
    ]);
    // Themes in more than half of this year's plans.
    expect(r.themes.filter((t) => t.share! > 0.5).map((t) => t.code)).toEqual(['alcohol', 'youth']);
    expect(r.themes[0]!.communities).toEqual(['Aklavik', 'Behchokǫ̀', 'Colville Lake']);
    expect(r.zones.map((z) => [z.zone, z.communityCount, z.priorityCount])).toEqual([
      ['social_development', 1, 1],
      ['prevention', 2, 2],
      ['risk_intervention', 1, 1],
      ['incident_response', 0, 0],
    ]);
    expect(r.themeZones.find((tz) => tz.themeId === fx.theme.alcohol)!.counts).toEqual({ social_development: 1, prevention: 2, risk_intervention: 0, incident_response: 0 });
  });

  it('shows indicator trends over eight quarters with an assessment against baseline and target', () => {
    fx = buildReportFixture();
    const r = fx.t.must('rollup:get', { fiscalYear: 2025 });
    expect(r.indicators.map((i) => [i.communityName, i.name, i.latest, i.assessment])).toEqual([
      ['Aklavik', 'Impaired driving charges', 5, 'target_met'],
      ['Aklavik', 'Youth attendance', 45, 'improving'],
      ['Behchokǫ̀', 'Appels de service', 4, 'worsening'],
    ]);
    const charges = r.indicators[0]!;
    expect(charges.values.map((v) => `${v.fiscalYear}Q${v.quarter}`)).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    expect(charges.values.map((v) => v.value)).toEqual([null, null, null, null, 10, 5, null, null]);
  });

  it('measures commitment 4.4.2: communities with an agreed plan this year out of all', () => {
    fx = buildReportFixture();
    const r = fx.t.must('rollup:get', { fiscalYear: 2025 });
    expect(r.commitment).toMatchObject({ number: '4.4.2', title: 'Support policing action plans in each community', agreed: 2, total: 4, rate: 0.5 });
    expect(r.commitment.withoutAgreedPlan).toEqual([
      { communityId: fx.ids.colville, communityName: 'Colville Lake', planStatus: 'draft' },
      { communityId: fx.ids.deline, communityName: 'Délı̨nę', planStatus: null },
    ]);
    expect(r.commitment.years.map((y) => [y.fiscalYear, y.agreed, y.total])).toEqual([[2021, 0, 4], [2022, 0, 4], [2023, 0, 4], [2024, 0, 4], [2025, 2, 4]]);
  });

  it('filters by region, detachment, theme and zone', () => {
    fx = buildReportFixture();
    const sahtu = fx.t.must('rollup:get', { fiscalYear: 2025, region: 'Sahtu' });
    expect(sahtu.completeness.rows.map((r) => r.communityName)).toEqual(['Colville Lake', 'Délı̨nę']);
    expect(sahtu.commitment).toMatchObject({ agreed: 0, total: 2 });
    expect(sahtu.choices.regions).toEqual(['Beaufort Delta', 'North Slave', 'Sahtu']);

    const detachmentId = fx.t.core.context.sqlite.prepare("SELECT id FROM detachments WHERE name = 'Aklavik Detachment'").pluck().get() as string;
    const aklavik = fx.t.must('rollup:get', { fiscalYear: 2025, detachmentId });
    expect(aklavik.completeness.rows.map((r) => r.communityName)).toEqual(['Aklavik']);
    expect(aklavik.completeness.overall).toMatchObject({ expected: 2, reported: 2, rate: 1 });

    const youth = fx.t.must('rollup:get', { fiscalYear: 2025, themeId: fx.theme.youth });
    expect(youth.completeness.rows.map((r) => r.communityName)).toEqual(['Aklavik', 'Colville Lake']);
    expect(youth.actionStatus.totals).toMatchObject({ completed: 1, at_risk: 1, not_recorded: 1, not_started: 0 });
    expect(youth.commitment.total).toBe(4);

    const prevention = fx.t.must('rollup:get', { fiscalYear: 2025, zone: 'prevention' });
    expect(prevention.completeness.rows.map((r) => r.communityName)).toEqual(['Aklavik', 'Behchokǫ̀']);
    expect(prevention.zones.filter((z) => z.priorityCount > 0).map((z) => z.zone)).toEqual(['prevention']);
    expect(prevention.actionStatus.total).toBe(4);
  });
});
