/**
 * The fixed vocabularies of the planning cycle (PRODUCT.md). Codes are stored and exchanged;
 * people see the labels of the one word catalogue (shared/words/vocabulary-labels.ts).
 */

export const PLAN_STATUSES = ['draft', 'agreed', 'active', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Which status changes a plan may make; anything else is refused. */
export const PLAN_TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['agreed'],
  agreed: ['active', 'closed'],
  active: ['closed'],
  closed: [],
};

export const PROGRESS_STATUSES = ['not_started', 'on_track', 'at_risk', 'delayed', 'completed', 'discontinued'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** Statuses after which an action is not carried into next year's plan. */
export const FINISHED_PROGRESS_STATUSES: readonly ProgressStatus[] = ['completed', 'discontinued'];

export const OWNER_PARTIES = ['police', 'community', 'joint', 'partner'] as const;
export type OwnerParty = (typeof OWNER_PARTIES)[number];

/** The four zones of community safety and well-being planning. */
export const CSWB_ZONES = ['social_development', 'prevention', 'risk_intervention', 'incident_response'] as const;
export type CswbZone = (typeof CSWB_ZONES)[number];

export const INDICATOR_DIRECTIONS = ['increase', 'decrease', 'maintain'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const COMMITMENT_STATUSES = ['completed', 'underway_on_track', 'underway_with_challenges', 'not_being_pursued'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const COMMITMENT_KINDS = ['commitment', 'initiative'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

export const MILESTONE_STATUSES = ['pending', 'achieved', 'missed'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const REPORT_STATES = ['draft', 'submitted'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** Completeness of one community's report for one quarter: computed, never typed. */
export const COMPLETENESS_STATES = ['no_plan', 'upcoming', 'due', 'on_time', 'late', 'missing'] as const;
export type CompletenessState = (typeof COMPLETENESS_STATES)[number];

export const ROLES = ['detachment', 'liaison', 'coordinator'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = [
  'police',
  'chief_and_council',
  'health',
  'education',
  'social_services',
  'housing',
  'victim_services',
  'justice',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_REPORT_DUE_DAYS = 30;

/** The coordinator's decision on a submitted quarterly report (issue 14 §4). */
export const REVIEW_DECISIONS = ['accepted', 'returned'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Where a quarterly report stands in its review: computed from its submission and reviews (shared/rules/quarter-review.ts). */
export const REVIEW_STATUSES = ['draft', 'submitted', 'accepted', 'returned', 'resubmitted'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
