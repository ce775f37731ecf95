/**
 * Whether a community's quarterly report came in, and the rates taken over many reports. Pure:
 * the core computes the completeness matrix and the roll-up with it, the renderer reads the same
 * rule where it asks who has reported.
 */
import type { CompletenessCell, QuarterStanding, ReportStanding } from '../domain';
import { daysBetween, quarterEnd, QUARTERS, reportDueDate, type Quarter } from '../fiscal-calendar';
import type { CompletenessFigures } from '../reports';
import { COMPLETENESS_STATES, type CompletenessState } from '../vocabulary';

/**
 * The state of one community's report for one quarter, as of a date. Computed, never stored:
 * on time = submitted by the due date; late = submitted after it; missing = not submitted and
 * the due date has passed; due = the quarter has ended but the due date has not passed;
 * upcoming = the quarter has not ended.
 */
export function completenessOf(
  hasPlan: boolean,
  fiscalYear: number,
  quarter: Quarter,
  submittedAt: string | null,
  asOf: string,
  dueDays: number,
): CompletenessCell {
  const dueDate = reportDueDate(fiscalYear, quarter, dueDays);
  const cell = (state: CompletenessState, daysLate: number | null = null): CompletenessCell => ({ quarter, state, standing: standingOf(state), dueDate, submittedAt, daysLate });
  if (!hasPlan) return cell('no_plan');
  if (submittedAt) {
    const late = daysBetween(dueDate, submittedAt.slice(0, 10));
    return late > 0 ? cell('late', late) : cell('on_time');
  }
  if (asOf > dueDate) return cell('missing', daysBetween(dueDate, asOf));
  if (asOf > quarterEnd(fiscalYear, quarter)) return cell('due');
  return cell('upcoming');
}

/**
 * A state in the coordinator's words. 'upcoming' and 'due' are both "upcoming": the due date has
 * not passed, so nobody has failed to report; only 'missing' (due date passed, nothing
 * submitted) is "not reported".
 */
export function standingOf(state: CompletenessState): ReportStanding {
  switch (state) {
    case 'on_time':
    case 'late':
      return 'reported';
    case 'upcoming':
    case 'due':
      return 'upcoming';
    case 'missing':
      return 'not_reported';
    case 'no_plan':
      return 'no_plan';
  }
}

/**
 * Each quarter of a fiscal year as of a date: 'upcoming' until its report due date has passed
 * (from the fiscal calendar), then 'due'; with how many communities reported, are upcoming, have
 * not reported, have no plan.
 */
export function quarterStandings(fiscalYear: number, asOf: string, dueDays: number, rows: ReadonlyArray<{ cells: readonly CompletenessCell[] }>): QuarterStanding[] {
  return QUARTERS.map((quarter) => {
    const dueDate = reportDueDate(fiscalYear, quarter, dueDays);
    const standings = rows.map((r) => standingOf(r.cells[quarter - 1]!.state));
    const count = (s: ReportStanding) => standings.filter((x) => x === s).length;
    return { quarter, dueDate, phase: asOf > dueDate ? 'due' : 'upcoming', reported: count('reported'), upcoming: count('upcoming'), notReported: count('not_reported'), noPlan: count('no_plan') };
  });
}

/** The latest quarter whose due date has passed, or null when none has yet. */
export function latestDueQuarter(quarters: readonly QuarterStanding[]): QuarterStanding | null {
  return quarters.filter((q) => q.phase === 'due').at(-1) ?? null;
}

/** The earliest quarter still upcoming (its due date not passed), or null. */
export function nextUpcomingQuarter(quarters: readonly QuarterStanding[]): QuarterStanding | null {
  return quarters.find((q) => q.phase === 'upcoming') ?? null;
}

/** A report counts as reported once submitted, on time or late. */
export function isReported(state: CompletenessState): boolean {
  return state === 'on_time' || state === 'late';
}

/** How many reports are in each state. */
export function countStates(states: readonly CompletenessState[]): Record<CompletenessState, number> {
  const counts = Object.fromEntries(COMPLETENESS_STATES.map((s) => [s, 0])) as Record<CompletenessState, number>;
  for (const state of states) counts[state] += 1;
  return counts;
}

/**
 * A report is expected once its due date has passed (on time, late or missing); completeness
 * rate = reported / expected; on-time rate = on time / expected; null when none is expected.
 */
export function figuresOf(states: readonly CompletenessState[]): CompletenessFigures {
  const { on_time: onTime, late, missing } = countStates(states);
  const expected = onTime + late + missing;
  const reported = onTime + late;
  return { expected, reported, onTime, late, missing, rate: expected ? reported / expected : null, onTimeRate: expected ? onTime / expected : null };
}
