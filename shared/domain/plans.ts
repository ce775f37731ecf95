/** A community's plan: priorities, actions, indicators, revisions. */
import type { CswbZone, IndicatorDirection, OwnerParty, PlanStatus } from '../vocabulary';
import type { FiscalYear, Quarter } from '../fiscal-calendar';

export interface PlanSummary {
  id: string;
  communityId: string;
  communityName: string;
  fiscalYear: FiscalYear;
  title: string;
  status: PlanStatus;
  copiedFromPlanId: string | null;
  priorityCount: number;
  actionCount: number;
}

export interface Indicator {
  id: string;
  priorityId: string;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  direction: IndicatorDirection;
  source: string | null;
  continuesIndicatorId: string | null;
  values: IndicatorValue[];
}

export interface IndicatorValue {
  id: string;
  indicatorId: string;
  fiscalYear: FiscalYear;
  quarter: Quarter;
  value: number;
  note: string | null;
}

export interface Action {
  id: string;
  priorityId: string;
  rank: number;
  title: string;
  description: string | null;
  owner: OwnerParty;
  leadPersonId: string | null;
  leadName: string | null;
  partnerOrganisationIds: string[];
  plannedQuarters: Quarter[];
  commitmentIds: string[];
  continuesActionId: string | null;
}

export interface Priority {
  id: string;
  planId: string;
  rank: number;
  title: string;
  description: string | null;
  themeIds: string[];
  zone: CswbZone;
  continuesPriorityId: string | null;
  actions: Action[];
  indicators: Indicator[];
}

export interface PlanRevision {
  id: string;
  planId: string;
  reason: string;
  openedBy: string;
  openedAt: string;
  closedBy: string | null;
  closedAt: string | null;
}

export interface Plan extends Omit<PlanSummary, 'priorityCount' | 'actionCount'> {
  summary: string | null;
  communitySignatory: string | null;
  communitySignedOn: string | null;
  detachmentSignatory: string | null;
  detachmentSignedOn: string | null;
  priorities: Priority[];
  revisions: PlanRevision[];
  /** True when the plan may be edited now: a draft, or an agreed/active plan with an open revision. */
  editable: boolean;
}

/** A draft that was withdrawn (issue 10 §5): it expects no reports and can be reinstated. */
export interface WithdrawnPlan {
  id: string;
  communityId: string;
  communityName: string;
  fiscalYear: FiscalYear;
  title: string;
  withdrawnAt: string;
  priorityCount: number;
}
