/**
 * The quarterly community report and the annual plan document, as data. The renderer's print
 * routes lay them out (the same pages print from the app, the harness and the CLI); public
 * outputs are suppressed here, once, so no layout can show what it should not.
 */
import type { MethodInput } from '../../../shared/contract';
import type { FiscalYear, Quarter } from '../../../shared/fiscal-calendar';
import type {
  AnnualPlanData,
  PublicOptions,
  QuarterlyReportData,
  ReportAction,
  ReportEntry,
  ReportIndicator,
  ReportPlanHeader,
  ReportPriority,
  StatusOrNone,
  ThemeRef,
  TrendPoint,
  YearEndItem,
  YearEndOutcome,
} from '../../../shared/reports';
import { yearEndOutcome } from '../../../shared/rules/action-outcome';
import { assessIndicator, quartersEndingAt } from '../../../shared/rules/indicator-assessment';
import { isCountUnit, publicOptions, suppressCount, suppressMeasure } from '../../../shared/suppression';
import { PROGRESS_STATUSES, type CswbZone, type IndicatorDirection, type OwnerParty, type PlanStatus, type ProgressStatus } from '../../../shared/vocabulary';
import type { CoreContext } from '../changelog/core-context';
import { indicatorHistory } from '../queries/indicators';
import { continuingPlans, signaturesOf, liveActions, liveIndicators, livePriorities, planRow, revisionsOf, type ActionRow, type IndicatorRow, type PlanRow } from '../queries/plans';
import { amendmentsOf, entriesOf, loadReport, type ProgressEntryRow } from '../queries/progress';
import type { ProgressAmendment } from '../../../shared/domain';
import { communityById, localeOf, namesById } from '../queries/reference';
import { planDisplayTitle } from '../../../shared/plan-title';
import { actionPeople } from '../queries/action-people';

/** How many past quarters a trend chart shows, the report's own included. */
export const TREND_QUARTERS = 8;

export function planHeader(ctx: CoreContext, plan: PlanRow): ReportPlanHeader {
  const community = communityById(ctx, plan.communityId);
  const { id, summary, fiscalYear, communityId } = plan;
  const place = { communityName: community?.name ?? '', region: community?.region ?? '', detachmentName: community?.servedByDetachmentName ?? null };
  const title = planDisplayTitle(plan.title, place.communityName, fiscalYear, localeOf(ctx));
  return { id, title, summary, status: plan.status as PlanStatus, fiscalYear, communityId, ...place, ...signaturesOf(plan) };
}

function toEntry(row: ProgressEntryRow, options: PublicOptions, amendments: ProgressAmendment[] = [], asSubmitted = false): ReportEntry {
  const entry: ReportEntry = {
    fiscalYear: row.fiscalYear,
    quarter: row.quarter as Quarter,
    status: row.status as ProgressStatus,
    narrative: options.excludeNarratives ? null : row.narrative,
    nextSteps: options.excludeNarratives ? null : row.nextSteps,
    author: row.author,
    updatedAt: row.updatedAt,
  };
  const first = amendments[0];
  if (!first) return entry;
  // The oldest amendment kept the entry as it read when the report was submitted.
  const submitted = {
    status: first.previousStatus,
    narrative: options.excludeNarratives ? null : first.previousNarrative,
    nextSteps: options.excludeNarratives ? null : first.previousNextSteps,
  };
  const marks = { amendments: amendments.map(({ amendedAt, amendedBy }) => ({ amendedAt, amendedBy })), asSubmitted: submitted };
  return asSubmitted ? { ...entry, ...submitted, ...marks } : { ...entry, ...marks };
}

/**
 * Which value a report shows as the indicator's own: the quarter's (quarterly report) or the
 * latest recorded in the year up to that quarter (annual plan). The assessment uses the same one.
 */
type CurrentValue = 'ofQuarter' | 'latestOfYear';

function toReportIndicator(ctx: CoreContext, row: IndicatorRow, fiscalYear: FiscalYear, throughQuarter: Quarter, options: PublicOptions, currentValue: CurrentValue): ReportIndicator {
  const isCount = isCountUnit(row.unit);
  const history = indicatorHistory(ctx, row.id);
  const valueAt = (fy: number, q: number) => history.find((h) => h.fiscalYear === fy && h.quarter === q)?.value ?? null;
  const shown = (value: number | null) => suppressMeasure(value, isCount, options);
  const trend: TrendPoint[] = quartersEndingAt(fiscalYear, throughQuarter, TREND_QUARTERS).map((p) => ({
    ...p,
    value: shown(valueAt(p.fiscalYear, p.quarter)),
  }));
  const current =
    currentValue === 'ofQuarter'
      ? valueAt(fiscalYear, throughQuarter)
      : (history.filter((h) => h.fiscalYear === fiscalYear && h.quarter <= throughQuarter).at(-1)?.value ?? null);
  const { id, name, unit, source } = row;
  const direction = row.direction as IndicatorDirection;
  const assessment = assessIndicator(direction, row.baseline, row.target, current);
  return { id, name, unit, direction, source, isCount, baseline: shown(row.baseline), target: shown(row.target), current: shown(current), trend, assessment };
}

interface PlanParts {
  header: ReportPlanHeader;
  plan: PlanRow;
  priorities: ReturnType<typeof livePriorities>;
  actions: ActionRow[];
  indicators: IndicatorRow[];
}

function planParts(ctx: CoreContext, planId: string): PlanParts {
  const plan = planRow(ctx, planId);
  const priorities = livePriorities(ctx, planId);
  const ids = priorities.map((p) => p.id);
  return { header: planHeader(ctx, plan), plan, priorities, actions: liveActions(ctx, ids), indicators: liveIndicators(ctx, ids) };
}

function buildPriorities(
  ctx: CoreContext,
  parts: PlanParts,
  entryOf: (actionId: string) => ProgressEntryRow | undefined,
  indicatorQuarter: Quarter,
  options: PublicOptions,
  currentValue: CurrentValue,
  amended: { of: Map<string, ProgressAmendment[]>; asSubmitted: boolean } = { of: new Map(), asSubmitted: false },
): ReportPriority[] {
  const people = actionPeople(ctx, parts.actions.map((a) => a.id));
  const themes = namesById(ctx, 'themes');
  const commitments = namesById(ctx, 'commitments');
  return parts.priorities.map((p) => ({
    id: p.id,
    rank: p.rank,
    title: p.title,
    description: p.description,
    zone: p.zone as CswbZone,
    themes: p.themeIds.flatMap((id): ThemeRef[] => {
      const t = themes.get(id);
      return t ? [{ id, code: t.code!, nameEn: t.nameEn!, nameFr: t.nameFr! }] : [];
    }),
    actions: parts.actions
      .filter((a) => a.priorityId === p.id)
      .map((a): ReportAction => {
        const entry = entryOf(a.id);
        const { id, title, description } = a;
        const { leadName = null, partnerNames = [] } = people.get(a.id) ?? {};
        return {
          id, title, description, owner: a.owner as OwnerParty, leadName, partnerNames,
          plannedQuarters: (a.plannedQuarters as Quarter[]).slice().sort(),
          commitmentNumbers: a.commitmentIds.flatMap((id) => (commitments.get(id) ? [commitments.get(id)!.number!] : [])),
          entry: entry ? toEntry(entry, options, amended.of.get(entry.id), amended.asSubmitted) : null,
        };
      }),
    indicators: parts.indicators.filter((i) => i.priorityId === p.id).map((i) => toReportIndicator(ctx, i, parts.plan.fiscalYear, indicatorQuarter, options, currentValue)),
  }));
}

export function quarterlyReport(ctx: CoreContext, input: MethodInput<'reports:quarterly'>): QuarterlyReportData {
  const options = publicOptions(input);
  const parts = planParts(ctx, input.planId);
  const entries = entriesOf(ctx, parts.actions.map((a) => a.id), parts.plan.fiscalYear, input.quarter);
  const entryOf = (actionId: string) => entries.find((e) => e.actionId === actionId);
  const amendments = amendmentsOf(ctx, entries.map((e) => e.id));
  const asSubmitted = input.asSubmitted === true;
  const priorities = buildPriorities(ctx, parts, entryOf, input.quarter, options, 'ofQuarter', { of: amendments, asSubmitted });
  const counts = new Map<StatusOrNone, number>([...PROGRESS_STATUSES, 'not_recorded' as const].map((s) => [s, 0]));
  for (const a of parts.actions) {
    const entry = entryOf(a.id);
    const submittedStatus = asSubmitted && entry ? amendments.get(entry.id)?.[0]?.previousStatus : undefined;
    const status: StatusOrNone = (submittedStatus ?? (entry?.status as ProgressStatus | undefined)) ?? 'not_recorded';
    counts.set(status, counts.get(status)! + 1);
  }
  const report = loadReport(ctx, parts.plan, input.quarter);
  return {
    generatedAt: ctx.clock.now(),
    options,
    plan: options.excludeNarratives ? { ...parts.header, summary: null } : parts.header,
    quarter: input.quarter,
    report: { state: report.state, submittedAt: report.submittedAt, submittedBy: report.submittedBy, dueDate: report.dueDate },
    ...(asSubmitted ? { asSubmitted } : {}),
    statusCounts: [...counts].map(([status, count]) => ({ status, count: suppressCount(count, options) })),
    priorities,
  };
}

/** The parts of an annual plan read one after the other, each reported as one unit of the 'report' step. */
const ANNUAL_PARTS = 4;

export function annualPlan(ctx: CoreContext, input: MethodInput<'reports:annual'>): AnnualPlanData {
  // Issue 13 §1: a large plan (hundreds of actions, years of progress) takes a while; the document shows how far it is.
  ctx.progress?.('report', 0, ANNUAL_PARTS);
  const options = publicOptions(input);
  const parts = planParts(ctx, input.planId);
  ctx.progress?.('report', 1, ANNUAL_PARTS);
  const entries = entriesOf(ctx, parts.actions.map((a) => a.id), parts.plan.fiscalYear);
  const latestEntry = new Map<string, (typeof entries)[number]>();
  for (const e of entries) latestEntry.set(e.actionId, e); // in the order entriesOf gives: the last one stays
  const latestOf = (actionId: string) => latestEntry.get(actionId);
  const throughQuarter = entries.length ? (Math.max(...entries.map((e) => e.quarter)) as Quarter) : null;
  ctx.progress?.('report', 2, ANNUAL_PARTS);
  // Indicators: their latest value of the year, and the assessment of that value.
  const priorities = buildPriorities(ctx, parts, latestOf, throughQuarter ?? 4, options, 'latestOfYear');
  ctx.progress?.('report', 3, ANNUAL_PARTS);
  const continued = continuingPlans(ctx, parts.plan.fiscalYear + 1);
  const inPlanOrder = parts.priorities.flatMap((p) => parts.actions.filter((a) => a.priorityId === p.id));
  const items: YearEndItem[] = inPlanOrder.map((a) => {
    const last = latestOf(a.id);
    const lastStatus = (last?.status as ProgressStatus | undefined) ?? null;
    return {
      actionId: a.id,
      title: a.title,
      priorityTitle: parts.priorities.find((p) => p.id === a.priorityId)?.title ?? '',
      outcome: yearEndOutcome(lastStatus),
      lastStatus,
      lastQuarter: (last?.quarter as Quarter | undefined) ?? null,
      continuedInPlanId: continued.get(a.id) ?? null,
    };
  });
  const count = (o: YearEndOutcome) => suppressCount(items.filter((i) => i.outcome === o).length, options);
  const revisions = revisionsOf(ctx, parts.plan.id).map(({ reason, openedBy, openedAt, closedAt }) => ({ reason, openedBy, openedAt, closedAt }));
  ctx.progress?.('report', ANNUAL_PARTS, ANNUAL_PARTS);
  return {
    generatedAt: ctx.clock.now(),
    options,
    plan: parts.header,
    revisions,
    priorities,
    yearEnd: { throughQuarter, counts: { completed: count('completed'), carried_forward: count('carried_forward'), discontinued: count('discontinued') }, items },
  };
}

