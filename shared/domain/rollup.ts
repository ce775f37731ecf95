/** Completeness, themes across communities, and the government's commitments. */
import type { CommitmentKind, CommitmentStatus, CompletenessState, MilestoneStatus, PlanStatus } from '../vocabulary';

/**
 * Where a report stands as of a date, in the words the coordinator reads: reported (on time or
 * late), upcoming (its due date has not passed: the quarter is running or its report window is
 * open — never a failure), not reported (its due date has passed and nothing came), no plan.
 */
export type ReportStanding = 'reported' | 'upcoming' | 'not_reported' | 'no_plan';

/** One quarter of a fiscal year as of a date: upcoming until its due date, then due. */
export interface QuarterStanding {
  quarter: Quarter;
  dueDate: string;
  /** 'upcoming': the due date has not passed (nobody is late yet); 'due': it has. */
  phase: 'upcoming' | 'due';
  reported: number;
  upcoming: number;
  notReported: number;
  noPlan: number;
}
import type { FiscalYear, Quarter } from '../fiscal-calendar';
import type { CellReview } from './quarter-review';

export interface CompletenessCell {
  quarter: Quarter;
  state: CompletenessState;
  /** The state in the coordinator's words: 'upcoming' (not yet due) is never a failure. */
  standing: ReportStanding;
  dueDate: string;
  submittedAt: string | null;
  /** Days after the due date the report arrived (late), or has been outstanding (missing). */
  daysLate: number | null;
  /** When the submitted report's progress was last amended, and by whom (absent: never). */
  amended?: { on: string; by: string };
  /** A submitted report's review (issue 14 §4): submitted, accepted, returned or resubmitted, with when and by whom (absent: not submitted). */
  review?: CellReview;
}

export interface CompletenessRow {
  communityId: string;
  communityName: string;
  planId: string | null;
  planStatus: PlanStatus | null;
  cells: CompletenessCell[];
}

export interface CompletenessMatrix {
  fiscalYear: FiscalYear;
  asOf: string;
  reportDueDays: number;
  rows: CompletenessRow[];
  totals: Array<{ quarter: Quarter } & Record<CompletenessState, number>>;
  /** Each quarter as of `asOf`: upcoming (not yet due) or due, with its reported / not reported counts. */
  quarters: QuarterStanding[];
}

export interface ThemeAcrossCommunities {
  themeId: string;
  code: string;
  nameEn: string;
  nameFr: string;
  communityCount: number;
  planCount: number;
  communities: Array<{ id: string; name: string }>;
}

export interface Milestone {
  id: string;
  commitmentId: string;
  /** The title in the installation's language (the English one when there is no French form). */
  title: string;
  titleEn: string;
  titleFr: string | null;
  dueDate: string | null;
  status: MilestoneStatus;
}

export interface Commitment {
  id: string;
  kind: CommitmentKind;
  number: string;
  /** The title in the installation's language (the English one when there is no French form). */
  title: string;
  titleEn: string;
  titleFr: string | null;
  descriptionEn: string | null;
  descriptionFr: string | null;
  leadDepartment: string;
  priorityArea: string | null;
  status: CommitmentStatus;
  relatedCommitmentIds: string[];
  milestones: Milestone[];
}

export interface CommitmentDetail extends Commitment {
  linkedActions: Array<{
    actionId: string;
    actionTitle: string;
    planId: string;
    communityId: string;
    communityName: string;
    fiscalYear: FiscalYear;
  }>;
  /** For plan commitments such as 4.4.2: how many communities have an agreed plan per year. */
  plansByYear: Array<{ fiscalYear: FiscalYear; communitiesWithAgreedPlan: number; communityCount: number }>;
}
