/** The coordinator's review of a quarterly report (issue 14 §4). */
import type { ReviewDecision, ReviewStatus } from '../vocabulary';

/** One review: accepted, or returned with its reason (kept whole). Never changed once written. */
export interface ReportReviewRecord {
  id: string;
  decision: ReviewDecision;
  reason: string | null;
  reviewedBy: string;
  reviewedAt: string;
}

/** Where a report stands in its review, with every review oldest first. */
export interface ReportReview {
  status: ReviewStatus;
  reviews: ReportReviewRecord[];
  /** The review that decides the status (the latest), if any. */
  latest: ReportReviewRecord | null;
  /** The latest resubmission after a return, if any (on time / late stay measured from the first submission). */
  resubmittedBy: string | null;
  resubmittedAt: string | null;
  /** An amendment made after the report was accepted (the quarter is locked: it is shown as such). */
  amendedAfterAcceptance: { amendedAt: string; amendedBy: string } | null;
}

/** A report's review in the completeness matrix: status, when and by whom it got there, and a return's reason. */
export interface CellReview {
  status: Exclude<ReviewStatus, 'draft'>;
  /** When the status was reached (submission, review or resubmission). */
  on: string | null;
  by: string | null;
  /** A returned report's reason. */
  reason: string | null;
}
