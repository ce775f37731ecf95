/**
 * Reads of the plan aggregate: a plan with its priorities, actions, indicators and revisions,
 * each row by id (live, or removed when restoring), and the plans of a year. Services, reports
 * and exports read plans only through here.
 */
import { planDisplayTitle } from '../../../shared/plan-title';
import { localeOf } from './reference';
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import * as schema from '../../../db/schema';
import type { Action, Indicator, Plan, PlanRevision, PlanSummary, Priority } from '../../../shared/domain';
import type { Quarter } from '../../../shared/fiscal-calendar';
import type { CswbZone, IndicatorDirection, OwnerParty, PlanStatus } from '../../../shared/vocabulary';
import type { CoreContext } from '../changelog/core-context';
import { notFound } from '../../../shared/domain-error';
import { indicatorValuesOf } from './indicators';
import { isLive, isLiveRow, live, withoutRemovalMark } from './live';

export type PlanRow = typeof schema.plans.$inferSelect;
export type PriorityRow = typeof schema.priorities.$inferSelect;
export type ActionRow = typeof schema.actions.$inferSelect;
export type IndicatorRow = typeof schema.indicators.$inferSelect;
type Removed = { includeRemoved?: boolean };

export function planRow(ctx: CoreContext, planId: string): PlanRow {
  const row = ctx.db.select().from(schema.plans).where(eq(schema.plans.id, planId)).get();
  if (!isLiveRow(row)) throw notFound('plan');
  return row;
}

/** Whether a live plan holds this id (a removed one may be created again). */
export function planExists(ctx: CoreContext, planId: string): boolean {
  return isLiveRow(ctx.db.select().from(schema.plans).where(eq(schema.plans.id, planId)).get());
}

export function priorityRow(ctx: CoreContext, priorityId: string, removed: Removed = {}): PriorityRow {
  const row = ctx.db.select().from(schema.priorities).where(eq(schema.priorities.id, priorityId)).get();
  if (!isLiveRow(row, removed)) throw notFound('priority');
  return row;
}

export function actionRow(ctx: CoreContext, actionId: string, removed: Removed = {}): ActionRow {
  const row = ctx.db.select().from(schema.actions).where(eq(schema.actions.id, actionId)).get();
  if (!isLiveRow(row, removed)) throw notFound('action');
  return row;
}

export function indicatorRow(ctx: CoreContext, indicatorId: string, removed: Removed = {}): IndicatorRow {
  const row = ctx.db.select().from(schema.indicators).where(eq(schema.indicators.id, indicatorId)).get();
  if (!isLiveRow(row, removed)) throw notFound('indicator');
  return row;
}

export function openRevision(ctx: CoreContext, planId: string) {
  return revisionsOf(ctx, planId).find((r) => r.closedAt === null);
}

/** A plan's live revisions, oldest first. */
export function revisionsOf(ctx: CoreContext, planId: string): PlanRevision[] {
  const revisions = schema.planRevisions;
  return ctx.db.select().from(revisions).where(and(eq(revisions.planId, planId), isLive(revisions))).orderBy(asc(revisions.openedAt)).all().map(withoutRemovalMark);
}

/** A draft may be edited; an agreed or active plan only inside an open revision; a closed plan never. */
export function isPlanEditable(ctx: CoreContext, plan: PlanRow): boolean {
  if (plan.status === 'draft') return true;
  if (plan.status === 'closed') return false;
  return openRevision(ctx, plan.id) !== undefined;
}

export function toAction(row: ActionRow): Action {
  return { ...withoutRemovalMark(row), owner: row.owner as OwnerParty, plannedQuarters: row.plannedQuarters as Quarter[] };
}

export function toIndicator(ctx: CoreContext, row: IndicatorRow): Indicator {
  return {
    ...withoutRemovalMark(row),
    direction: row.direction as IndicatorDirection,
    values: indicatorValuesOf(ctx, row.id).map((v) => ({ ...withoutRemovalMark(v), quarter: v.quarter as Quarter })),
  };
}

export function livePriorities(ctx: CoreContext, planId: string): PriorityRow[] {
  return ctx.db
    .select()
    .from(schema.priorities)
    .where(and(eq(schema.priorities.planId, planId), isLive(schema.priorities)))
    .orderBy(asc(schema.priorities.rank), asc(schema.priorities.id))
    .all();
}

export function liveActions(ctx: CoreContext, priorityIds: string[]): ActionRow[] {
  if (priorityIds.length === 0) return [];
  const { actions } = schema;
  return ctx.db.select().from(actions).where(and(inArray(actions.priorityId, priorityIds), isLive(actions))).orderBy(asc(actions.rank), asc(actions.id)).all();
}

export function liveIndicators(ctx: CoreContext, priorityIds: string[]): IndicatorRow[] {
  if (priorityIds.length === 0) return [];
  const { indicators } = schema;
  return ctx.db.select().from(indicators).where(and(inArray(indicators.priorityId, priorityIds), isLive(indicators))).orderBy(asc(indicators.name), asc(indicators.id)).all();
}

/** The rank after the last live priority of a plan, or the last live action of a priority. */
export function nextRank(ctx: CoreContext, of: { planId: string } | { priorityId: string }): number {
  const last =
    'planId' in of
      ? ctx.db.select({ rank: max(schema.priorities.rank) }).from(schema.priorities).where(and(eq(schema.priorities.planId, of.planId), isLive(schema.priorities))).get()
      : ctx.db.select({ rank: max(schema.actions.rank) }).from(schema.actions).where(and(eq(schema.actions.priorityId, of.priorityId), isLive(schema.actions))).get();
  return (last?.rank ?? -1) + 1;
}

export function toPriority(ctx: CoreContext, row: PriorityRow, actions: ActionRow[], indicators: IndicatorRow[]): Priority {
  return {
    ...withoutRemovalMark(row),
    zone: row.zone as CswbZone,
    actions: actions.filter((a) => a.priorityId === row.id).map(toAction),
    indicators: indicators.filter((i) => i.priorityId === row.id).map((i) => toIndicator(ctx, i)),
  };
}

/** Who signed a plan for the community and for the detachment, and when. */
export function signaturesOf(plan: PlanRow): Pick<PlanRow, 'communitySignatory' | 'communitySignedOn' | 'detachmentSignatory' | 'detachmentSignedOn'> {
  const { communitySignatory, communitySignedOn, detachmentSignatory, detachmentSignedOn } = plan;
  return { communitySignatory, communitySignedOn, detachmentSignatory, detachmentSignedOn };
}

export function loadPlan(ctx: CoreContext, planId: string): Plan {
  const plan = planRow(ctx, planId);
  const community = ctx.db.select({ name: schema.communities.name }).from(schema.communities).where(eq(schema.communities.id, plan.communityId)).get();
  const priorities = livePriorities(ctx, planId);
  const priorityIds = priorities.map((p) => p.id);
  const actions = liveActions(ctx, priorityIds);
  const indicators = liveIndicators(ctx, priorityIds);
  return {
    id: plan.id,
    communityId: plan.communityId,
    communityName: community?.name ?? '',
    fiscalYear: plan.fiscalYear,
    title: planDisplayTitle(plan.title, community?.name ?? '', plan.fiscalYear, localeOf(ctx)),
    summary: plan.summary,
    status: plan.status as PlanStatus,
    copiedFromPlanId: plan.copiedFromPlanId,
    ...signaturesOf(plan),
    priorities: priorities.map((p) => toPriority(ctx, p, actions, indicators)),
    revisions: revisionsOf(ctx, planId),
    editable: isPlanEditable(ctx, plan),
  };
}

export function listPlanSummaries(ctx: CoreContext, filter: { communityId?: string; fiscalYear?: number }): PlanSummary[] {
  if (filter.communityId) {
    const community = ctx.db.select().from(schema.communities).where(eq(schema.communities.id, filter.communityId)).get();
    if (!isLiveRow(community)) throw notFound('community');
  }
  const rows = ctx.sqlite
    .prepare(
      `SELECT p.id, p.community_id AS communityId, c.name AS communityName, p.fiscal_year AS fiscalYear, p.title, p.status,
              p.copied_from_plan_id AS copiedFromPlanId,
              (SELECT count(*) FROM priorities pr WHERE pr.plan_id = p.id AND ${live('pr')}) AS priorityCount,
              (SELECT count(*) FROM actions a JOIN priorities pr ON pr.id = a.priority_id
                 WHERE pr.plan_id = p.id AND ${live('pr')} AND ${live('a')}) AS actionCount
         FROM plans p JOIN communities c ON c.id = p.community_id
        WHERE ${live('p')}
          AND (@communityId IS NULL OR p.community_id = @communityId)
          AND (@fiscalYear IS NULL OR p.fiscal_year = @fiscalYear)
        ORDER BY p.fiscal_year DESC, c.name`,
    )
    .all({ communityId: filter.communityId ?? null, fiscalYear: filter.fiscalYear ?? null }) as PlanSummary[];
  const locale = localeOf(ctx);
  return rows.map((r) => ({ ...r, title: planDisplayTitle(r.title, r.communityName, r.fiscalYear, locale) }));
}

/** Each community's live plan of a fiscal year, by community id. */
export function plansOfYear(ctx: CoreContext, fiscalYear: number): Map<string, { id: string; status: PlanStatus }> {
  const rows = ctx.db
    .select({ id: schema.plans.id, communityId: schema.plans.communityId, status: schema.plans.status })
    .from(schema.plans)
    .where(and(eq(schema.plans.fiscalYear, fiscalYear), isLive(schema.plans)))
    .all();
  return new Map(rows.map((p) => [p.communityId, { id: p.id, status: p.status as PlanStatus }]));
}

/** The live priorities of every live plan of a fiscal year, in rank order. */
export function prioritiesOfYear(ctx: CoreContext, fiscalYear: number): Array<{ id: string; planId: string; communityId: string; title: string; zone: CswbZone; themeIds: string[] }> {
  return (
    ctx.sqlite
      .prepare(
        `SELECT pr.id, pr.plan_id AS planId, p.community_id AS communityId, pr.title, pr.zone, pr.theme_ids AS themeIds
           FROM priorities pr JOIN plans p ON p.id = pr.plan_id AND ${live('p')}
          WHERE ${live('pr')} AND p.fiscal_year = ?
          ORDER BY pr.rank, pr.id`,
      )
      .all(fiscalYear) as Array<{ id: string; planId: string; communityId: string; title: string; zone: CswbZone; themeIds: string }>
  ).map((p) => ({ ...p, themeIds: JSON.parse(p.themeIds) as string[] }));
}

/** Which plan of a fiscal year continues each earlier action (copy forward links them), by the earlier action's id. */
export function continuingPlans(ctx: CoreContext, fiscalYear: number): Map<string, string> {
  const rows = ctx.sqlite
    .prepare(
      `SELECT a.continues_action_id AS previous, p.id AS planId
         FROM actions a JOIN priorities pr ON pr.id = a.priority_id AND ${live('pr')}
         JOIN plans p ON p.id = pr.plan_id AND ${live('p')}
        WHERE ${live('a')} AND a.continues_action_id IS NOT NULL AND p.fiscal_year = ?`,
    )
    .all(fiscalYear) as Array<{ previous: string; planId: string }>;
  return new Map(rows.map((r) => [r.previous, r.planId]));
}

/** For each live theme named by a live priority of a live plan of the year: the community and plan. */
export function themeUsesOfYear(ctx: CoreContext, fiscalYear: number) {
  return ctx.sqlite
    .prepare(
      `SELECT t.id AS themeId, t.code, t.name_en AS nameEn, t.name_fr AS nameFr, c.id AS communityId, c.name AS communityName, p.id AS planId
         FROM priorities pr
         JOIN json_each(pr.theme_ids) je
         JOIN themes t ON t.id = je.value AND ${live('t')}
         JOIN plans p ON p.id = pr.plan_id AND ${live('p')}
         JOIN communities c ON c.id = p.community_id AND ${live('c')}
        WHERE ${live('pr')} AND p.fiscal_year = ?`,
    )
    .all(fiscalYear) as Array<{ themeId: string; code: string; nameEn: string; nameFr: string; communityId: string; communityName: string; planId: string }>;
}
