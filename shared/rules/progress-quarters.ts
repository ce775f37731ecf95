/**
 * Which actions a quarter's report waits for (issue 12 §2). An action planned for some quarters
 * only (its timeline in the plan) is "not planned this quarter" elsewhere: it may be reported on,
 * but it does not hold back the report. An action with no planned quarters has no timeline, so
 * it is expected every quarter (the safe reading: nothing silently drops out of a report).
 * Shared by the core's submission check and the progress form, so both always agree.
 */
import type { Quarter } from '../fiscal-calendar';

export function plannedForQuarter(action: { plannedQuarters: readonly Quarter[] | readonly number[] }, quarter: Quarter): boolean {
  return action.plannedQuarters.length === 0 || (action.plannedQuarters as readonly number[]).includes(quarter);
}

/** The quarter before this one: Q1's is Q4 of the fiscal year before. */
export function previousQuarterOf(fiscalYear: number, quarter: Quarter): { fiscalYear: number; quarter: Quarter } {
  return quarter === 1 ? { fiscalYear: fiscalYear - 1, quarter: 4 } : { fiscalYear, quarter: (quarter - 1) as Quarter };
}
