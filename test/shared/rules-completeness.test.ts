import { describe, expect, it } from 'vitest';
import { completenessOf, countStates, figuresOf, isReported } from '../../shared/rules/completeness';

describe('completeness of one report', () => {
  const cell = (submittedAt: string | null, asOf: string, hasPlan = true) => completenessOf(hasPlan, 2025, 1, submittedAt, asOf, 30);
  it('dates the report 30 days after its quarter ends', () => {
    expect(cell(null, '2025-05-01')).toEqual({ quarter: 1, state: 'upcoming', standing: 'upcoming', dueDate: '2025-07-30', submittedAt: null, daysLate: null });
  });
  it('calls a report upcoming until its due date, whether the quarter runs or has ended; not reported only after', () => {
    expect(cell(null, '2025-07-15')).toMatchObject({ state: 'due', standing: 'upcoming' });
    expect(cell(null, '2025-07-30')).toMatchObject({ state: 'due', standing: 'upcoming' });
    expect(cell(null, '2025-07-31')).toMatchObject({ state: 'missing', standing: 'not_reported' });
    expect(cell('2025-08-02T08:00:00.000Z', '2025-09-01')).toMatchObject({ standing: 'reported' });
    expect(cell(null, '2026-01-01', false)).toMatchObject({ standing: 'no_plan' });
  });
  it('counts the days late from the due date, for a late report and a missing one', () => {
    expect(cell('2025-08-02T08:00:00.000Z', '2025-09-01')).toMatchObject({ state: 'late', daysLate: 3 });
    expect(cell(null, '2025-08-09')).toMatchObject({ state: 'missing', daysLate: 10 });
  });
  it('expects nothing of a community without a plan, even long after the due date', () => {
    expect(cell('2025-07-01T00:00:00.000Z', '2026-01-01', false)).toMatchObject({ state: 'no_plan', daysLate: null });
  });
});

describe('figures over many reports', () => {
  it('counts a report as reported once submitted, on time or late', () => {
    expect(['on_time', 'late', 'missing', 'due', 'upcoming', 'no_plan'].filter((s) => isReported(s as never))).toEqual(['on_time', 'late']);
  });
  it('counts every state, zero included', () => {
    expect(countStates(['late', 'late', 'no_plan'])).toEqual({ on_time: 0, late: 2, missing: 0, due: 0, upcoming: 0, no_plan: 1 });
  });
  it('takes the rates over the reports expected, leaving due, upcoming and no plan out', () => {
    expect(figuresOf(['on_time', 'late', 'missing', 'missing', 'due', 'upcoming', 'no_plan'])).toEqual({
      expected: 4,
      reported: 2,
      onTime: 1,
      late: 1,
      missing: 2,
      rate: 0.5,
      onTimeRate: 0.25,
    });
  });
  it('has no rate when no report is expected yet', () => {
    expect(figuresOf(['due', 'upcoming'])).toMatchObject({ expected: 0, rate: null, onTimeRate: null });
  });
});
