import { and, eq, inArray, isNull, max } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../db/schema';
import type { MethodInput } from '../../../shared/contract';
import { msg, type Noun, noun } from '../../../shared/core-messages';
import type { Action, Indicator, IndicatorValue, Plan, Priority } from '../../../shared/domain';
import { change, type CoreContext } from '../changelog/core-context';
import { naturalIds } from '../changelog/deterministic-id';
import { DomainError, notFound } from '../../../shared/domain-error';
import {
  actionRow,
  assertPlanEditable,
  indicatorRow,
  liveActions,
  liveIndicators,
  livePriorities,
  loadPlan,
  planRow,
  priorityRow,
  toAction,
  toIndicator,
  toPriority,
} from './plan-queries';

/** Refuses ids that do not name live rows of a reference table, saying which kind is wrong. */
function assertAllExist(ctx: CoreContext, ids: string[] | undefined, table: SQLiteTable & { id: SQLiteColumn; deletedAt: SQLiteColumn }, what: Noun) {
  if (!ids || ids.length === 0) return;
  const unique = [...new Set(ids)];
  const found = ctx.db
    .select({ id: table.id })
    .from(table)
    .where(and(inArray(table.id, unique), isNull(table.deletedAt)))
    .all();
  if (found.length !== unique.length) {
    const known = new Set(found.map((r) => r.id));
    const missing = unique.filter((id) => !known.has(id));
    throw new DomainError('not_found', msg('core.doesNotExist', { thing: noun(what), ids: missing.join(', '), count: missing.length }));
  }
}

function editablePlanOfPriority(ctx: CoreContext, priorityId: string, opts = { includeRemoved: false }) {
  const priority = priorityRow(ctx, priorityId, opts);
  const plan = planRow(ctx, priority.planId);
  assertPlanEditable(ctx, plan);
  return { priority, plan };
}

function loadPriority(ctx: CoreContext, priorityId: string): Priority {
  const row = priorityRow(ctx, priorityId);
  return toPriority(ctx, row, liveActions(ctx, [row.id]), liveIndicators(ctx, [row.id]));
}

// --- Priorities ------------------------------------------------------------------------------

export function addPriority(ctx: CoreContext, input: MethodInput<'priorities:add'>): Priority {
  const plan = planRow(ctx, input.planId);
  assertPlanEditable(ctx, plan);
  assertAllExist(ctx, input.themeIds, schema.themes, 'theme');
  const rank =
    (ctx.db
      .select({ rank: max(schema.priorities.rank) })
      .from(schema.priorities)
      .where(and(eq(schema.priorities.planId, plan.id), isNull(schema.priorities.deletedAt)))
      .get()?.rank ?? -1) + 1;
  const id = ctx.ids.newId();
  change(ctx, 'priorities:add', (w) =>
    w.insert('priorities', {
      id,
      planId: plan.id,
      rank,
      title: input.title,
      description: input.description ?? null,
      themeIds: [...new Set(input.themeIds ?? [])],
      zone: input.zone,
      continuesPriorityId: null,
    }),
  );
  return loadPriority(ctx, id);
}

export function updatePriority(ctx: CoreContext, input: MethodInput<'priorities:update'>): Priority {
  const { priority } = editablePlanOfPriority(ctx, input.priorityId);
  assertAllExist(ctx, input.themeIds, schema.themes, 'theme');
  const { priorityId: _id, ...patch } = input;
  change(ctx, 'priorities:update', (w) =>
    w.update('priorities', priority.id, { ...patch, themeIds: patch.themeIds ? [...new Set(patch.themeIds)] : undefined }),
  );
  return loadPriority(ctx, priority.id);
}

export function removePriority(ctx: CoreContext, input: MethodInput<'priorities:remove'>): { removed: true } {
  const { priority } = editablePlanOfPriority(ctx, input.priorityId);
  change(ctx, 'priorities:remove', (w) => w.remove('priorities', priority.id));
  return { removed: true };
}

export function restorePriority(ctx: CoreContext, input: MethodInput<'priorities:restore'>): Priority {
  const { priority } = editablePlanOfPriority(ctx, input.priorityId, { includeRemoved: true });
  change(ctx, 'priorities:restore', (w) => w.restore('priorities', priority.id));
  return loadPriority(ctx, priority.id);
}

export function reorderPriorities(ctx: CoreContext, input: MethodInput<'priorities:reorder'>): Plan {
  const plan = planRow(ctx, input.planId);
  assertPlanEditable(ctx, plan);
  const current = livePriorities(ctx, plan.id).map((p) => p.id);
  const proposed = input.priorityIds;
  const sameSet = proposed.length === current.length && new Set(proposed).size === proposed.length && proposed.every((id) => current.includes(id));
  if (!sameSet) {
    throw new DomainError('invalid_input', msg('plan.reorder.mismatch'));
  }
  change(ctx, 'priorities:reorder', (w) => proposed.forEach((id, rank) => w.update('priorities', id, { rank })));
  return loadPlan(ctx, plan.id);
}

// --- Actions ---------------------------------------------------------------------------------

function checkActionReferences(ctx: CoreContext, input: Partial<MethodInput<'actions:add'>>) {
  assertAllExist(ctx, input.partnerOrganisationIds, schema.organisations, 'partner organisation');
  assertAllExist(ctx, input.commitmentIds, schema.commitments, 'commitment');
  if (input.leadPersonId) assertAllExist(ctx, [input.leadPersonId], schema.people, 'person');
}

const sortedQuarters = (qs: number[] | undefined) => (qs ? [...new Set(qs)].sort() : undefined);
const uniqueIds = (ids: string[] | undefined) => (ids ? [...new Set(ids)] : undefined);

export function addAction(ctx: CoreContext, input: MethodInput<'actions:add'>): Action {
  const { priority } = editablePlanOfPriority(ctx, input.priorityId);
  checkActionReferences(ctx, input);
  const rank =
    (ctx.db
      .select({ rank: max(schema.actions.rank) })
      .from(schema.actions)
      .where(and(eq(schema.actions.priorityId, priority.id), isNull(schema.actions.deletedAt)))
      .get()?.rank ?? -1) + 1;
  const id = ctx.ids.newId();
  change(ctx, 'actions:add', (w) =>
    w.insert('actions', {
      id,
      priorityId: priority.id,
      rank,
      title: input.title,
      description: input.description ?? null,
      owner: input.owner,
      leadPersonId: input.leadPersonId ?? null,
      leadName: input.leadName ?? null,
      partnerOrganisationIds: uniqueIds(input.partnerOrganisationIds) ?? [],
      plannedQuarters: sortedQuarters(input.plannedQuarters) ?? [],
      commitmentIds: uniqueIds(input.commitmentIds) ?? [],
      continuesActionId: null,
    }),
  );
  return toAction(actionRow(ctx, id));
}

export function updateAction(ctx: CoreContext, input: MethodInput<'actions:update'>): Action {
  const action = actionRow(ctx, input.actionId);
  editablePlanOfPriority(ctx, action.priorityId);
  checkActionReferences(ctx, input);
  const { actionId: _id, ...patch } = input;
  change(ctx, 'actions:update', (w) =>
    w.update('actions', action.id, {
      ...patch,
      partnerOrganisationIds: uniqueIds(patch.partnerOrganisationIds),
      plannedQuarters: sortedQuarters(patch.plannedQuarters),
      commitmentIds: uniqueIds(patch.commitmentIds),
    }),
  );
  return toAction(actionRow(ctx, action.id));
}

export function removeAction(ctx: CoreContext, input: MethodInput<'actions:remove'>): { removed: true } {
  const action = actionRow(ctx, input.actionId);
  editablePlanOfPriority(ctx, action.priorityId);
  change(ctx, 'actions:remove', (w) => w.remove('actions', action.id));
  return { removed: true };
}

export function restoreAction(ctx: CoreContext, input: MethodInput<'actions:restore'>): Action {
  const action = actionRow(ctx, input.actionId, { includeRemoved: true });
  editablePlanOfPriority(ctx, action.priorityId);
  change(ctx, 'actions:restore', (w) => w.restore('actions', action.id));
  return toAction(actionRow(ctx, action.id));
}

// --- Indicators ------------------------------------------------------------------------------

export function addIndicator(ctx: CoreContext, input: MethodInput<'indicators:add'>): Indicator {
  const { priority } = editablePlanOfPriority(ctx, input.priorityId);
  const id = ctx.ids.newId();
  change(ctx, 'indicators:add', (w) =>
    w.insert('indicators', {
      id,
      priorityId: priority.id,
      name: input.name,
      unit: input.unit,
      baseline: input.baseline ?? null,
      target: input.target ?? null,
      direction: input.direction,
      source: input.source ?? null,
      continuesIndicatorId: null,
    }),
  );
  return toIndicator(ctx, indicatorRow(ctx, id));
}

export function updateIndicator(ctx: CoreContext, input: MethodInput<'indicators:update'>): Indicator {
  const indicator = indicatorRow(ctx, input.indicatorId);
  editablePlanOfPriority(ctx, indicator.priorityId);
  const { indicatorId: _id, ...patch } = input;
  change(ctx, 'indicators:update', (w) => w.update('indicators', indicator.id, patch));
  return toIndicator(ctx, indicatorRow(ctx, indicator.id));
}

export function removeIndicator(ctx: CoreContext, input: MethodInput<'indicators:remove'>): { removed: true } {
  const indicator = indicatorRow(ctx, input.indicatorId);
  editablePlanOfPriority(ctx, indicator.priorityId);
  change(ctx, 'indicators:remove', (w) => w.remove('indicators', indicator.id));
  return { removed: true };
}

export function restoreIndicator(ctx: CoreContext, input: MethodInput<'indicators:restore'>): Indicator {
  const indicator = indicatorRow(ctx, input.indicatorId, { includeRemoved: true });
  editablePlanOfPriority(ctx, indicator.priorityId);
  change(ctx, 'indicators:restore', (w) => w.restore('indicators', indicator.id));
  return toIndicator(ctx, indicatorRow(ctx, indicator.id));
}

/** Clears a quarter's value (a soft delete that travels like any removal); refused on closed plans. */
export function clearIndicatorValue(ctx: CoreContext, input: MethodInput<'indicators:clearValue'>): { cleared: boolean } {
  const indicator = indicatorRow(ctx, input.indicatorId);
  const priority = priorityRow(ctx, indicator.priorityId);
  const plan = planRow(ctx, priority.planId);
  if (plan.status === 'closed') throw new DomainError('forbidden', msg('indicator.planClosed'));
  const id = naturalIds.indicatorValue(indicator.id, plan.fiscalYear, input.quarter);
  const row = ctx.db.select().from(schema.indicatorValues).where(eq(schema.indicatorValues.id, id)).get();
  if (!row || row.deletedAt) return { cleared: false };
  change(ctx, 'indicators:clearValue', (w) => w.remove('indicatorValues', id));
  return { cleared: true };
}

/** Quarterly values are progress, not plan text: recorded on agreed and active plans too. */
export function recordIndicatorValue(ctx: CoreContext, input: MethodInput<'indicators:recordValue'>): IndicatorValue {
  const indicator = indicatorRow(ctx, input.indicatorId);
  const priority = priorityRow(ctx, indicator.priorityId);
  const plan = planRow(ctx, priority.planId);
  if (plan.status === 'closed') throw new DomainError('forbidden', msg('indicator.planClosed'));
  const id = naturalIds.indicatorValue(indicator.id, plan.fiscalYear, input.quarter);
  change(ctx, 'indicators:recordValue', (w) =>
    w.upsert('indicatorValues', {
      id,
      indicatorId: indicator.id,
      fiscalYear: plan.fiscalYear,
      quarter: input.quarter,
      value: input.value,
      note: input.note ?? null,
    }),
  );
  const row = ctx.db.select().from(schema.indicatorValues).where(eq(schema.indicatorValues.id, id)).get();
  if (!row) throw notFound('indicator value');
  return { id: row.id, indicatorId: row.indicatorId, fiscalYear: row.fiscalYear, quarter: input.quarter, value: row.value, note: row.note };
}
