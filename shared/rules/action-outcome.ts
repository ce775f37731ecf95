/**
 * Whether an action is finished or goes on into next year's plan. Pure: copy forward carries
 * what is not finished, the annual plan's year-end summary says the same of each action.
 */
import type { YearEndOutcome } from '../reports';
import { FINISHED_PROGRESS_STATUSES, type ProgressStatus } from '../vocabulary';

/** The statuses after which an action is done with: each is also its own year-end outcome. */
export type FinishedStatus = Extract<ProgressStatus, YearEndOutcome>;

/** Completed and discontinued are final; anything else, or nothing recorded, is not. */
export function isFinished(lastStatus: ProgressStatus | null | undefined): lastStatus is FinishedStatus {
  return lastStatus !== null && lastStatus !== undefined && FINISHED_PROGRESS_STATUSES.includes(lastStatus);
}

/** A finished action ends the year as its last status says; any other is carried forward. */
export function yearEndOutcome(lastStatus: ProgressStatus | null): YearEndOutcome {
  return isFinished(lastStatus) ? lastStatus : 'carried_forward';
}
