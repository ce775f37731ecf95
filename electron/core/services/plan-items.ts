import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../../db/schema';
import type { MethodInput } from '../../../shared/contract';
import { msg, type Noun, noun } from '../../../shared/core-messages';
import type { Action, Indicator, IndicatorValue, Plan, Priority } from '../../../shared/domain';
import type { NewRowOf } from '../changelog/change-recorder';
import { change, type CoreContext } from '../changelog/core-context';
import { naturalIds } from '../changelog/deterministic-id';
import { DomainError, notFound } from '../../../shared/domain-error';
import { indicatorValueRow } from '../queries/indicators';
import { isLiveRow } from '../queries/live';
import { actionRow, indicatorRow, liveActions, liveIndicators, livePriorities, loadPlan, nextRank, planRow, priorityRow, toAction, toIndicator, toPriority } from '../queries/plans';
import { missingIds } from '../queries/reference';
import { assertPlanEditable } from './plans';

/** Refuses ids that do not name live rows of a reference table, saying which kind is wrong. */
function assertAllExist(ctx: CoreContext, ids: string[] | undefined, table: SQLiteTable & { id: SQLiteColumn; deletedAt: SQLiteColumn }, what: Noun) {
  if (!ids || ids.length === 0) return;
  const missing = missingIds(ctx, table, ids);
  if (missing.length > 0) {
    throw new DomainError('not_found', msg('core.doesNotExist', { thing: noun(what), ids: missing.join(', '), count: missing.length }));
  }
}

function editablePlanOfPriority(ctx: CoreContext, priorityId: string, opts = { includeRemoved: false }) {
  const priority = priorityRow(ctx, priorityId, opts);
  const plan = planRow(ctx, priority.planId);
  assertPlanEditable(ctx, plan);
  return { priority, plan };
}

/** Removes or restores an action or an indicator, while its plan may be edited. */
function removeOrRestore(ctx: CoreContext, table: 'actions' | 'indicators', rowId: string, op: 'remove' | 'restore'): void {
  const row = (table === 'actions' ? actionRow : indicatorRow)(ctx, rowId, { includeRemoved: op === 'restore' });
  editablePlanOfPriority(ctx, row.priorityId);
  change(ctx, `${table}:${op}`, (w) => w[op](table, row.id));
}

/** Adds a priority to its plan, or an action to its priority, ranked last; returns its id. */
function appendRanked<N extends 'priorities' | 'actions'>(
  ctx: CoreContext,
  table: N,
  parent: { planId: string } | { priorityId: string },
  text: { title: string; description?: string | null },
  fields: Omit<NewRowOf<N>, 'id' | 'planId' | 'priorityId' | 'rank' | 'title' | 'description'>,
): string {
  const rank = nextRank(ctx, parent);
  const id = ctx.ids.newId();
  const row = { id, ...parent, rank, title: text.title, description: text.description ?? null, ...fields } as NewRowOf<N>;
  change(ctx, `${table}:add`, (w) => w.insert(table, row));
  return id;
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
  const id = appendRanked(ctx, 'priorities', { planId: plan.id }, input, {
    themeIds: [...new Set(input.themeIds ?? [])],
    zone: input.zone,
    continuesPriorityId: null,
  });
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
  const id = appendRanked(ctx, 'actions', { priorityId: priority.id }, input, {
    owner: input.owner,
    leadPersonId: input.leadPersonId ?? null,
    leadName: input.leadName ?? null,
    partnerOrganisationIds: uniqueIds(input.partnerOrganisationIds) ?? [],
    plannedQuarters: sortedQuarters(input.plannedQuarters) ?? [],
    commitmentIds: uniqueIds(input.commitmentIds) ?? [],
    continuesActionId: null,
  });
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
  removeOrRestore(ctx, 'actions', input.actionId, 'remove');
  return { removed: true };
}

export function restoreAction(ctx: CoreContext, input: MethodInput<'actions:restore'>): Action {
  removeOrRestore(ctx, 'actions', input.actionId, 'restore');
  return toAction(actionRow(ctx, input.actionId));
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
  removeOrRestore(ctx, 'indicators', input.indicatorId, 'remove');
  return { removed: true };
}

export function restoreIndicator(ctx: CoreContext, input: MethodInput<'indicators:restore'>): Indicator {
  removeOrRestore(ctx, 'indicators', input.indicatorId, 'restore');
  return toIndicator(ctx, indicatorRow(ctx, input.indicatorId));
}

/** Clears a quarter's value (a soft delete that travels like any removal); refused on closed plans. */
export function clearIndicatorValue(ctx: CoreContext, input: MethodInput<'indicators:clearValue'>): { cleared: boolean } {
  const indicator = indicatorRow(ctx, input.indicatorId);
  const priority = priorityRow(ctx, indicator.priorityId);
  const plan = planRow(ctx, priority.planId);
  if (plan.status === 'closed') throw new DomainError('forbidden', msg('indicator.planClosed'));
  const id = naturalIds.indicatorValue(indicator.id, plan.fiscalYear, input.quarter);
  if (!isLiveRow(indicatorValueRow(ctx, id))) return { cleared: false };
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
  const row = indicatorValueRow(ctx, id);
  if (!row) throw notFound('indicator value');
  return { id: row.id, indicatorId: row.indicatorId, fiscalYear: row.fiscalYear, quarter: input.quarter, value: row.value, note: row.note };
}
