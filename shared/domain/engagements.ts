/** The engagement log (issue 14 §1): how a community's priorities were set and checked with it. */
import type { EngagementKind } from '../engagements';
import type { FiscalYear, Quarter } from '../fiscal-calendar';

/** Someone or something named by id, with its name as held here (null: not held here, or removed). */
export interface EngagementRef {
  id: string;
  name: string | null;
}

export interface Engagement {
  id: string;
  communityId: string;
  communityName: string;
  date: string;
  fiscalYear: FiscalYear;
  quarter: Quarter;
  kind: EngagementKind;
  summary: string;
  outcomes: string | null;
  followUps: string | null;
  participantPersonIds: string[];
  participantOrganisationIds: string[];
  otherParticipants: string | null;
  priorityIds: string[];
  actionIds: string[];
  /** The people, organisations, priorities and actions above, named (in the same order). */
  people: EngagementRef[];
  organisations: EngagementRef[];
  priorities: EngagementRef[];
  actions: EngagementRef[];
  recordedBy: string;
  recordedAt: string;
}

/** The roll-up's count: engagements of a fiscal year per community and kind. */
export interface EngagementCount {
  communityId: string;
  communityName: string;
  kind: EngagementKind;
  count: number;
}
