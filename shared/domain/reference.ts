/** Reference data: detachments, communities, organisations, people, themes. */
import type { OrganisationKind, PlanStatus } from '../vocabulary';

export interface Detachment {
  id: string;
  name: string;
  communityId: string | null;
}

export interface Community {
  id: string;
  name: string;
  region: string;
  hasDetachment: boolean;
  servedByDetachmentId: string | null;
  servedByDetachmentName: string | null;
}

export interface CommunitySummary extends Community {
  /** The community's plan for the requested fiscal year, if any. */
  plan: { id: string; status: PlanStatus } | null;
}

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  communityId: string | null;
}

export interface Person {
  id: string;
  name: string;
  title: string | null;
  organisationId: string | null;
  communityId: string | null;
}

export interface Theme {
  id: string;
  code: string;
  nameEn: string;
  nameFr: string;
}
