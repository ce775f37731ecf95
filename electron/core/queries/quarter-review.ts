/** Reads of the coordinator's review of quarterly reports (issue 14 §4): one report's, or a whole fiscal year's for the matrix. */
import type { CellReview, ReportReview, ReportReviewRecord } from '../../../shared/domain';
import type { FiscalYear } from '../../../shared/fiscal-calendar';
import { orderReviews, reviewStatusOf } from '../../../shared/rules/quarter-review';
import type { ReviewDecision } from '../../../shared/vocabulary';
import type { CoreContext } from '../changelog/core-context';
import { live } from './live';

interface SubmissionFields {
  state: string;
  submittedBy: string | null;
  submittedAt: string | null;
  resubmittedBy: string | null;
  resubmittedAt: string | null;
  resubmittedAfter: string | null;
}

const REVIEW_COLUMNS = 'v.id, v.report_id AS reportId, v.decision, v.reason, v.reviewed_by AS reviewedBy, v.reviewed_at AS reviewedAt';

/** The live reviews of a report, oldest first. */
export function reviewsOfReport(ctx: CoreContext, reportId: string): ReportReviewRecord[] {
  const rows = ctx.sqlite.prepare(`SELECT ${REVIEW_COLUMNS} FROM report_reviews v WHERE v.report_id = ? AND ${live('v')}`).all(reportId) as Array<ReportReviewRecord & { reportId: string }>;
  return orderReviews(rows.map(toRecord));
}

function toRecord(r: ReportReviewRecord & { reportId?: string }): ReportReviewRecord {
  return { id: r.id, decision: r.decision as ReviewDecision, reason: r.reason, reviewedBy: r.reviewedBy, reviewedAt: r.reviewedAt };
}

/** A report's review, from its submission row (undefined or removed: not submitted) and its reviews. */
export function reviewOf(
  ctx: CoreContext,
  reportId: string,
  row: SubmissionFields | undefined,
  lastAmendment: { amendedAt: string; amendedBy: string } | null | undefined,
): ReportReview {
  const reviews = reviewsOfReport(ctx, reportId);
  const submitted = row?.state === 'submitted';
  const status = reviewStatusOf(submitted, reviews, row?.resubmittedAfter ?? null);
  const latest = reviews.at(-1) ?? null;
  const amendedAfterAcceptance = status === 'accepted' && latest && lastAmendment && lastAmendment.amendedAt > latest.reviewedAt ? lastAmendment : null;
  return {
    status,
    reviews,
    latest,
    resubmittedBy: submitted ? (row?.resubmittedBy ?? null) : null,
    resubmittedAt: submitted ? (row?.resubmittedAt ?? null) : null,
    amendedAfterAcceptance,
  };
}

/** The review of each submitted report of a fiscal year, keyed `planId:quarter`, as the matrix shows it. */
export function reviewsOfYear(ctx: CoreContext, fiscalYear: FiscalYear): Map<string, CellReview> {
  const submissions = ctx.sqlite
    .prepare(
      `SELECT r.id, r.plan_id AS planId, r.quarter, r.submitted_by AS submittedBy, r.submitted_at AS submittedAt,
              r.resubmitted_by AS resubmittedBy, r.resubmitted_at AS resubmittedAt, r.resubmitted_after AS resubmittedAfter
         FROM report_submissions r JOIN plans p ON p.id = r.plan_id
        WHERE p.fiscal_year = ? AND ${live('r')} AND r.state = 'submitted'`,
    )
    .all(fiscalYear) as Array<{ id: string; planId: string; quarter: number; submittedBy: string | null; submittedAt: string | null; resubmittedBy: string | null; resubmittedAt: string | null; resubmittedAfter: string | null }>;
  const reviews = ctx.sqlite
    .prepare(
      `SELECT ${REVIEW_COLUMNS}
         FROM report_reviews v JOIN report_submissions r ON r.id = v.report_id JOIN plans p ON p.id = r.plan_id
        WHERE p.fiscal_year = ? AND ${live('v')}`,
    )
    .all(fiscalYear) as Array<ReportReviewRecord & { reportId: string }>;
  const byReport = new Map<string, ReportReviewRecord[]>();
  for (const r of reviews) byReport.set(r.reportId, [...(byReport.get(r.reportId) ?? []), toRecord(r)]);
  const out = new Map<string, CellReview>();
  for (const s of submissions) {
    const list = orderReviews(byReport.get(s.id) ?? []);
    const status = reviewStatusOf(true, list, s.resubmittedAfter);
    const latest = list.at(-1);
    const cell: CellReview =
      status === 'submitted'
        ? { status, on: s.submittedAt, by: s.submittedBy, reason: null }
        : status === 'resubmitted'
          ? { status, on: s.resubmittedAt, by: s.resubmittedBy, reason: latest?.reason ?? null }
          : { status: status as CellReview['status'], on: latest?.reviewedAt ?? null, by: latest?.reviewedBy ?? null, reason: status === 'returned' ? (latest?.reason ?? null) : null };
    out.set(`${s.planId}:${s.quarter}`, cell);
  }
  return out;
}
