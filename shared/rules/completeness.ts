/**
 * Whether a community's quarterly report came in, and the rates taken over many reports. Pure:
 * the core computes the completeness matrix and the roll-up with it, the renderer reads the same
 * rule where it asks who has reported.
 */
import type { CompletenessCell } from '../domain';
import { daysBetween, quarterEnd, reportDueDate, type Quarter } from '../fiscal-calendar';
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
  const cell = (state: CompletenessState, daysLate: number | null = null): CompletenessCell => ({ quarter, state, dueDate, submittedAt, daysLate });
  if (!hasPlan) return cell('no_plan');
  if (submittedAt) {
    const late = daysBetween(dueDate, submittedAt.slice(0, 10));
    return late > 0 ? cell('late', late) : cell('on_time');
  }
  if (asOf > dueDate) return cell('missing', daysBetween(dueDate, asOf));
  if (asOf > quarterEnd(fiscalYear, quarter)) return cell('due');
  return cell('upcoming');
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
