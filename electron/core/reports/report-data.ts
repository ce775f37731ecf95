/**
 * The quarterly community report and the annual plan document, as data. The renderer's print
 * routes lay them out (the same pages print from the app, the harness and the CLI); public
 * outputs are suppressed here, once, so no layout can show what it should not.
 */
import type { MethodInput } from '../../../shared/contract';
import { compareFiscalQuarters, type FiscalYear, type Quarter } from '../../../shared/fiscal-calendar';
import type {
  AnnualPlanData,
  IndicatorAssessment,
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
import { isCountUnit, publicOptions, suppressCount, suppressMeasure } from '../../../shared/suppression';
import { PROGRESS_STATUSES, type CswbZone, type IndicatorDirection, type OwnerParty, type PlanStatus, type ProgressStatus } from '../../../shared/vocabulary';
import type { CoreContext } from '../changelog/core-context';
import { liveActions, liveIndicators, livePriorities, planRow, type ActionRow, type IndicatorRow, type PlanRow } from '../services/plan-queries';
import { loadReport } from '../services/progress';

/** How many past quarters a trend chart shows, the report's own included. */
export const TREND_QUARTERS = 8;

export function planHeader(ctx: CoreContext, plan: PlanRow): ReportPlanHeader {
  const community = ctx.sqlite
    .prepare(
      `SELECT c.name, c.region, d.name AS detachmentName
         FROM communities c LEFT JOIN detachments d ON d.id = c.served_by_detachment_id
        WHERE c.id = ?`,
    )
    .get(plan.communityId) as { name: string; region: string; detachmentName: string | null } | undefined;
  return {
    id: plan.id,
    title: plan.title,
    summary: plan.summary,
    status: plan.status as PlanStatus,
    fiscalYear: plan.fiscalYear,
    communityId: plan.communityId,
    communityName: community?.name ?? '',
    region: community?.region ?? '',
    detachmentName: community?.detachmentName ?? null,
    communitySignatory: plan.communitySignatory,
    communitySignedOn: plan.communitySignedOn,
    detachmentSignatory: plan.detachmentSignatory,
    detachmentSignedOn: plan.detachmentSignedOn,
  };
}

function namesById(ctx: CoreContext, table: 'organisations' | 'themes' | 'commitments'): Map<string, Record<string, string>> {
  const columns = table === 'themes' ? 'id, code, name_en AS nameEn, name_fr AS nameFr' : table === 'commitments' ? 'id, number' : 'id, name';
  const rows = ctx.sqlite.prepare(`SELECT ${columns} FROM ${table}`).all() as Array<Record<string, string>>;
  return new Map(rows.map((r) => [r.id!, r]));
}

interface EntryRow {
  actionId: string;
  fiscalYear: number;
  quarter: number;
  status: string;
  narrative: string;
  nextSteps: string | null;
  author: string;
  updatedAt: string;
}

function entriesOf(ctx: CoreContext, actionIds: string[], fiscalYear: FiscalYear): EntryRow[] {
  if (actionIds.length === 0) return [];
  return ctx.sqlite
    .prepare(
      `SELECT action_id AS actionId, fiscal_year AS fiscalYear, quarter, status, narrative, next_steps AS nextSteps, author, updated_at AS updatedAt
         FROM progress_entries
        WHERE deleted_at IS NULL AND fiscal_year = ? AND action_id IN (SELECT value FROM json_each(?))
        ORDER BY quarter`,
    )
    .all(fiscalYear, JSON.stringify(actionIds)) as EntryRow[];
}

function toEntry(row: EntryRow, options: PublicOptions): ReportEntry {
  return {
    fiscalYear: row.fiscalYear,
    quarter: row.quarter as Quarter,
    status: row.status as ProgressStatus,
    narrative: options.excludeNarratives ? null : row.narrative,
    nextSteps: options.excludeNarratives ? null : row.nextSteps,
    author: row.author,
    updatedAt: row.updatedAt,
  };
}

/**
 * Every recorded value of an indicator and of the indicators it continues from earlier years
 * (copy forward links them), by fiscal year and quarter.
 */
export function indicatorHistory(ctx: CoreContext, indicatorId: string): Array<{ fiscalYear: FiscalYear; quarter: Quarter; value: number }> {
  const chain: string[] = [];
  let current: string | null = indicatorId;
  while (current && !chain.includes(current) && chain.length < 50) {
    chain.push(current);
    const row = ctx.sqlite.prepare('SELECT continues_indicator_id AS previous FROM indicators WHERE id = ?').get(current) as { previous: string | null } | undefined;
    current = row?.previous ?? null;
  }
  const rows = ctx.sqlite
    .prepare(
      `SELECT fiscal_year AS fiscalYear, quarter, value FROM indicator_values
        WHERE deleted_at IS NULL AND indicator_id IN (SELECT value FROM json_each(?))
        ORDER BY fiscal_year, quarter`,
    )
    .all(JSON.stringify(chain)) as Array<{ fiscalYear: number; quarter: Quarter; value: number }>;
  // The newest indicator's value wins where two in the chain hold the same quarter.
  const byQuarter = new Map<string, { fiscalYear: number; quarter: Quarter; value: number }>();
  for (const r of rows) if (!byQuarter.has(`${r.fiscalYear}:${r.quarter}`)) byQuarter.set(`${r.fiscalYear}:${r.quarter}`, r);
  return [...byQuarter.values()].sort(compareFiscalQuarters);
}

/** The quarters ending with (fiscalYear, quarter), oldest first. */
export function quartersEndingAt(fiscalYear: FiscalYear, quarter: Quarter, count: number): Array<{ fiscalYear: FiscalYear; quarter: Quarter }> {
  const out: Array<{ fiscalYear: FiscalYear; quarter: Quarter }> = [];
  let fy = fiscalYear;
  let q: number = quarter;
  for (let i = 0; i < count; i += 1) {
    out.unshift({ fiscalYear: fy, quarter: q as Quarter });
    q -= 1;
    if (q === 0) {
      q = 4;
      fy -= 1;
    }
  }
  return out;
}

/**
 * The latest value against baseline and target, in the indicator's direction. "Maintain" is met
 * while the value stays within 10 % of its target (or of the baseline when there is no target).
 */
export function assessIndicator(direction: IndicatorDirection, baseline: number | null, target: number | null, latest: number | null): IndicatorAssessment {
  if (latest === null) return 'no_data';
  if (direction === 'maintain') {
    const reference = target ?? baseline;
    if (reference === null) return 'unchanged';
    return Math.abs(latest - reference) <= Math.abs(reference) * 0.1 ? 'target_met' : 'worsening';
  }
  const better = (a: number, b: number) => (direction === 'increase' ? a > b : a < b);
  if (target !== null && (latest === target || better(latest, target))) return 'target_met';
  if (baseline === null || latest === baseline) return 'unchanged';
  return better(latest, baseline) ? 'improving' : 'worsening';
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
  const trend: TrendPoint[] = quartersEndingAt(fiscalYear, throughQuarter, TREND_QUARTERS).map((p) => ({
    ...p,
    value: suppressMeasure(valueAt(p.fiscalYear, p.quarter), isCount, options),
  }));
  const current =
    currentValue === 'ofQuarter'
      ? valueAt(fiscalYear, throughQuarter)
      : (history.filter((h) => h.fiscalYear === fiscalYear && h.quarter <= throughQuarter).at(-1)?.value ?? null);
  return {
    id: row.id,
    name: row.name,
    unit: row.unit,
    direction: row.direction as IndicatorDirection,
    source: row.source,
    isCount,
    baseline: suppressMeasure(row.baseline, isCount, options),
    target: suppressMeasure(row.target, isCount, options),
    current: suppressMeasure(current, isCount, options),
    trend,
    assessment: assessIndicator(row.direction as IndicatorDirection, row.baseline, row.target, current),
  };
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
  entryOf: (actionId: string) => EntryRow | undefined,
  indicatorQuarter: Quarter,
  options: PublicOptions,
  currentValue: CurrentValue,
): ReportPriority[] {
  const organisations = namesById(ctx, 'organisations');
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
        return {
          id: a.id,
          title: a.title,
          description: a.description,
          owner: a.owner as OwnerParty,
          leadName: a.leadName,
          partnerNames: a.partnerOrganisationIds.flatMap((id) => (organisations.get(id) ? [organisations.get(id)!.name!] : [])),
          plannedQuarters: (a.plannedQuarters as Quarter[]).slice().sort(),
          commitmentNumbers: a.commitmentIds.flatMap((id) => (commitments.get(id) ? [commitments.get(id)!.number!] : [])),
          entry: entry ? toEntry(entry, options) : null,
        };
      }),
    indicators: parts.indicators.filter((i) => i.priorityId === p.id).map((i) => toReportIndicator(ctx, i, parts.plan.fiscalYear, indicatorQuarter, options, currentValue)),
  }));
}

export function quarterlyReport(ctx: CoreContext, input: MethodInput<'reports:quarterly'>): QuarterlyReportData {
  const options = publicOptions(input);
  const parts = planParts(ctx, input.planId);
  const entries = entriesOf(ctx, parts.actions.map((a) => a.id), parts.plan.fiscalYear).filter((e) => e.quarter === input.quarter);
  const entryOf = (actionId: string) => entries.find((e) => e.actionId === actionId);
  const priorities = buildPriorities(ctx, parts, entryOf, input.quarter, options, 'ofQuarter');
  const counts = new Map<StatusOrNone, number>([...PROGRESS_STATUSES, 'not_recorded' as const].map((s) => [s, 0]));
  for (const a of parts.actions) {
    const status: StatusOrNone = (entryOf(a.id)?.status as ProgressStatus | undefined) ?? 'not_recorded';
    counts.set(status, counts.get(status)! + 1);
  }
  const report = loadReport(ctx, parts.plan, input.quarter);
  return {
    generatedAt: ctx.clock.now(),
    options,
    plan: options.excludeNarratives ? { ...parts.header, summary: null } : parts.header,
    quarter: input.quarter,
    report: { state: report.state, submittedAt: report.submittedAt, submittedBy: report.submittedBy, dueDate: report.dueDate },
    statusCounts: [...counts].map(([status, count]) => ({ status, count: suppressCount(count, options) })),
    priorities,
  };
}

/** completed and discontinued are final; anything else (or nothing recorded) carries forward. */
export function yearEndOutcome(lastStatus: ProgressStatus | null): YearEndOutcome {
  return lastStatus === 'completed' ? 'completed' : lastStatus === 'discontinued' ? 'discontinued' : 'carried_forward';
}

export function annualPlan(ctx: CoreContext, input: MethodInput<'reports:annual'>): AnnualPlanData {
  const options = publicOptions(input);
  const parts = planParts(ctx, input.planId);
  const entries = entriesOf(ctx, parts.actions.map((a) => a.id), parts.plan.fiscalYear);
  const latestOf = (actionId: string) => entries.filter((e) => e.actionId === actionId).at(-1);
  const throughQuarter = entries.length ? (Math.max(...entries.map((e) => e.quarter)) as Quarter) : null;
  // Indicators: their latest value of the year, and the assessment of that value.
  const priorities = buildPriorities(ctx, parts, latestOf, throughQuarter ?? 4, options, 'latestOfYear');
  const continued = new Map(
    (
      ctx.sqlite
        .prepare(
          `SELECT a.continues_action_id AS previous, p.id AS planId
             FROM actions a JOIN priorities pr ON pr.id = a.priority_id AND pr.deleted_at IS NULL
             JOIN plans p ON p.id = pr.plan_id AND p.deleted_at IS NULL
            WHERE a.deleted_at IS NULL AND a.continues_action_id IS NOT NULL AND p.fiscal_year = ?`,
        )
        .all(parts.plan.fiscalYear + 1) as Array<{ previous: string; planId: string }>
    ).map((r) => [r.previous, r.planId]),
  );
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
  const revisions = ctx.sqlite
    .prepare('SELECT reason, opened_by AS openedBy, opened_at AS openedAt, closed_at AS closedAt FROM plan_revisions WHERE plan_id = ? AND deleted_at IS NULL ORDER BY opened_at')
    .all(parts.plan.id) as AnnualPlanData['revisions'];
  return {
    generatedAt: ctx.clock.now(),
    options,
    plan: parts.header,
    revisions,
    priorities,
    yearEnd: { throughQuarter, counts: { completed: count('completed'), carried_forward: count('carried_forward'), discontinued: count('discontinued') }, items },
  };
}

