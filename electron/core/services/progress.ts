import type { MethodInput } from '../../../shared/contract';
import { msg } from '../../../shared/core-messages';
import type { ProgressEntry, QuarterlyReport, QuarterProgress } from '../../../shared/domain';
import { quarterStart, type Quarter } from '../../../shared/fiscal-calendar';
import type { IndicatorDirection, ProgressStatus } from '../../../shared/vocabulary';
import { change, type CoreContext, readProfile, today } from '../changelog/core-context';
import { naturalIds } from '../changelog/deterministic-id';
import { DomainError } from '../../../shared/domain-error';
import { valuesOfQuarter } from '../queries/indicators';
import { actionRow, liveActions, liveIndicators, livePriorities, planRow, priorityRow, toAction, type PlanRow } from '../queries/plans';
import { amendmentsOf, entriesOf, loadReport, previousProgressOf, progressEntryRow, type ProgressEntryRow } from '../queries/progress';
import { isLiveRow } from '../queries/live';
import { mayRecordProgressOn, maySubmitOn, submissionOpensOn } from '../../../shared/rules/plan-cycle';
import { plannedForQuarter } from '../../../shared/rules/progress-quarters';

function toEntry(row: ProgressEntryRow, amendments: ProgressEntry['amendments'] = []): ProgressEntry {
  return {
    id: row.id,
    actionId: row.actionId,
    fiscalYear: row.fiscalYear,
    quarter: row.quarter as Quarter,
    status: row.status as ProgressStatus,
    narrative: row.narrative,
    nextSteps: row.nextSteps,
    author: row.author,
    updatedAt: row.updatedAt,
    amendments,
  };
}

function assertProgressAllowed(plan: PlanRow): void {
  if (plan.status === 'closed') {
    throw new DomainError('forbidden', msg('progress.planClosed'));
  }
}

/**
 * Records an action's status for a quarter of its plan's fiscal year (one row per action and
 * quarter), once the quarter has begun. After the quarter's report was submitted, a change is an
 * amendment: the same save records who changed it, when, and the entry as it read before.
 */
export function recordProgress(ctx: CoreContext, input: MethodInput<'progress:record'>): ProgressEntry {
  const action = actionRow(ctx, input.actionId);
  const plan = planRow(ctx, priorityRow(ctx, action.priorityId).planId);
  assertProgressAllowed(plan);
  if (!mayRecordProgressOn(plan.fiscalYear, input.quarter, today(ctx))) {
    throw new DomainError('forbidden', msg('progress.quarterNotStarted', { fiscalYear: plan.fiscalYear, quarter: input.quarter, date: quarterStart(plan.fiscalYear, input.quarter) }));
  }
  if (input.status !== 'not_started' && input.narrative.trim().length === 0) {
    throw new DomainError('invalid_input', msg('progress.narrativeRequired'));
  }
  const id = naturalIds.progressEntry(action.id, plan.fiscalYear, input.quarter);
  const profile = readProfile(ctx);
  const before = progressEntryRow(ctx, id);
  const next = { status: input.status, narrative: input.narrative, nextSteps: input.nextSteps ?? null };
  const submitted = loadReport(ctx, plan, input.quarter).state === 'submitted';
  const changed = !isLiveRow(before) || before.status !== next.status || before.narrative !== next.narrative || before.nextSteps !== next.nextSteps;
  change(ctx, 'progress:record', (w) => {
    if (submitted && isLiveRow(before) && changed) {
      w.insert('progressAmendments', {
        id: ctx.ids.newId(),
        progressEntryId: id,
        amendedBy: profile.userName,
        amendedAt: ctx.clock.now(),
        previousStatus: before.status,
        previousNarrative: before.narrative,
        previousNextSteps: before.nextSteps,
      });
    }
    w.upsert('progressEntries', {
      id,
      actionId: action.id,
      fiscalYear: plan.fiscalYear,
      quarter: input.quarter,
      ...next,
      author: profile.userName,
      updatedAt: ctx.clock.now(),
    });
  });
  return toEntry(progressEntryRow(ctx, id)!, amendmentsOf(ctx, [id]).get(id) ?? []);
}

export function getReport(ctx: CoreContext, input: MethodInput<'reports:get'>): QuarterlyReport {
  return loadReport(ctx, planRow(ctx, input.planId), input.quarter);
}

export function getQuarterProgress(ctx: CoreContext, input: MethodInput<'progress:get'>): QuarterProgress {
  const plan = planRow(ctx, input.planId);
  const priorities = livePriorities(ctx, plan.id);
  const titles = new Map(priorities.map((p) => [p.id, p.title]));
  const actions = liveActions(ctx, priorities.map((p) => p.id));
  const byPriority = new Map(priorities.map((p, i) => [p.id, i]));
  actions.sort((a, b) => (byPriority.get(a.priorityId)! - byPriority.get(b.priorityId)!) || a.rank - b.rank);
  const rows = entriesOf(ctx, actions.map((a) => a.id), plan.fiscalYear, input.quarter);
  const amendments = amendmentsOf(ctx, rows.map((e) => e.id));
  const entries = new Map(rows.map((e) => [e.actionId, toEntry(e, amendments.get(e.id) ?? [])]));
  const indicators = liveIndicators(ctx, priorities.map((p) => p.id));
  const values = valuesOfQuarter(ctx, indicators.map((i) => i.id), plan.fiscalYear, input.quarter);
  const previous = previousProgressOf(ctx, actions, plan.fiscalYear, input.quarter);
  return {
    planId: plan.id,
    fiscalYear: plan.fiscalYear,
    quarter: input.quarter,
    report: loadReport(ctx, plan, input.quarter),
    rows: actions.map((a) => {
      const action = toAction(a);
      return { action, priorityTitle: titles.get(a.priorityId) ?? '', entry: entries.get(a.id) ?? null, plannedThisQuarter: plannedForQuarter(action, input.quarter), previous: previous.get(a.id) ?? null };
    }),
    indicatorValues: values.map((v) => ({ id: v.id, indicatorId: v.indicatorId, fiscalYear: v.fiscalYear, quarter: v.quarter as Quarter, value: v.value, note: v.note })),
    indicators: indicators.map((i) => ({ id: i.id, name: i.name, unit: i.unit, baseline: i.baseline, target: i.target, direction: i.direction as IndicatorDirection })),
  };
}

/**
 * Submits a plan's quarterly report. Only from the last two weeks of its quarter on, only when
 * every action planned for the quarter has its progress (one not planned this quarter does not
 * hold it back: shared/rules/progress-quarters.ts), and only once: the submission time decides on
 * time or late.
 */
export function submitReport(ctx: CoreContext, input: MethodInput<'reports:submit'>): QuarterlyReport {
  const plan = planRow(ctx, input.planId);
  if (plan.status === 'draft') {
    throw new DomainError('forbidden', msg('report.planDraft'));
  }
  const period = { fiscalYear: plan.fiscalYear, quarter: input.quarter };
  const existing = loadReport(ctx, plan, input.quarter);
  if (existing.state === 'submitted') {
    throw new DomainError('conflict', msg('report.alreadySubmitted', { ...period, date: existing.submittedAt?.slice(0, 10) ?? '', who: existing.submittedBy ?? '' }));
  }
  // A report may be submitted in the last two weeks of its quarter (work finished a little early), not before.
  if (today(ctx) < quarterStart(plan.fiscalYear, input.quarter)) {
    throw new DomainError('forbidden', msg('report.notStarted', period));
  }
  if (!maySubmitOn(plan.fiscalYear, input.quarter, today(ctx))) {
    throw new DomainError('forbidden', msg('report.tooEarly', { ...period, date: submissionOpensOn(plan.fiscalYear, input.quarter) }));
  }
  const progress = getQuarterProgress(ctx, { planId: plan.id, quarter: input.quarter });
  const missing = progress.rows.filter((r) => r.entry === null && plannedForQuarter(r.action, input.quarter)).map((r) => r.action.title);
  if (progress.rows.length === 0) {
    throw new DomainError('forbidden', msg('report.noActions'));
  }
  if (missing.length > 0) {
    const titles = missing.length > 5 ? msg('report.titlesAndMore', { titles: missing.slice(0, 5), count: missing.length - 5 }) : msg('report.titles', { titles: missing });
    throw new DomainError('forbidden', msg('report.missingProgress', { ...period, count: missing.length, titles }));
  }
  const profile = readProfile(ctx);
  change(ctx, 'reports:submit', (w) =>
    w.upsert('reportSubmissions', {
      id: existing.id,
      planId: plan.id,
      quarter: input.quarter,
      state: 'submitted',
      submittedBy: profile.userName,
      submittedAt: ctx.clock.now(),
    }),
  );
  return loadReport(ctx, plan, input.quarter);
}
