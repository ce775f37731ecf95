/**
 * The coordinator's review of a quarterly report (issue 14 §4). Accepting locks the quarter: the
 * report stays submitted, and any later change to its progress is an amendment (services/progress.ts
 * records who, when and what it said before, as for any submitted report) shown as made after
 * acceptance. Returning asks the community to amend it; its resubmission answers that return. The
 * first submission's time is never touched: on time and late stay measured from it.
 */
import type { MethodInput } from '../../../shared/contract';
import { msg } from '../../../shared/core-messages';
import type { QuarterlyReport } from '../../../shared/domain';
import { DomainError } from '../../../shared/domain-error';
import { mayResubmit, mayReview } from '../../../shared/rules/quarter-review';
import { change, type CoreContext, readProfile } from '../changelog/core-context';
import { planRow, type PlanRow } from '../queries/plans';
import { loadReport } from '../queries/progress';
import type { Quarter } from '../../../shared/fiscal-calendar';

function reportFor(ctx: CoreContext, planId: string, quarter: Quarter): { plan: PlanRow; report: QuarterlyReport; period: { fiscalYear: number; quarter: Quarter } } {
  const plan = planRow(ctx, planId);
  return { plan, report: loadReport(ctx, plan, quarter), period: { fiscalYear: plan.fiscalYear, quarter } };
}

/** Refuses a review of a report that is not waiting for one, saying where it stands. */
function assertReviewable(report: QuarterlyReport, period: { fiscalYear: number; quarter: Quarter }): void {
  const review = report.review!;
  if (mayReview(review.status)) return;
  const latest = review.latest;
  const when = { ...period, date: latest?.reviewedAt.slice(0, 10) ?? '', who: latest?.reviewedBy ?? '' };
  if (review.status === 'accepted') throw new DomainError('conflict', msg('review.alreadyAccepted', when));
  if (review.status === 'returned') throw new DomainError('conflict', msg('review.awaitingResubmission', when));
  throw new DomainError('forbidden', msg('review.notSubmitted', period));
}

function review(ctx: CoreContext, planId: string, quarter: Quarter, decision: 'accepted' | 'returned', reason: string | null, method: string): QuarterlyReport {
  const { plan, report, period } = reportFor(ctx, planId, quarter);
  assertReviewable(report, period);
  const profile = readProfile(ctx);
  change(ctx, method, (w) =>
    w.insert('reportReviews', { id: ctx.ids.newId(), reportId: report.id, decision, reason, reviewedBy: profile.userName, reviewedAt: ctx.clock.now() }),
  );
  return loadReport(ctx, plan, quarter);
}

export function acceptReport(ctx: CoreContext, input: MethodInput<'reports:accept'>): QuarterlyReport {
  return review(ctx, input.planId, input.quarter, 'accepted', null, 'reports:accept');
}

export function returnReport(ctx: CoreContext, input: MethodInput<'reports:return'>): QuarterlyReport {
  // The reason is kept whole (never trimmed inside, never cut): only an empty one is refused.
  if (input.reason.trim().length === 0) throw new DomainError('invalid_input', msg('review.reasonRequired'));
  return review(ctx, input.planId, input.quarter, 'returned', input.reason, 'reports:return');
}

export function resubmitReport(ctx: CoreContext, input: MethodInput<'reports:resubmit'>): QuarterlyReport {
  const { plan, report, period } = reportFor(ctx, input.planId, input.quarter);
  const review = report.review!;
  if (!mayResubmit(review.status) || !review.latest) {
    throw new DomainError('conflict', msg('review.notReturned', { ...period, status: msg(`reviewStatus.${review.status}`) }));
  }
  const profile = readProfile(ctx);
  const answered = review.latest.id;
  change(ctx, 'reports:resubmit', (w) =>
    w.update('reportSubmissions', report.id, { resubmittedBy: profile.userName, resubmittedAt: ctx.clock.now(), resubmittedAfter: answered }),
  );
  return loadReport(ctx, plan, input.quarter);
}
