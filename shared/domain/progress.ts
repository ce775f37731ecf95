/** Quarterly progress and the quarterly report. */
import type { FiscalYear, Quarter } from '../fiscal-calendar';
import type { IndicatorDirection, ProgressStatus, ReportState, Role } from '../vocabulary';
import type { IndicatorValue, Action } from './plans';
import type { ReportReview } from './quarter-review';

export interface ProgressEntry {
  id: string;
  actionId: string;
  fiscalYear: FiscalYear;
  quarter: Quarter;
  status: ProgressStatus;
  narrative: string;
  nextSteps: string | null;
  author: string;
  updatedAt: string;
  /** Changes made after the quarter's report was submitted, oldest first (absent or empty: none). */
  amendments?: ProgressAmendment[];
}

/**
 * One change to a progress entry after its quarter's report was submitted: who, when, and the
 * entry as it read just before. The oldest amendment's earlier text is what was submitted.
 */
export interface ProgressAmendment {
  id: string;
  amendedBy: string;
  amendedAt: string;
  previousStatus: ProgressStatus;
  previousNarrative: string;
  previousNextSteps: string | null;
}

/** Who wrote a comment: the territorial coordinator, or the community's side (its detachment or community office). */
export type CommentSide = 'coordinator' | 'community';

export interface ReportComment {
  id: string;
  reportId: string;
  /** The action of the report it is about; null: the whole report. */
  actionId: string | null;
  author: string;
  /** The author's role; a comment from before version 3 was the coordinator's. */
  authorRole: Role;
  body: string;
  createdAt: string;
  /** When its author last changed it, if ever. */
  editedAt: string | null;
  /** When the other side first marked it read, and who; null: not read yet. */
  readAt: string | null;
  readBy: string | null;
  /** For this computer: written by the other side (and so this side marks it read). */
  fromOtherSide: boolean;
  /** For this computer: the other side's and not read yet: marked "New". A comment from before version 3 never is (its reading was not tracked). */
  isNew: boolean;
  /** For this computer: its author may still change or remove it (this side wrote it, this user, not read yet; never one from before version 3, which may have been read). */
  editable: boolean;
}

/** The comments from the other side not read yet, for this computer (the home page's "new comments"). */
export interface UnreadComment {
  commentId: string;
  planId: string;
  communityName: string;
  fiscalYear: FiscalYear;
  quarter: Quarter;
  actionId: string | null;
  actionTitle: string | null;
  author: string;
  createdAt: string;
}

export interface QuarterlyReport {
  id: string;
  planId: string;
  fiscalYear: FiscalYear;
  quarter: Quarter;
  state: ReportState;
  submittedBy: string | null;
  submittedAt: string | null;
  dueDate: string;
  comments: ReportComment[];
  /** The first day the report may be submitted (the last two weeks of its quarter). */
  submissionOpensOn?: string;
  /** The latest amendment to one of its entries after submission, if any. */
  lastAmendment?: { amendedAt: string; amendedBy: string } | null;
  /** The coordinator's review (issue 14 §4): accepted, returned, resubmitted; absent from an older core. */
  review?: ReportReview;
}

export interface QuarterProgress {
  planId: string;
  fiscalYear: FiscalYear;
  quarter: Quarter;
  report: QuarterlyReport;
  /** One row per action of the plan, with its entry for the quarter if recorded. */
  rows: Array<{
    action: Action;
    priorityTitle: string;
    entry: ProgressEntry | null;
    /**
     * Whether the action is planned for this quarter (its timeline; none given: every quarter).
     * One not planned may be reported on but does not hold back the report. Absent: planned.
     */
    plannedThisQuarter?: boolean;
    /**
     * What was recorded for the action the quarter before (for Q1: Q4 of the previous fiscal
     * year's plan, through the action it continues), shown beside it; null when nothing was.
     */
    previous?: PreviousProgress | null;
  }>;
  indicatorValues: IndicatorValue[];
  /** The plan's live indicators, so the form needs no second call. */
  indicators: QuarterIndicator[];
}

/** Last quarter's progress of an action, read-only beside this quarter's. */
export interface PreviousProgress {
  fiscalYear: FiscalYear;
  quarter: Quarter;
  status: ProgressStatus;
  narrative: string;
  nextSteps: string | null;
}

export interface QuarterIndicator {
  id: string;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  direction: IndicatorDirection;
}
