/**
 * What is due in the next 14 days for this computer's communities (issue 14 §5), and the reports
 * of the review the home page lists: pure, from the completeness matrices the home page reads, so
 * the component test feeds them directly. Dates come from the matrix (the core's fiscal calendar
 * and report due days) and from shared/rules/year-at-a-glance.ts.
 */
import type { CellReview, CompletenessMatrix } from '../../../shared/domain';
import { addDays, daysBetween, type FiscalYear, type Quarter } from '../../../shared/fiscal-calendar';
import { signOffBy } from '../../../shared/rules/year-at-a-glance';

export const DUE_SOON_DAYS = 14;

export interface DueSoonItem {
  kind: 'report' | 'signOff';
  communityId: string;
  communityName: string;
  planId: string | null;
  fiscalYear: FiscalYear;
  quarter: Quarter | null;
  dueDate: string;
  /** Days from today to the due date (0: today). */
  days: number;
}

type Matrix = Pick<CompletenessMatrix, 'fiscalYear' | 'rows'>;

/**
 * Reports not yet submitted whose due date falls within the next `days` days (today included), and
 * next year's plans not yet agreed when their sign-off date (31 March) does — soonest first.
 */
export function dueSoon(matrices: ReadonlyArray<Matrix | undefined>, nextYear: Matrix | undefined, inScope: (row: { communityId: string }) => boolean, today: string, days = DUE_SOON_DAYS): DueSoonItem[] {
  const last = addDays(today, days);
  const within = (date: string) => date >= today && date <= last;
  const items: DueSoonItem[] = [];
  for (const matrix of matrices) {
    if (!matrix) continue;
    for (const row of matrix.rows) {
      if (!row.planId || !inScope(row)) continue;
      for (const cell of row.cells) {
        if ((cell.state === 'due' || cell.state === 'upcoming') && within(cell.dueDate)) {
          items.push({ kind: 'report', communityId: row.communityId, communityName: row.communityName, planId: row.planId, fiscalYear: matrix.fiscalYear, quarter: cell.quarter, dueDate: cell.dueDate, days: daysBetween(today, cell.dueDate) });
        }
      }
    }
  }
  if (nextYear && within(signOffBy(nextYear.fiscalYear))) {
    const by = signOffBy(nextYear.fiscalYear);
    for (const row of nextYear.rows) {
      if (!inScope(row) || (row.planStatus !== null && row.planStatus !== 'draft')) continue;
      items.push({ kind: 'signOff', communityId: row.communityId, communityName: row.communityName, planId: row.planId, fiscalYear: nextYear.fiscalYear, quarter: null, dueDate: by, days: daysBetween(today, by) });
    }
  }
  return items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.communityName.localeCompare(b.communityName));
}

export interface ReviewItem {
  communityId: string;
  communityName: string;
  planId: string;
  fiscalYear: FiscalYear;
  quarter: Quarter;
  review: CellReview;
}

/** The reports of these matrices standing in one of these review statuses, for the communities in scope, oldest first. */
export function reportsInReview(matrices: ReadonlyArray<Matrix | undefined>, inScope: (row: { communityId: string }) => boolean, statuses: ReadonlyArray<CellReview['status']>): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const matrix of matrices) {
    if (!matrix) continue;
    for (const row of matrix.rows) {
      if (!row.planId || !inScope(row)) continue;
      for (const cell of row.cells) {
        if (cell.review && statuses.includes(cell.review.status)) items.push({ communityId: row.communityId, communityName: row.communityName, planId: row.planId, fiscalYear: matrix.fiscalYear, quarter: cell.quarter, review: cell.review });
      }
    }
  }
  return items.sort((a, b) => (a.review.on ?? '').localeCompare(b.review.on ?? ''));
}
