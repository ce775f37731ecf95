/**
 * What the reports and the coordinator's roll-up answer with (issue 5): the quarterly community
 * report, the annual plan document with its year-end summary, the roll-up figures, and the
 * generic tables every export (CSV, XLSX) is written from. Plain types, no logic.
 */
import type { CompletenessCell } from './domain';
import type { FiscalYear, Quarter } from './fiscal-calendar';
import type { CommitmentStatus, CswbZone, IndicatorDirection, MilestoneStatus, OwnerParty, PlanStatus, ProgressStatus, ReportState } from './vocabulary';

/** A count as shown: the number, or "fewer than N" when small-number suppression hid it. */
export type ShownCount = number | { fewerThan: number };

export interface PublicOptions {
  /** Marked public: small counts are suppressed (and narratives left out unless asked for). */
  public: boolean;
  /** Counts below this are shown as "fewer than N" in public outputs (default 5). */
  threshold: number;
  /** Leave narratives and next steps out (default: true when public). */
  excludeNarratives: boolean;
}

export interface ThemeRef {
  id: string;
  code: string;
  nameEn: string;
  nameFr: string;
}

export interface ReportPlanHeader {
  id: string;
  title: string;
  summary: string | null;
  status: PlanStatus;
  fiscalYear: FiscalYear;
  communityId: string;
  communityName: string;
  region: string;
  detachmentName: string | null;
  communitySignatory: string | null;
  communitySignedOn: string | null;
  detachmentSignatory: string | null;
  detachmentSignedOn: string | null;
}

export interface ReportEntry {
  fiscalYear: FiscalYear;
  quarter: Quarter;
  status: ProgressStatus;
  /** null when narratives are excluded from a public output. */
  narrative: string | null;
  nextSteps: string | null;
  author: string;
  updatedAt: string;
  /** Changes after the report was submitted, oldest first (absent: none). */
  amendments?: ReportAmendment[];
  /** The entry as it was submitted, when amended since (what council saw); null narratives when excluded. */
  asSubmitted?: { status: ProgressStatus; narrative: string | null; nextSteps: string | null };
}

export interface ReportAmendment {
  amendedAt: string;
  amendedBy: string;
}

export interface ReportAction {
  id: string;
  title: string;
  description: string | null;
  owner: OwnerParty;
  /** Who leads it: the person chosen from the people list, else the name typed in (electron/core/queries/action-people.ts). */
  leadName: string | null;
  /** The partner organisations by name. */
  partnerNames: string[];
  plannedQuarters: Quarter[];
  commitmentNumbers: string[];
  /** Quarterly report: the entry for the quarter. Annual document: the latest entry of the year. */
  entry: ReportEntry | null;
}

/** How an indicator's latest value compares with its baseline and target, given its direction. */
export type IndicatorAssessment = 'target_met' | 'improving' | 'worsening' | 'unchanged' | 'no_data';

export interface TrendPoint {
  fiscalYear: FiscalYear;
  quarter: Quarter;
  value: ShownCount | null;
}

export interface ReportIndicator {
  id: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  source: string | null;
  /** Whether the values are counts of people or events (suppressed when small in public outputs). */
  isCount: boolean;
  baseline: ShownCount | null;
  target: ShownCount | null;
  /** The value for the report's quarter (quarterly) or the latest of the year (annual). */
  current: ShownCount | null;
  /** Past quarters up to the report's, oldest first, following the indicator across years. */
  trend: TrendPoint[];
  assessment: IndicatorAssessment;
}

export interface ReportPriority {
  id: string;
  rank: number;
  title: string;
  description: string | null;
  zone: CswbZone;
  themes: ThemeRef[];
  actions: ReportAction[];
  indicators: ReportIndicator[];
}

export type StatusOrNone = ProgressStatus | 'not_recorded';

export interface QuarterlyReportData {
  generatedAt: string;
  options: PublicOptions;
  plan: ReportPlanHeader;
  quarter: Quarter;
  report: { state: ReportState; submittedAt: string | null; submittedBy: string | null; dueDate: string };
  /** True when the entries are shown as they were submitted, before any amendment. */
  asSubmitted?: boolean;
  /** How many actions have each status this quarter (every status, in vocabulary order). */
  statusCounts: Array<{ status: StatusOrNone; count: ShownCount }>;
  priorities: ReportPriority[];
}

export type YearEndOutcome = 'completed' | 'carried_forward' | 'discontinued';

export interface YearEndItem {
  actionId: string;
  title: string;
  priorityTitle: string;
  outcome: YearEndOutcome;
  lastStatus: ProgressStatus | null;
  lastQuarter: Quarter | null;
  /** The plan of the next fiscal year that continues this action, if it exists already. */
  continuedInPlanId: string | null;
}

export interface AnnualPlanData {
  generatedAt: string;
  options: PublicOptions;
  plan: ReportPlanHeader;
  revisions: Array<{ reason: string; openedBy: string; openedAt: string; closedAt: string | null }>;
  priorities: ReportPriority[];
  yearEnd: {
    /** The last quarter with any progress recorded, or null when nothing was recorded. */
    throughQuarter: Quarter | null;
    counts: Record<YearEndOutcome, ShownCount>;
    items: YearEndItem[];
  };
}

// ------------------------------------------------------------------------------------------------
// The roll-up.

export interface RollupFilters {
  fiscalYear: FiscalYear;
  region?: string;
  detachmentId?: string;
  themeId?: string;
  zone?: CswbZone;
  /** "Today" for on time / late / missing (default: the installation's today). */
  asOf?: string;
}

export interface CompletenessFigures {
  /** Reports that were due by asOf (on time + late + missing). */
  expected: number;
  reported: number;
  onTime: number;
  late: number;
  missing: number;
  /** reported / expected; null when nothing was due yet. */
  rate: number | null;
  onTimeRate: number | null;
}

export interface RollupCompletenessRow extends CompletenessFigures {
  communityId: string;
  communityName: string;
  region: string;
  detachmentName: string | null;
  planId: string | null;
  planStatus: PlanStatus | null;
  cells: CompletenessCell[];
}

export interface RollupData {
  filters: RollupFilters & { asOf: string };
  /** What the filters can be set to (every region, detachment and theme known). */
  choices: { regions: string[]; detachments: Array<{ id: string; name: string }>; themes: ThemeRef[] };
  communityCount: number;
  communitiesWithPlan: number;
  completeness: {
    rows: RollupCompletenessRow[];
    /**
     * Per quarter: the counts per state (upcoming: quarter running; due: report window open), and
     * the quarter as of `asOf` — phase 'upcoming' until its due date has passed (nobody is late
     * yet), then 'due' — with how many have not reported (due date passed, nothing submitted).
     */
    perQuarter: Array<CompletenessFigures & { quarter: Quarter; due: number; upcoming: number; noPlan: number; dueDate: string; phase: 'upcoming' | 'due'; notReported: number }>;
    overall: CompletenessFigures;
  };
  actionStatus: {
    rows: Array<{ communityId: string; communityName: string; planId: string; counts: Record<StatusOrNone, number>; total: number }>;
    totals: Record<StatusOrNone, number>;
    total: number;
  };
  themes: Array<ThemeRef & { communityCount: number; priorityCount: number; share: number | null; communities: string[] }>;
  zones: Array<{ zone: CswbZone; communityCount: number; priorityCount: number; share: number | null; communities: string[] }>;
  /** Which themes recur in which zones: priority counts, theme × zone. */
  themeZones: Array<{ themeId: string; counts: Record<CswbZone, number> }>;
  indicators: Array<{
    indicatorId: string;
    communityId: string;
    communityName: string;
    priorityTitle: string;
    name: string;
    unit: string;
    direction: IndicatorDirection;
    baseline: number | null;
    target: number | null;
    /** The eight quarters ending with the fourth of the fiscal year, oldest first. */
    values: Array<{ fiscalYear: FiscalYear; quarter: Quarter; value: number | null }>;
    latest: number | null;
    assessment: IndicatorAssessment;
  }>;
  commitment: {
    number: string;
    title: string | null;
    status: CommitmentStatus | null;
    agreed: number;
    total: number;
    rate: number | null;
    withoutAgreedPlan: Array<{ communityId: string; communityName: string; planStatus: PlanStatus | null }>;
    years: Array<{ fiscalYear: FiscalYear; agreed: number; total: number; rate: number | null }>;
    milestones: Array<{ title: string; dueDate: string | null; status: MilestoneStatus }>;
  };
}

// ------------------------------------------------------------------------------------------------
// Tables, the one shape every export is written from.

export type ColumnKind = 'text' | 'narrative' | 'count' | 'number' | 'rate' | 'date';

export interface TableColumn {
  key: string;
  label: string;
  kind: ColumnKind;
  /** For 'number' columns holding measures: the row key saying whether the value is a count. */
  countFlag?: string;
  /** For 'rate' columns: the row key of the count the rate is taken over. */
  denominator?: string;
}

export type CellValue = string | number | null;

export interface DataTable {
  /** File-safe name, e.g. "completeness-by-community". */
  id: string;
  title: string;
  columns: TableColumn[];
  rows: Array<Record<string, CellValue | boolean>>;
}

export const EXPORT_VIEWS = [
  'completeness',
  'completeness-by-quarter',
  'completeness-by-community',
  'action-status',
  'themes',
  'zones',
  'indicator-trends',
  'commitment-progress',
  'plans',
  'priorities',
  'actions',
  'indicators',
  'indicator-values',
  'progress',
  'reports',
] as const;
export type ExportView = (typeof EXPORT_VIEWS)[number];

export interface ExportFile {
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64. */
  base64: string;
  bytes: number;
  tables: string[];
}
