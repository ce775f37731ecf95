/** The quarterly community report and the annual plan document, as data. */
import { afterEach, describe, expect, it } from 'vitest';
import { assessIndicator } from '../../shared/rules/indicator-assessment';
import { buildReportFixture } from './reports-fixture';

let fx: ReturnType<typeof buildReportFixture>;
afterEach(() => fx?.t.core.close());

describe('the quarterly community report', () => {
  it("holds each priority's actions with the quarter's status, narrative and next steps, and indicators with their trend", () => {
    fx = buildReportFixture();
    const r = fx.t.must('reports:quarterly', { planId: fx.plans.a.id, quarter: 2 });
    expect(r.plan).toMatchObject({ communityName: 'Aklavik', region: 'Beaufort Delta', detachmentName: 'Aklavik Detachment', fiscalYear: 2025, status: 'active', title: 'Aklavik safety plan 2025–26' });
    expect(r.report).toMatchObject({ state: 'submitted', dueDate: '2025-10-30', submittedAt: '2025-11-05T16:00:00.000Z' });
    expect(r.priorities.map((p) => p.title)).toEqual(['Reduce impaired driving', 'Safer homes']);
    const [first] = r.priorities;
    expect(first!.themes.map((t) => t.code)).toEqual(['alcohol', 'youth']);
    expect(first!.actions.map((a) => [a.title, a.entry?.status, a.entry?.nextSteps ?? null])).toEqual([
      ['Checkstops on the ice road', 'completed', 'Report to council, "in person"'],
      ['Youth drum circle', 'at_risk', 'Find a new keeper'],
    ]);
    expect(first!.actions[0]).toMatchObject({ leadName: 'Cst. Élise Tremblay', owner: 'police', commitmentNumbers: ['4.4.2'], plannedQuarters: [1, 2] });
    expect(first!.actions[0]!.entry!.narrative).toBe('Checkstops done — the chief’s “zero tolerance” message, on the radio.');
    const charges = first!.indicators.find((i) => i.name === 'Impaired driving charges')!;
    expect(charges).toMatchObject({ baseline: 12, target: 6, current: 5, assessment: 'target_met', isCount: true });
    expect(charges.trend.map((p) => p.value)).toEqual([null, null, null, null, null, null, 10, 5]);
    expect(charges.trend.at(-1)).toMatchObject({ fiscalYear: 2025, quarter: 2 });
    expect(r.statusCounts).toEqual([
      { status: 'not_started', count: 1 },
      { status: 'on_track', count: 0 },
      { status: 'at_risk', count: 1 },
      { status: 'delayed', count: 0 },
      { status: 'completed', count: 1 },
      { status: 'discontinued', count: 0 },
      { status: 'not_recorded', count: 0 },
    ]);
  });

  it('marked public: narratives left out, small counts and count indicators shown as fewer than 5, shares kept', () => {
    fx = buildReportFixture();
    const r = fx.t.must('reports:quarterly', { planId: fx.plans.b.id, quarter: 1, public: true });
    expect(r.options).toEqual({ public: true, threshold: 5, excludeNarratives: true });
    const actions = r.priorities[0]!.actions;
    expect(actions.map((a) => a.entry?.status)).toEqual(['delayed', 'on_track']);
    expect(actions.every((a) => a.entry!.narrative === null && a.entry!.nextSteps === null)).toBe(true);
    const calls = r.priorities[0]!.indicators[0]!;
    expect(calls).toMatchObject({ baseline: { fewerThan: 5 }, target: { fewerThan: 5 }, current: { fewerThan: 5 } });
    expect(r.statusCounts.find((s) => s.status === 'delayed')!.count).toEqual({ fewerThan: 5 });
    const attendance = fx.t.must('reports:quarterly', { planId: fx.plans.a.id, quarter: 1, public: true }).priorities[0]!.indicators.find((i) => i.unit === '%')!;
    expect(attendance).toMatchObject({ baseline: 40, target: 60, current: 45 });
    expect(fx.t.must('reports:quarterly', { planId: fx.plans.b.id, quarter: 1, public: true, includeNarratives: true }).priorities[0]!.actions[0]!.entry!.narrative).toBe('Deux agents en congé; reprise en août.');
  });

  it('follows an indicator into the next year after a copy forward', () => {
    fx = buildReportFixture();
    fx.t.clock.set('2026-03-01T12:00:00.000Z');
    const next = fx.t.must('plans:copyForward', { planId: fx.plans.a.id });
    const charges = next.priorities.flatMap((p) => p.indicators).find((i) => i.name === 'Impaired driving charges')!;
    fx.t.must('indicators:recordValue', { indicatorId: charges.id, quarter: 1, value: 4 });
    const r = fx.t.must('reports:quarterly', { planId: next.id, quarter: 1 });
    const trend = r.priorities.flatMap((p) => p.indicators).find((i) => i.name === 'Impaired driving charges')!.trend;
    expect(trend.map((p) => [`${p.fiscalYear}Q${p.quarter}`, p.value])).toEqual([
      ['2024Q2', null], ['2024Q3', null], ['2024Q4', null], ['2025Q1', 10], ['2025Q2', 5], ['2025Q3', null], ['2025Q4', null], ['2026Q1', 4],
    ]);
  });

  it('refuses an unknown plan and a quarter that does not exist', () => {
    fx = buildReportFixture();
    expect(fx.t.core.invoke('reports:quarterly', { planId: 'nope', quarter: 2 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(fx.t.core.invoke('reports:quarterly', { planId: fx.plans.a.id, quarter: 5 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('the annual plan document', () => {
  it('holds priorities, actions, owners, indicators, targets, signatures and the year-end summary', () => {
    fx = buildReportFixture();
    const r = fx.t.must('reports:annual', { planId: fx.plans.a.id });
    expect(r.plan).toMatchObject({ communitySignatory: 'Chief Mary Kodakin', communitySignedOn: '2025-03-20', detachmentSignatory: 'Sgt. Paul Martin', detachmentSignedOn: '2025-03-21' });
    expect(r.priorities.flatMap((p) => p.actions.map((a) => [a.title, a.owner]))).toEqual([
      ['Checkstops on the ice road', 'police'],
      ['Youth drum circle', 'community'],
      ['Shelter referral protocol', 'joint'],
    ]);
    // The latest value of the year (attendance was last recorded in Q1), assessed as shown.
    expect(r.priorities[0]!.indicators.map((i) => [i.name, i.baseline, i.target, i.current, i.assessment])).toEqual([
      ['Impaired driving charges', 12, 6, 5, 'target_met'],
      ['Youth attendance', 40, 60, 45, 'improving'],
    ]);
    expect(r.yearEnd.throughQuarter).toBe(2);
    expect(r.yearEnd.counts).toEqual({ completed: 1, carried_forward: 2, discontinued: 0 });
    expect(r.yearEnd.items.map((i) => [i.title, i.outcome, i.lastStatus, i.lastQuarter])).toEqual([
      ['Checkstops on the ice road', 'completed', 'completed', 2],
      ['Youth drum circle', 'carried_forward', 'at_risk', 2],
      ['Shelter referral protocol', 'carried_forward', 'not_started', 2],
    ]);
    const b = fx.t.must('reports:annual', { planId: fx.plans.b.id });
    expect(b.yearEnd.items.map((i) => i.outcome)).toEqual(['carried_forward', 'discontinued']);
  });

  it('links carried-forward actions to next year’s plan once it exists', () => {
    fx = buildReportFixture();
    fx.t.clock.set('2026-03-01T12:00:00.000Z');
    const next = fx.t.must('plans:copyForward', { planId: fx.plans.a.id });
    const r = fx.t.must('reports:annual', { planId: fx.plans.a.id });
    expect(r.yearEnd.items.map((i) => [i.outcome, i.continuedInPlanId])).toEqual([
      ['completed', null],
      ['carried_forward', next.id],
      ['carried_forward', next.id],
    ]);
  });
});

describe('indicator assessment', () => {
  it('compares the latest value with the baseline and target in the indicator’s direction', () => {
    expect(assessIndicator('decrease', 12, 6, 6)).toBe('target_met');
    expect(assessIndicator('decrease', 12, 6, 8)).toBe('improving');
    expect(assessIndicator('decrease', 12, 6, 14)).toBe('worsening');
    expect(assessIndicator('increase', 40, 60, 40)).toBe('unchanged');
    expect(assessIndicator('increase', 40, 60, 61)).toBe('target_met');
    expect(assessIndicator('maintain', 10, 10, 10.5)).toBe('target_met');
    expect(assessIndicator('maintain', 10, 10, 7)).toBe('worsening');
    expect(assessIndicator('increase', null, null, 3)).toBe('unchanged');
    expect(assessIndicator('increase', 1, 2, null)).toBe('no_data');
  });
});
