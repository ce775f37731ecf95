/**
 * Withdrawing a draft started by mistake, and undoing it (issue 10 §5). A withdrawal is a removal
 * of the plan row that travels like any edit; the plan's own rows are left as they are, hidden with
 * it, so reinstating brings the draft back whole. A withdrawn plan expects no reports.
 *
 * Starting the same community's plan for the same year again (plan ids are natural keys) revives
 * the row as a fresh draft: what the withdrawn draft held is removed in the same save, so a new
 * start never brings back the mistake; "Reinstate" is the way to bring it back.
 */
import type { MethodInput } from '../../../shared/contract';
import { msg } from '../../../shared/core-messages';
import type { Plan, WithdrawnPlan } from '../../../shared/domain';
import { DomainError, notFound } from '../../../shared/domain-error';
import type { PlanStatus } from '../../../shared/vocabulary';
import { change, type CoreContext } from '../changelog/core-context';
import type { ChangeWriter } from '../changelog/change-recorder';
import * as schema from '../../../db/schema';
import { eq } from 'drizzle-orm';
import { livePriorities, loadPlan, planRow, type PlanRow } from '../queries/plans';
import { withdrawnPlans } from '../queries/withdrawn-plans';

function anyPlanRow(ctx: CoreContext, planId: string): PlanRow | undefined {
  return ctx.db.select().from(schema.plans).where(eq(schema.plans.id, planId)).get();
}

export function withdrawPlan(ctx: CoreContext, input: MethodInput<'plans:withdraw'>): WithdrawnPlan {
  const plan = planRow(ctx, input.planId);
  if (plan.status !== 'draft') {
    throw new DomainError('forbidden', msg('plan.withdraw.notDraft', { status: msg(`planStatus.${plan.status as PlanStatus}`) }));
  }
  const signature = [
    [plan.communitySignatory, plan.communitySignedOn],
    [plan.detachmentSignatory, plan.detachmentSignedOn],
  ].find(([who, on]) => who || on);
  if (signature) {
    throw new DomainError('forbidden', msg('plan.withdraw.signed', { who: signature[0] ?? '', date: signature[1] ?? '' }));
  }
  change(ctx, 'plans:withdraw', (w) => w.remove('plans', plan.id));
  return withdrawnPlans(ctx, { communityId: plan.communityId, fiscalYear: plan.fiscalYear }).find((p) => p.id === plan.id)!;
}

export function reinstatePlan(ctx: CoreContext, input: MethodInput<'plans:reinstate'>): Plan {
  const row = anyPlanRow(ctx, input.planId);
  if (!row) throw notFound('plan');
  if (!row.deletedAt) throw new DomainError('conflict', msg('plan.reinstate.notWithdrawn'));
  change(ctx, 'plans:reinstate', (w) => w.restore('plans', row.id));
  return loadPlan(ctx, row.id);
}

export function listWithdrawnPlans(ctx: CoreContext, input: MethodInput<'plans:withdrawn'>): WithdrawnPlan[] {
  return withdrawnPlans(ctx, input);
}

/**
 * Inside the save that starts a plan under this id again: when a withdrawn draft held it, remove
 * the draft's priorities (their actions and indicators go with them), so the new draft starts empty.
 */
export function discardWithdrawnDraft(ctx: CoreContext, w: ChangeWriter, planId: string): void {
  const row = anyPlanRow(ctx, planId);
  if (!row?.deletedAt) return;
  for (const priority of livePriorities(ctx, planId)) w.remove('priorities', priority.id);
}
