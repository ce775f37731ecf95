import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import * as schema from '../../../db/schema';
import { msg } from '../../../shared/core-messages';
import type { Action, Indicator, Plan, PlanRevision, PlanSummary, Priority } from '../../../shared/domain';
import type { Quarter } from '../../../shared/fiscal-calendar';
import type { CswbZone, IndicatorDirection, OwnerParty, PlanStatus } from '../../../shared/vocabulary';
import type { CoreContext } from '../changelog/core-context';
import { DomainError, notFound } from '../../../shared/domain-error';

export type PlanRow = typeof schema.plans.$inferSelect;
export type PriorityRow = typeof schema.priorities.$inferSelect;
export type ActionRow = typeof schema.actions.$inferSelect;
export type IndicatorRow = typeof schema.indicators.$inferSelect;

export function planRow(ctx: CoreContext, planId: string): PlanRow {
  const row = ctx.db.select().from(schema.plans).where(eq(schema.plans.id, planId)).get();
  if (!row || row.deletedAt) throw notFound('plan');
  return row;
}

export function priorityRow(ctx: CoreContext, priorityId: string, { includeRemoved = false } = {}): PriorityRow {
  const row = ctx.db.select().from(schema.priorities).where(eq(schema.priorities.id, priorityId)).get();
  if (!row || (row.deletedAt && !includeRemoved)) throw notFound('priority');
  return row;
}

export function actionRow(ctx: CoreContext, actionId: string, { includeRemoved = false } = {}): ActionRow {
  const row = ctx.db.select().from(schema.actions).where(eq(schema.actions.id, actionId)).get();
  if (!row || (row.deletedAt && !includeRemoved)) throw notFound('action');
  return row;
}

export function indicatorRow(ctx: CoreContext, indicatorId: string, { includeRemoved = false } = {}): IndicatorRow {
  const row = ctx.db.select().from(schema.indicators).where(eq(schema.indicators.id, indicatorId)).get();
  if (!row || (row.deletedAt && !includeRemoved)) throw notFound('indicator');
  return row;
}

export function openRevision(ctx: CoreContext, planId: string) {
  return ctx.db
    .select()
    .from(schema.planRevisions)
    .where(and(eq(schema.planRevisions.planId, planId), isNull(schema.planRevisions.closedAt), isNull(schema.planRevisions.deletedAt)))
    .get();
}

/** A draft may be edited; an agreed or active plan only inside an open revision; a closed plan never. */
export function isPlanEditable(ctx: CoreContext, plan: PlanRow): boolean {
  if (plan.status === 'draft') return true;
  if (plan.status === 'closed') return false;
  return openRevision(ctx, plan.id) !== undefined;
}

export function assertPlanEditable(ctx: CoreContext, plan: PlanRow): void {
  if (isPlanEditable(ctx, plan)) return;
  if (plan.status === 'closed') throw new DomainError('forbidden', msg('plan.closed'));
  const signed = plan.detachmentSignedOn ?? plan.communitySignedOn;
  throw new DomainError('forbidden', signed ? msg('plan.agreedOn', { date: signed }) : msg('plan.agreed'));
}

export function toAction(row: ActionRow): Action {
  return {
    id: row.id,
    priorityId: row.priorityId,
    rank: row.rank,
    title: row.title,
    description: row.description,
    owner: row.owner as OwnerParty,
    leadPersonId: row.leadPersonId,
    leadName: row.leadName,
    partnerOrganisationIds: row.partnerOrganisationIds,
    plannedQuarters: row.plannedQuarters as Quarter[],
    commitmentIds: row.commitmentIds,
    continuesActionId: row.continuesActionId,
  };
}

export function toIndicator(ctx: CoreContext, row: IndicatorRow): Indicator {
  const values = ctx.db
    .select()
    .from(schema.indicatorValues)
    .where(and(eq(schema.indicatorValues.indicatorId, row.id), isNull(schema.indicatorValues.deletedAt)))
    .orderBy(asc(schema.indicatorValues.fiscalYear), asc(schema.indicatorValues.quarter))
    .all();
  return {
    id: row.id,
    priorityId: row.priorityId,
    name: row.name,
    unit: row.unit,
    baseline: row.baseline,
    target: row.target,
    direction: row.direction as IndicatorDirection,
    source: row.source,
    continuesIndicatorId: row.continuesIndicatorId,
    values: values.map((v) => ({
      id: v.id,
      indicatorId: v.indicatorId,
      fiscalYear: v.fiscalYear,
      quarter: v.quarter as Quarter,
      value: v.value,
      note: v.note,
    })),
  };
}

export function livePriorities(ctx: CoreContext, planId: string): PriorityRow[] {
  return ctx.db
    .select()
    .from(schema.priorities)
    .where(and(eq(schema.priorities.planId, planId), isNull(schema.priorities.deletedAt)))
    .orderBy(asc(schema.priorities.rank), asc(schema.priorities.id))
    .all();
}

export function liveActions(ctx: CoreContext, priorityIds: string[]): ActionRow[] {
  if (priorityIds.length === 0) return [];
  return ctx.db
    .select()
    .from(schema.actions)
    .where(and(inArray(schema.actions.priorityId, priorityIds), isNull(schema.actions.deletedAt)))
    .orderBy(asc(schema.actions.rank), asc(schema.actions.id))
    .all();
}

export function liveIndicators(ctx: CoreContext, priorityIds: string[]): IndicatorRow[] {
  if (priorityIds.length === 0) return [];
  return ctx.db
    .select()
    .from(schema.indicators)
    .where(and(inArray(schema.indicators.priorityId, priorityIds), isNull(schema.indicators.deletedAt)))
    .orderBy(asc(schema.indicators.name), asc(schema.indicators.id))
    .all();
}

export function toPriority(ctx: CoreContext, row: PriorityRow, actions: ActionRow[], indicators: IndicatorRow[]): Priority {
  return {
    id: row.id,
    planId: row.planId,
    rank: row.rank,
    title: row.title,
    description: row.description,
    themeIds: row.themeIds,
    zone: row.zone as CswbZone,
    continuesPriorityId: row.continuesPriorityId,
    actions: actions.filter((a) => a.priorityId === row.id).map(toAction),
    indicators: indicators.filter((i) => i.priorityId === row.id).map((i) => toIndicator(ctx, i)),
  };
}

export function loadPlan(ctx: CoreContext, planId: string): Plan {
  const plan = planRow(ctx, planId);
  const community = ctx.db.select({ name: schema.communities.name }).from(schema.communities).where(eq(schema.communities.id, plan.communityId)).get();
  const priorities = livePriorities(ctx, planId);
  const priorityIds = priorities.map((p) => p.id);
  const actions = liveActions(ctx, priorityIds);
  const indicators = liveIndicators(ctx, priorityIds);
  const revisions: PlanRevision[] = ctx.db
    .select()
    .from(schema.planRevisions)
    .where(and(eq(schema.planRevisions.planId, planId), isNull(schema.planRevisions.deletedAt)))
    .orderBy(asc(schema.planRevisions.openedAt))
    .all()
    .map(({ deletedAt: _removed, ...r }) => r);
  return {
    id: plan.id,
    communityId: plan.communityId,
    communityName: community?.name ?? '',
    fiscalYear: plan.fiscalYear,
    title: plan.title,
    summary: plan.summary,
    status: plan.status as PlanStatus,
    copiedFromPlanId: plan.copiedFromPlanId,
    communitySignatory: plan.communitySignatory,
    communitySignedOn: plan.communitySignedOn,
    detachmentSignatory: plan.detachmentSignatory,
    detachmentSignedOn: plan.detachmentSignedOn,
    priorities: priorities.map((p) => toPriority(ctx, p, actions, indicators)),
    revisions,
    editable: isPlanEditable(ctx, plan),
  };
}

export function listPlanSummaries(ctx: CoreContext, filter: { communityId?: string; fiscalYear?: number }): PlanSummary[] {
  if (filter.communityId) {
    const community = ctx.db.select({ id: schema.communities.id }).from(schema.communities).where(and(eq(schema.communities.id, filter.communityId), isNull(schema.communities.deletedAt))).get();
    if (!community) throw notFound('community');
  }
  const rows = ctx.sqlite
    .prepare(
      `SELECT p.id, p.community_id AS communityId, c.name AS communityName, p.fiscal_year AS fiscalYear, p.title, p.status,
              p.copied_from_plan_id AS copiedFromPlanId,
              (SELECT count(*) FROM priorities pr WHERE pr.plan_id = p.id AND pr.deleted_at IS NULL) AS priorityCount,
              (SELECT count(*) FROM actions a JOIN priorities pr ON pr.id = a.priority_id
                 WHERE pr.plan_id = p.id AND pr.deleted_at IS NULL AND a.deleted_at IS NULL) AS actionCount
         FROM plans p JOIN communities c ON c.id = p.community_id
        WHERE p.deleted_at IS NULL
          AND (@communityId IS NULL OR p.community_id = @communityId)
          AND (@fiscalYear IS NULL OR p.fiscal_year = @fiscalYear)
        ORDER BY p.fiscal_year DESC, c.name`,
    )
    .all({ communityId: filter.communityId ?? null, fiscalYear: filter.fiscalYear ?? null }) as PlanSummary[];
  return rows;
}
