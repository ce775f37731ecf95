/** Quarterly progress and the quarterly report. */
import type { FiscalYear, Quarter } from '../fiscal-calendar';
import type { IndicatorDirection, ProgressStatus, ReportState } from '../vocabulary';
import type { IndicatorValue, Action } from './plans';

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
  /** The first day the report may be submitted (the last two weeks of its quarter). */
  submissionOpensOn?: string;
  /** The latest amendment to one of its entries after submission, if any. */
  lastAmendment?: { amendedAt: string; amendedBy: string } | null;
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
