/**
 * The plan cycle's date rules (issue 10 §5), pure so the core refuses and the screens disable by
 * the same rule: progress is recorded once its quarter has begun, a quarterly report is submitted
 * from the last two weeks of its quarter on, and sign-off dates are never in the future.
 */
import { addDays, quarterEnd, quarterStart, type FiscalYear, type Quarter } from '../fiscal-calendar';

/** A quarterly report may be submitted during the last this-many days of its quarter, or later. */
export const SUBMISSION_WINDOW_DAYS = 14;

/** The first day a quarter's report may be submitted: two weeks before the quarter ends (17 June for Q1). */
export function submissionOpensOn(fiscalYear: FiscalYear, quarter: Quarter): string {
  return addDays(quarterEnd(fiscalYear, quarter), -(SUBMISSION_WINDOW_DAYS - 1));
}

/** Whether a quarter's report may be submitted on `today` (YYYY-MM-DD). */
export function maySubmitOn(fiscalYear: FiscalYear, quarter: Quarter, today: string): boolean {
  return today.slice(0, 10) >= submissionOpensOn(fiscalYear, quarter);
}

/** Whether progress may be recorded for a quarter on `today`: once the quarter has begun. */
export function mayRecordProgressOn(fiscalYear: FiscalYear, quarter: Quarter, today: string): boolean {
  return today.slice(0, 10) >= quarterStart(fiscalYear, quarter);
}

/** A sign-off date is valid when it is not after today. */
export function isFutureDate(date: string, today: string): boolean {
  return date.slice(0, 10) > today.slice(0, 10);
}
