/** The shapes the core answers with. Inputs are in contract.ts (zod); outputs are plain types. */
import type {
  CommitmentKind,
  CommitmentStatus,
  CompletenessState,
  CswbZone,
  IndicatorDirection,
  Locale,
  MilestoneStatus,
  OrganisationKind,
  OwnerParty,
  PlanStatus,
  ProgressStatus,
  ReportState,
  Role,
} from './vocabulary';
import type { FiscalYear, Quarter } from './fiscal-calendar';

export interface InstallationProfile {
  installationId: string;
  /** What this installation is called, e.g. "Fort Good Hope detachment". */
  name: string;
  /** The person using it now; recorded as the author of every change. */
  userName: string;
  role: Role;
  /** Communities this installation works for; empty means all (the coordinator). */
  scopeCommunityIds: string[];
  locale: Locale;
  reportDueDays: number;
}

/** What `installation:get` answers: the profile, and today's date by the core's clock. */
export interface InstallationState extends InstallationProfile {
  /** YYYY-MM-DD, by the core's (injectable) clock: the date the core decides "late" and "started" by. */
  today: string;
}

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
}

export interface ReportComment {
  id: string;
  reportId: string;
  author: string;
  body: string;
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
}

export interface QuarterProgress {
  planId: string;
  fiscalYear: FiscalYear;
  quarter: Quarter;
  report: QuarterlyReport;
  /** One row per action of the plan, with its entry for the quarter if recorded. */
  rows: Array<{ action: Action; priorityTitle: string; entry: ProgressEntry | null }>;
  indicatorValues: IndicatorValue[];
  /** The plan's live indicators, so the form needs no second call. */
  indicators: QuarterIndicator[];
}

export interface QuarterIndicator {
  id: string;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  direction: IndicatorDirection;
}

export interface CompletenessCell {
  quarter: Quarter;
  state: CompletenessState;
  dueDate: string;
  submittedAt: string | null;
  /** Days after the due date the report arrived (late), or has been outstanding (missing). */
  daysLate: number | null;
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
  title: string;
  dueDate: string | null;
  status: MilestoneStatus;
}

export interface Commitment {
  id: string;
  kind: CommitmentKind;
  number: string;
  title: string;
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

export interface ChangeRecord {
  changesetId: string;
  seq: number;
  at: string;
  actor: string;
  installationId: string;
  summary: string;
  /** What the change is about, readable: "Behchokǫ̀ — FY 2025–26", an action's title… (null if unknown here). */
  subject: string | null;
  ops: Array<{ table: string; rowId: string; field: string; value: unknown }>;
}

export interface BackupInfo {
  file: string;
  createdAt: string;
  bytes: number;
}

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
}

export interface ConflictHead {
  opId: string;
  value: unknown;
  actor: string;
  origin: string;
  originName: string;
  at: string;
}

export interface Conflict {
  id: string;
  /** Two people changed the same thing, or someone removed a row another person was editing. */
  kind: 'concurrent_edit' | 'removed_while_edited';
  table: string;
  rowId: string;
  field: string;
  label: string;
  heads: ConflictHead[];
}

export interface Identity {
  installationId: string;
  name: string;
  publicKey: string;
  fingerprint: string;
}

export interface SyncStatus {
  versionVector: Record<string, number>;
  changesetCount: number;
  conflictCount: number;
  waitingRowCount: number;
}

export interface Peer {
  installationId: string;
  name: string;
  fingerprint: string;
  /** null: all communities. */
  scopeCommunityIds: string[] | null;
  trustedAt: string | null;
  revokedAt: string | null;
  introducedBy: string | null;
  acknowledged: Record<string, number>;
}

export interface ExportResult {
  file: string;
  bytes: number;
  changesetCount: number;
  encrypted: boolean;
  recipient: string | null;
}

export interface BundleInspection {
  formatVersion: number;
  encrypted: boolean;
  encryption: { kdf: string; N: number; r: number; p: number; cipher: string } | null;
  bytes: number;
  /** Present when the content could be read (unencrypted, or the passphrase was given). */
  manifest: {
    /** The sender's signature over the whole content checks out (the sender is who the bundle names). */
    signatureValid: boolean;
    bundleId: string;
    createdAt: string;
    sender: { installationId: string; name: string; fingerprint: string };
    recipient: string | null;
    full: boolean;
    changesetCount: number;
    origins: Array<{ installationId: string; fingerprint: string; changesets: number }>;
  } | null;
}

export interface ImportPreview {
  bundleId: string;
  sender: { installationId: string; name: string; fingerprint: string; trust: 'trusted' | 'unknown' };
  createdAt: string;
  changesetCount: number;
  newChangesetCount: number;
  alreadyImported: boolean;
  /** Origins whose changesets skip numbers we do not have yet (they will be asked for again). */
  gaps: Array<{ installationId: string; have: number; firstInBundle: number }>;
  changesPerPlan: Array<{ planId: string; communityName: string; fiscalYear: number; rows: number }>;
  otherChanges: number;
  newConflicts: Conflict[];
  newOrigins: Array<{ installationId: string; fingerprint: string }>;
  /** Changesets left out, not applied: new changes from revoked computers relayed by others. */
  setAside: Array<{ installationId: string; name: string; fingerprint: string; changesets: number; reason: 'revoked' }>;
}

/** A revoked peer, and the installations it had introduced, revoked with it. */
export interface Revocation extends Peer {
  alsoRevoked: Array<{ installationId: string; name: string; fingerprint: string }>;
}

export interface ImportResult extends ImportPreview {
  imported: boolean;
  backupFile: string | null;
}

export interface Exchange {
  id: string;
  direction: 'export' | 'import';
  bundleId: string;
  peerInstallationId: string | null;
  peerName: string | null;
  file: string;
  at: string;
  changesetCount: number;
  newChangesetCount: number;
  encrypted: boolean;
}
