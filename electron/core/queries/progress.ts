/** Reads of progress: entries of actions by quarter and year, and the quarterly reports of a plan. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import * as schema from '../../../db/schema';
import type { QuarterlyReport, ReportComment } from '../../../shared/domain';
import { reportDueDate, type FiscalYear, type Quarter } from '../../../shared/fiscal-calendar';
import type { ProgressStatus, ReportState } from '../../../shared/vocabulary';
import { type CoreContext, readProfile } from '../changelog/core-context';
import { naturalIds } from '../changelog/deterministic-id';
import { isLive, isLiveRow, live, withoutRemovalMark } from './live';
import type { PlanRow } from './plans';

export type ProgressEntryRow = typeof schema.progressEntries.$inferSelect;

/** The entry row with this id, live or removed. */
export function progressEntryRow(ctx: CoreContext, id: string): ProgressEntryRow | undefined {
  return ctx.db.select().from(schema.progressEntries).where(eq(schema.progressEntries.id, id)).get();
}

/** The live entries of these actions in a fiscal year (one quarter, when given), by quarter. */
export function entriesOf(ctx: CoreContext, actionIds: string[], fiscalYear: FiscalYear, quarter?: Quarter): ProgressEntryRow[] {
  if (actionIds.length === 0) return [];
  const entries = schema.progressEntries;
  return ctx.db
    .select()
    .from(entries)
    .where(and(inArray(entries.actionId, actionIds), eq(entries.fiscalYear, fiscalYear), quarter === undefined ? undefined : eq(entries.quarter, quarter), isLive(entries)))
    .orderBy(asc(entries.quarter))
    .all();
}

/** The last status recorded for each action (latest quarter of the fiscal year), if any. */
export function lastStatuses(ctx: CoreContext, actionIds: string[], fiscalYear: FiscalYear): Map<string, ProgressStatus> {
  return new Map(entriesOf(ctx, actionIds, fiscalYear).map((e) => [e.actionId, e.status as ProgressStatus]));
}

/** The report row with this id, live or removed. */
export function reportSubmissionRow(ctx: CoreContext, id: string) {
  return ctx.db.select().from(schema.reportSubmissions).where(eq(schema.reportSubmissions.id, id)).get();
}

/** A plan's report for a quarter: a draft until submitted, with its comments and due date. */
export function loadReport(ctx: CoreContext, plan: PlanRow, quarter: Quarter): QuarterlyReport {
  const id = naturalIds.report(plan.id, quarter);
  const row = reportSubmissionRow(ctx, id);
  const submitted = isLiveRow(row) ? row : undefined;
  const { reportComments } = schema;
  const comments: ReportComment[] = ctx.db
    .select()
    .from(reportComments)
    .where(and(eq(reportComments.reportId, id), isLive(reportComments)))
    .orderBy(asc(reportComments.createdAt))
    .all()
    .map(withoutRemovalMark);
  return {
    id,
    planId: plan.id,
    fiscalYear: plan.fiscalYear,
    quarter,
    state: (submitted?.state as ReportState | undefined) ?? 'draft',
    submittedBy: submitted?.submittedBy ?? null,
    submittedAt: submitted?.submittedAt ?? null,
    dueDate: reportDueDate(plan.fiscalYear, quarter, readProfile(ctx).reportDueDays),
    comments,
  };
}

/** When each report of a fiscal year was submitted, keyed `planId:quarter`. */
export function submissionsOfYear(ctx: CoreContext, fiscalYear: FiscalYear): Map<string, string> {
  const rows = ctx.sqlite
    .prepare(
      `SELECT r.plan_id AS planId, r.quarter, r.submitted_at AS submittedAt
         FROM report_submissions r JOIN plans p ON p.id = r.plan_id
        WHERE p.fiscal_year = ? AND ${live('r')} AND r.state = 'submitted'`,
    )
    .all(fiscalYear) as Array<{ planId: string; quarter: number; submittedAt: string }>;
  return new Map(rows.map((s) => [`${s.planId}:${s.quarter}`, s.submittedAt]));
}
