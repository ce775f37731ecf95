/**
 * A quarter whose report due date has not passed is "upcoming", never a failure: the matrix and
 * the roll-up say so explicitly (standing and phase), from the fiscal calendar and the core's
 * clock. Reports are due 30 days after a quarter ends: Q3 of FY 2025–26 ends 2025-12-31 and is
 * due 2026-01-30. Fixture: reports-fixture.ts (three plans, one community without).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildReportFixture } from './reports-fixture';

let fx: ReturnType<typeof buildReportFixture>;
afterEach(() => fx?.t.core.close());

const q3Standings = (m: { rows: Array<{ communityName: string; cells: Array<{ standing: string; state: string }> }> }) => m.rows.map((r) => [r.communityName, r.cells[2]!.state, r.cells[2]!.standing]);

describe('completeness as of a date', () => {
  it('calls Q3 upcoming while it runs and while its report window is open, and nobody "not reported"', () => {
    fx = buildReportFixture();
    for (const now of ['2025-11-15T12:00:00.000Z', '2026-01-20T12:00:00.000Z', '2026-01-30T23:00:00.000Z']) {
      fx.t.clock.set(now);
      const m = fx.t.must('completeness:matrix', { fiscalYear: 2025 });
      expect(m.quarters[2]).toMatchObject({ quarter: 3, dueDate: '2026-01-30', phase: 'upcoming', notReported: 0, reported: 0, upcoming: 3, noPlan: 1 });
      expect(m.rows.flatMap((r) => r.cells).filter((c) => c.quarter === 3).every((c) => c.standing === 'upcoming' || c.standing === 'no_plan')).toBe(true);
      const r = fx.t.must('rollup:get', { fiscalYear: 2025 });
      expect(r.completeness.perQuarter[2]).toMatchObject({ quarter: 3, phase: 'upcoming', notReported: 0, expected: 0, rate: null });
    }
    // Before Q3 ends its cells are "upcoming"; after it ends, "due" (report window open): both upcoming.
    fx.t.clock.set('2025-11-15T12:00:00.000Z');
    expect(new Set(q3Standings(fx.t.must('completeness:matrix', { fiscalYear: 2025 })).map(([, state]) => state))).toEqual(new Set(['upcoming', 'no_plan']));
    fx.t.clock.set('2026-01-20T12:00:00.000Z');
    expect(q3Standings(fx.t.must('completeness:matrix', { fiscalYear: 2025 }))).toEqual([
      ['Aklavik', 'due', 'upcoming'],
      ['Behchokǫ̀', 'due', 'upcoming'],
      ['Colville Lake', 'due', 'upcoming'],
      ['Délı̨nę', 'no_plan', 'no_plan'],
    ]);
  });

  it('calls Q3 not reported once its due date has passed', () => {
    fx = buildReportFixture();
    fx.t.clock.set('2026-02-05T12:00:00.000Z');
    const m = fx.t.must('completeness:matrix', { fiscalYear: 2025 });
    expect(m.quarters[2]).toMatchObject({ quarter: 3, phase: 'due', notReported: 3, upcoming: 0, reported: 0 });
    expect(q3Standings(m)).toEqual([
      ['Aklavik', 'missing', 'not_reported'],
      ['Behchokǫ̀', 'missing', 'not_reported'],
      ['Colville Lake', 'missing', 'not_reported'],
      ['Délı̨nę', 'no_plan', 'no_plan'],
    ]);
    const r = fx.t.must('rollup:get', { fiscalYear: 2025 });
    expect(r.completeness.perQuarter[2]).toMatchObject({ phase: 'due', notReported: 3, expected: 3, missing: 3 });
    // Q4 is still upcoming; Q1 and Q2 are due, with what came in.
    expect(m.quarters.map((q) => [q.quarter, q.phase, q.reported, q.notReported])).toEqual([
      [1, 'due', 2, 1],
      [2, 'due', 1, 2],
      [3, 'due', 0, 3],
      [4, 'upcoming', 0, 0],
    ]);
  });

  it('reads the state of a submitted report as reported, on time or late', () => {
    fx = buildReportFixture();
    const m = fx.t.must('completeness:matrix', { fiscalYear: 2025 });
    const aklavik = m.rows.find((r) => r.communityName === 'Aklavik')!;
    expect(aklavik.cells.map((c) => c.standing)).toEqual(['reported', 'reported', 'upcoming', 'upcoming']);
  });
});
