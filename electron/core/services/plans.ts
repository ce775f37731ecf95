import type { MethodInput, MethodOutput } from '../../../shared/contract';
import { msg } from '../../../shared/core-messages';
import type { Plan } from '../../../shared/domain';
import { fiscalYearLabel } from '../../../shared/fiscal-calendar';
import { isFinished } from '../../../shared/rules/action-outcome';
import { PLAN_TRANSITIONS, type PlanStatus } from '../../../shared/vocabulary';
import { change, type CoreContext, readProfile, today } from '../changelog/core-context';
import { discardWithdrawnDraft } from './plan-withdrawal';
import { summaryWithoutStoredCounts } from './plan-summary';
import { isFutureDate } from '../../../shared/rules/plan-cycle';
import { naturalIds } from '../changelog/deterministic-id';
import { DomainError } from '../../../shared/domain-error';
import { communityForNewWork, getCommunity } from './reference';
import { generatedPlanTitle, isGeneratedPlanTitle } from '../../../shared/plan-title';
import { latestValueOfYear } from '../queries/indicators';
import { isPlanEditable, liveActions, liveIndicators, livePriorities, loadPlan, openRevision, planExists, planRow, type PlanRow } from '../queries/plans';
import { lastStatuses } from '../queries/progress';

export function assertPlanEditable(ctx: CoreContext, plan: PlanRow): void {
  if (isPlanEditable(ctx, plan)) return;
  if (plan.status === 'closed') throw new DomainError('forbidden', msg('plan.closed'));
  const signed = plan.detachmentSignedOn ?? plan.communitySignedOn;
  throw new DomainError('forbidden', signed ? msg('plan.agreedOn', { date: signed }) : msg('plan.agreed'));
}

export function createPlan(ctx: CoreContext, input: MethodInput<'plans:create'>): Plan {
  const community = communityForNewWork(ctx, input.communityId);
  const id = naturalIds.plan(community.id, input.fiscalYear);
  assertNoPlanYet(ctx, id, community.name, input.fiscalYear);
  change(ctx, 'plans:create', (w) => {
    discardWithdrawnDraft(ctx, w, id);
    w.upsert('plans', {
      id,
      communityId: community.id,
      fiscalYear: input.fiscalYear,
      // Without a title of its own, the plan's title is generated: shown in the reader's language (shared/plan-title.ts).
      title: input.title ?? generatedPlanTitle(community.name, input.fiscalYear, 'en'),
      summary: null,
      status: 'draft',
      communitySignatory: null,
      communitySignedOn: null,
      detachmentSignatory: null,
      detachmentSignedOn: null,
      copiedFromPlanId: null,
    });
  });
  return loadPlan(ctx, id);
}

function assertNoPlanYet(ctx: CoreContext, planId: string, communityName: string, fiscalYear: number): void {
  if (planExists(ctx, planId)) {
    throw new DomainError('conflict', msg('plan.exists', { community: communityName, fiscalYear }));
  }
}

export function previewCopyForward(ctx: CoreContext, input: MethodInput<'plans:previewCopyForward'>): MethodOutput<'plans:previewCopyForward'> {
  const source = planRow(ctx, input.planId);
  const actions = liveActions(ctx, livePriorities(ctx, source.id).map((p) => p.id));
  const statuses = lastStatuses(ctx, actions.map((a) => a.id), source.fiscalYear);
  const carried = actions
    .filter((a) => !isFinished(statuses.get(a.id)))
    .map((a) => ({ actionId: a.id, title: a.title, lastStatus: statuses.get(a.id) ?? null }));
  const left = actions
    .filter((a) => isFinished(statuses.get(a.id)))
    .map((a) => ({ actionId: a.id, title: a.title, lastStatus: statuses.get(a.id)! }));
  return { fiscalYear: source.fiscalYear + 1, carried, left };
}

/**
 * Starts next year's draft from a plan: every priority and indicator, and the actions not yet
 * completed or discontinued, each linked to the row it continues. An indicator's new baseline
 * is its latest value of the year, when one was recorded.
 */
export function copyPlanForward(ctx: CoreContext, input: MethodInput<'plans:copyForward'>): Plan {
  const source = planRow(ctx, input.planId);
  const community = getCommunity(ctx, source.communityId);
  const fiscalYear = source.fiscalYear + 1;
  const newPlanId = naturalIds.plan(source.communityId, fiscalYear);
  assertNoPlanYet(ctx, newPlanId, community.name, fiscalYear);

  const priorities = livePriorities(ctx, source.id);
  const priorityIds = priorities.map((p) => p.id);
  const actions = liveActions(ctx, priorityIds);
  const indicators = liveIndicators(ctx, priorityIds);
  const statuses = lastStatuses(ctx, actions.map((a) => a.id), source.fiscalYear);

  change(ctx, 'plans:copyForward', (w) => {
    discardWithdrawnDraft(ctx, w, newPlanId);
    w.upsert('plans', {
      id: newPlanId,
      communityId: source.communityId,
      fiscalYear,
      title: isGeneratedPlanTitle(source.title, source.fiscalYear)
        ? generatedPlanTitle(community.name, fiscalYear, 'en')
        : source.title.includes(fiscalYearLabel(source.fiscalYear))
          ? source.title.replace(fiscalYearLabel(source.fiscalYear), fiscalYearLabel(fiscalYear))
          : source.title,
      summary: summaryWithoutStoredCounts(source.summary),
      status: 'draft',
      communitySignatory: null,
      communitySignedOn: null,
      detachmentSignatory: null,
      detachmentSignedOn: null,
      copiedFromPlanId: source.id,
    });
    for (const priority of priorities) {
      const newPriorityId = ctx.ids.newId();
      w.insert('priorities', {
        id: newPriorityId,
        planId: newPlanId,
        rank: priority.rank,
        title: priority.title,
        description: priority.description,
        themeIds: priority.themeIds,
        zone: priority.zone,
        continuesPriorityId: priority.id,
      });
      let rank = 0;
      for (const action of actions.filter((a) => a.priorityId === priority.id)) {
        if (isFinished(statuses.get(action.id))) continue;
        w.insert('actions', {
          id: ctx.ids.newId(),
          priorityId: newPriorityId,
          rank: rank++,
          title: action.title,
          description: action.description,
          owner: action.owner,
          leadPersonId: action.leadPersonId,
          leadName: action.leadName,
          partnerOrganisationIds: action.partnerOrganisationIds,
          plannedQuarters: action.plannedQuarters,
          commitmentIds: action.commitmentIds,
          continuesActionId: action.id,
        });
      }
      for (const indicator of indicators.filter((i) => i.priorityId === priority.id)) {
        const latest = latestValueOfYear(ctx, indicator.id, source.fiscalYear);
        w.insert('indicators', {
          id: ctx.ids.newId(),
          priorityId: newPriorityId,
          name: indicator.name,
          unit: indicator.unit,
          baseline: latest ?? indicator.baseline,
          target: indicator.target,
          direction: indicator.direction,
          source: indicator.source,
          continuesIndicatorId: indicator.id,
        });
      }
    }
  });
  return loadPlan(ctx, newPlanId);
}

export function updatePlan(ctx: CoreContext, input: MethodInput<'plans:update'>): Plan {
  const plan = planRow(ctx, input.planId);
  assertPlanEditable(ctx, plan);
  change(ctx, 'plans:update', (w) => w.update('plans', plan.id, { title: input.title, summary: input.summary }));
  return loadPlan(ctx, plan.id);
}

function assertTransition(plan: PlanRow, to: PlanStatus): void {
  const from = plan.status as PlanStatus;
  if (!PLAN_TRANSITIONS[from].includes(to)) {
    throw new DomainError('forbidden', msg('plan.transition', { from: msg(`planStatus.${from}`), to: msg(`planStatus.${to}`) }));
  }
}

export function agreePlan(ctx: CoreContext, input: MethodInput<'plans:agree'>): Plan {
  const plan = planRow(ctx, input.planId);
  assertTransition(plan, 'agreed');
  if (livePriorities(ctx, plan.id).length === 0) {
    throw new DomainError('forbidden', msg('plan.agree.noPriority'));
  }
  const day = today(ctx);
  if (input.communitySignedOn && isFutureDate(input.communitySignedOn, day)) throw new DomainError('invalid_input', msg('plan.signedOn.communityFuture', { date: input.communitySignedOn, today: day }));
  if (input.detachmentSignedOn && isFutureDate(input.detachmentSignedOn, day)) throw new DomainError('invalid_input', msg('plan.signedOn.detachmentFuture', { date: input.detachmentSignedOn, today: day }));
  // Each side signs its own block, here or on its own computer: the plan is agreed once both are signed.
  const community = signOffBlock(input.communitySignatory, input.communitySignedOn, 'community');
  const detachment = signOffBlock(input.detachmentSignatory, input.detachmentSignedOn, 'detachment');
  if (!community && !detachment && (plan.communitySignatory === null || plan.detachmentSignatory === null)) {
    throw new DomainError('invalid_input', msg('plan.signOff.nothing'));
  }
  const signed = {
    communitySignatory: community?.signatory ?? plan.communitySignatory,
    communitySignedOn: community?.signedOn ?? plan.communitySignedOn,
    detachmentSignatory: detachment?.signatory ?? plan.detachmentSignatory,
    detachmentSignedOn: detachment?.signedOn ?? plan.detachmentSignedOn,
  };
  const bothSigned = signed.communitySignatory !== null && signed.communitySignedOn !== null && signed.detachmentSignatory !== null && signed.detachmentSignedOn !== null;
  change(ctx, 'plans:agree', (w) =>
    w.update('plans', plan.id, {
      ...(bothSigned ? { status: 'agreed' } : {}),
      ...(community ? { communitySignatory: community.signatory, communitySignedOn: community.signedOn } : {}),
      ...(detachment ? { detachmentSignatory: detachment.signatory, detachmentSignedOn: detachment.signedOn } : {}),
    }),
  );
  return loadPlan(ctx, plan.id);
}

/** A sign-off block as given: both its name and its date, or neither. */
function signOffBlock(signatory: string | undefined, signedOn: string | undefined, side: 'community' | 'detachment'): { signatory: string; signedOn: string } | null {
  if (signatory === undefined && signedOn === undefined) return null;
  if (signatory === undefined || signedOn === undefined) throw new DomainError('invalid_input', msg(side === 'community' ? 'plan.signOff.community.incomplete' : 'plan.signOff.detachment.incomplete'));
  return { signatory, signedOn };
}

export function setPlanStatus(ctx: CoreContext, planId: string, to: 'active' | 'closed'): Plan {
  const plan = planRow(ctx, planId);
  assertTransition(plan, to);
  if (to === 'closed' && openRevision(ctx, plan.id)) {
    throw new DomainError('forbidden', msg('plan.close.revisionOpen'));
  }
  change(ctx, to === 'active' ? 'plans:activate' : 'plans:close', (w) => w.update('plans', plan.id, { status: to }));
  return loadPlan(ctx, plan.id);
}

export function openPlanRevision(ctx: CoreContext, input: MethodInput<'plans:openRevision'>): Plan {
  const plan = planRow(ctx, input.planId);
  if (plan.status === 'draft') throw new DomainError('forbidden', msg('plan.revision.draft'));
  if (plan.status === 'closed') throw new DomainError('forbidden', msg('plan.closed'));
  if (openRevision(ctx, plan.id)) throw new DomainError('conflict', msg('plan.revision.alreadyOpen'));
  const profile = readProfile(ctx);
  change(ctx, 'plans:openRevision', (w) =>
    w.insert('planRevisions', {
      id: ctx.ids.newId(),
      planId: plan.id,
      reason: input.reason,
      openedBy: profile.userName,
      openedAt: ctx.clock.now(),
      closedBy: null,
      closedAt: null,
    }),
  );
  return loadPlan(ctx, plan.id);
}

export function closePlanRevision(ctx: CoreContext, input: MethodInput<'plans:closeRevision'>): Plan {
  const plan = planRow(ctx, input.planId);
  const revision = openRevision(ctx, plan.id);
  if (!revision) throw new DomainError('conflict', msg('plan.revision.none'));
  const profile = readProfile(ctx);
  change(ctx, 'plans:closeRevision', (w) =>
    w.update('planRevisions', revision.id, { closedBy: profile.userName, closedAt: ctx.clock.now() }),
  );
  return loadPlan(ctx, plan.id);
}
