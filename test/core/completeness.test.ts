import { afterEach, describe, expect, it } from 'vitest';
import { completenessOf } from '../../shared/rules/completeness';
import { addCommunity, addTheme, agreedPlan, makeCore, type TestCore } from '../support';

let t: TestCore;
afterEach(() => t?.core.close());

describe('completeness of one report', () => {
  const cell = (submittedAt: string | null, asOf: string, dueDays = 30, hasPlan = true) => completenessOf(hasPlan, 2025, 2, submittedAt, asOf, dueDays);
  it('is upcoming during the quarter, due after it ends, missing after the due date', () => {
    expect(cell(null, '2025-09-30').state).toBe('upcoming');
    expect(cell(null, '2025-10-01').state).toBe('due');
    expect(cell(null, '2025-10-30').state).toBe('due');
    expect(cell(null, '2025-10-31')).toMatchObject({ state: 'missing', daysLate: 1, dueDate: '2025-10-30' });
  });
  it('is on time when submitted by the due date and late after it', () => {
    expect(cell('2025-10-30T23:59:00.000Z', '2026-01-01').state).toBe('on_time');
    expect(cell('2025-09-28T10:00:00.000Z', '2025-09-29').state).toBe('on_time');
    expect(cell('2025-11-04T09:00:00.000Z', '2026-01-01')).toMatchObject({ state: 'late', daysLate: 5 });
  });
  it('follows the configured number of days', () => {
    expect(cell('2025-11-04T09:00:00.000Z', '2026-01-01', 45).state).toBe('on_time');
    expect(cell(null, '2025-10-15', 10).state).toBe('missing');
  });
  it('is no_plan without a plan', () => {
    expect(cell(null, '2026-01-01', 30, false).state).toBe('no_plan');
  });
});

describe('completeness matrix', () => {
  it('shows each community × quarter as on time, late, missing, due, upcoming or no plan', () => {
    t = makeCore('2025-07-10T12:00:00.000Z');
    const onTime = agreedPlan(t, addCommunity(t, 'Inuvik'), 2025, ['A']);
    const late = agreedPlan(t, addCommunity(t, 'Aklavik'), 2025, ['A']);
    agreedPlan(t, addCommunity(t, 'Paulatuk'), 2025, ['A']);
    addCommunity(t, 'Colville Lake');
    t.must('progress:record', { actionId: onTime.actions[0]!.id, quarter: 1, status: 'on_track', narrative: 'ok' });
    t.must('reports:submit', { planId: onTime.plan.id, quarter: 1 });
    t.clock.set('2025-08-03T12:00:00.000Z');
    t.must('progress:record', { actionId: late.actions[0]!.id, quarter: 1, status: 'on_track', narrative: 'ok' });
    t.must('reports:submit', { planId: late.plan.id, quarter: 1 });
    t.clock.set('2025-10-15T12:00:00.000Z');

    const matrix = t.must('completeness:matrix', { fiscalYear: 2025 });
    const states = Object.fromEntries(matrix.rows.map((r) => [r.communityName, r.cells.map((c) => c.state)]));
    expect(states).toEqual({
      Aklavik: ['late', 'due', 'upcoming', 'upcoming'],
      'Colville Lake': ['no_plan', 'no_plan', 'no_plan', 'no_plan'],
      Inuvik: ['on_time', 'due', 'upcoming', 'upcoming'],
      Paulatuk: ['missing', 'due', 'upcoming', 'upcoming'],
    });
    expect(matrix.totals[0]).toMatchObject({ quarter: 1, on_time: 1, late: 1, missing: 1, no_plan: 1 });
    expect(matrix.rows.find((r) => r.communityName === 'Aklavik')!.cells[0]!.daysLate).toBe(4);

    t.must('installation:update', { reportDueDays: 40 });
    const relaxed = t.must('completeness:matrix', { fiscalYear: 2025, asOf: '2025-08-05' });
    expect(relaxed.rows.find((r) => r.communityName === 'Aklavik')!.cells[0]!.state).toBe('on_time');
  });
});

describe('themes across communities', () => {
  it('counts the communities whose plans carry each theme, most common first', () => {
    t = makeCore();
    const youth = addTheme(t, 'youth', 'Youth', 'Jeunesse');
    const drugs = addTheme(t, 'drugs_alcohol', 'Drugs and alcohol', 'Drogues et alcool');
    const names = ['Whatì', 'Gamètì', 'Wekweètì'];
    names.forEach((name, i) => {
      const plan = t.must('plans:create', { communityId: addCommunity(t, name), fiscalYear: 2025 });
      t.must('priorities:add', { planId: plan.id, title: 'Youth', zone: 'social_development', themeIds: [youth] });
      if (i === 0) t.must('priorities:add', { planId: plan.id, title: 'Bootlegging', zone: 'risk_intervention', themeIds: [drugs, youth] });
    });
    const themes = t.must('themes:acrossCommunities', { fiscalYear: 2025 });
    expect(themes.map((th) => [th.code, th.communityCount, th.communities.map((c) => c.name)])).toEqual([
      ['youth', 3, ['Gamètì', 'Wekweètì', 'Whatì']],
      ['drugs_alcohol', 1, ['Whatì']],
    ]);
    expect(t.must('themes:acrossCommunities', { fiscalYear: 2024 })).toEqual([]);
  });
});
