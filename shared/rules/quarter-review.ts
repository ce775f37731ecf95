/**
 * Where a quarterly report stands in the coordinator's review (issue 14 §4), pure so the core,
 * the matrix and the screens read one rule. A report not submitted is a draft; submitted and not
 * reviewed yet: submitted; else the latest review decides — accepted, or returned until the
 * community resubmits in answer to that very review (resubmitted). Reviews are ordered by their
 * time, then id (the coordinator writes them, on one clock); a resubmission names the review it
 * answers, so the community's clock never has to agree with the coordinator's.
 */
import type { ReportReviewRecord } from '../domain/quarter-review';
import type { ReviewStatus } from '../vocabulary';

/** Reviews oldest first (time, then id). */
export function orderReviews<R extends Pick<ReportReviewRecord, 'id' | 'reviewedAt'>>(reviews: readonly R[]): R[] {
  return [...reviews].sort((a, b) => (a.reviewedAt === b.reviewedAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.reviewedAt < b.reviewedAt ? -1 : 1));
}

export function reviewStatusOf(submitted: boolean, reviews: readonly Pick<ReportReviewRecord, 'id' | 'reviewedAt' | 'decision'>[], resubmittedAfter: string | null): ReviewStatus {
  if (!submitted) return 'draft';
  const latest = orderReviews(reviews).at(-1);
  if (!latest) return 'submitted';
  if (latest.decision === 'accepted') return 'accepted';
  return resubmittedAfter === latest.id ? 'resubmitted' : 'returned';
}

/** Whether the coordinator may accept or return a report standing here. */
export function mayReview(status: ReviewStatus): boolean {
  return status === 'submitted' || status === 'resubmitted';
}

/** Whether the community may resubmit a report standing here. */
export function mayResubmit(status: ReviewStatus): boolean {
  return status === 'returned';
}
