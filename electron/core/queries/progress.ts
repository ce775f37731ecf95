/** Reads of progress: entries of actions by quarter and year, and the quarterly reports of a plan. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import * as schema from '../../../db/schema';
import type { PreviousProgress, ProgressAmendment, QuarterlyReport, ReportComment } from '../../../shared/domain';
import { previousQuarterOf } from '../../../shared/rules/progress-quarters';
import { submissionOpensOn } from '../../../shared/rules/plan-cycle';
import { reportDueDate, type FiscalYear, type Quarter } from '../../../shared/fiscal-calendar';
import type { ProgressStatus, ReportState } from '../../../shared/vocabulary';
import { type CoreContext, readProfile } from '../changelog/core-context';
import { naturalIds } from '../changelog/deterministic-id';
import { isLive, isLiveRow, live } from './live';
import type { PlanRow } from './plans';
import { commentsOfReport } from './comments';
import { reviewOf } from './quarter-review';

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

/**
 * What each action recorded the quarter before this one, by action id. For Q1 that is Q4 of the
 * previous fiscal year, recorded against the action this one continues (copy-forward keeps the
 * link in continues_action_id); an action that continues nothing shows nothing there.
 */
export function previousProgressOf(ctx: CoreContext, actions: Array<{ id: string; continuesActionId: string | null }>, fiscalYear: FiscalYear, quarter: Quarter): Map<string, PreviousProgress> {
  const before = previousQuarterOf(fiscalYear, quarter);
  const sourceOf = new Map<string, string>();
  for (const a of actions) {
    const source = before.fiscalYear === fiscalYear ? a.id : a.continuesActionId;
    if (source) sourceOf.set(a.id, source);
  }
  const found = new Map(entriesOf(ctx, [...new Set(sourceOf.values())], before.fiscalYear, before.quarter).map((e) => [e.actionId, e]));
  const out = new Map<string, PreviousProgress>();
  for (const [actionId, source] of sourceOf) {
    const e = found.get(source);
    if (e) out.set(actionId, { fiscalYear: e.fiscalYear, quarter: e.quarter as Quarter, status: e.status as ProgressStatus, narrative: e.narrative, nextSteps: e.nextSteps });
  }
  return out;
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
  const comments: ReportComment[] = commentsOfReport(ctx, id);
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
    submissionOpensOn: submissionOpensOn(plan.fiscalYear, quarter),
    lastAmendment: lastAmendmentOf(ctx, plan.id, plan.fiscalYear, quarter),
    review: reviewOf(ctx, id, submitted, lastAmendmentOf(ctx, plan.id, plan.fiscalYear, quarter)),
  };
}

export type ProgressAmendmentRow = typeof schema.progressAmendments.$inferSelect;

/** The live amendments of these progress entries, oldest first, by entry id. */
export function amendmentsOf(ctx: CoreContext, entryIds: string[]): Map<string, ProgressAmendment[]> {
  const out = new Map<string, ProgressAmendment[]>();
  if (entryIds.length === 0) return out;
  const a = schema.progressAmendments;
  const rows = ctx.db.select().from(a).where(and(inArray(a.progressEntryId, entryIds), isLive(a))).orderBy(asc(a.amendedAt), asc(a.id)).all();
  for (const row of rows) {
    const list = out.get(row.progressEntryId) ?? [];
    list.push({
      id: row.id,
      amendedBy: row.amendedBy,
      amendedAt: row.amendedAt,
      previousStatus: row.previousStatus as ProgressStatus,
      previousNarrative: row.previousNarrative,
      previousNextSteps: row.previousNextSteps,
    });
    out.set(row.progressEntryId, list);
  }
  return out;
}

const AMENDMENTS_OF_PLAN = `SELECT m.amended_at AS amendedAt, m.amended_by AS amendedBy, pr.plan_id AS planId, e.quarter
    FROM progress_amendments m
    JOIN progress_entries e ON e.id = m.progress_entry_id AND ${live('e')}
    JOIN actions a ON a.id = e.action_id AND ${live('a')}
    JOIN priorities pr ON pr.id = a.priority_id AND ${live('pr')}
   WHERE ${live('m')} AND e.fiscal_year = @fiscalYear`;

/** The latest amendment to a plan's entries of a quarter, if any. */
export function lastAmendmentOf(ctx: CoreContext, planId: string, fiscalYear: FiscalYear, quarter: Quarter): { amendedAt: string; amendedBy: string } | null {
  const row = ctx.sqlite
    .prepare(`${AMENDMENTS_OF_PLAN} AND pr.plan_id = @planId AND e.quarter = @quarter ORDER BY m.amended_at DESC, m.id DESC LIMIT 1`)
    .get({ fiscalYear, planId, quarter }) as { amendedAt: string; amendedBy: string } | undefined;
  return row ? { amendedAt: row.amendedAt, amendedBy: row.amendedBy } : null;
}

/** The latest amendment of each plan's quarter of a fiscal year, keyed `planId:quarter`. */
export function amendmentsOfYear(ctx: CoreContext, fiscalYear: FiscalYear): Map<string, { on: string; by: string }> {
  const rows = ctx.sqlite.prepare(`${AMENDMENTS_OF_PLAN} ORDER BY m.amended_at, m.id`).all({ fiscalYear }) as Array<{ amendedAt: string; amendedBy: string; planId: string; quarter: number }>;
  return new Map(rows.map((r) => [`${r.planId}:${r.quarter}`, { on: r.amendedAt, by: r.amendedBy }]));
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
