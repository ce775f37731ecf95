/**
 * The plan editor's writes: priorities, actions, indicators, sign-off, revisions, copy forward,
 * and the people and organisations added from the action dialog. Removals offer Undo.
 */
import type { Action, Indicator, Plan, Priority } from '../../../shared/domain';
import type { MethodName, MethodRawInput } from '../../../shared/contract';
import { useCommands, type CommandDeps } from '../../app/use-commands';

type Fields<M extends MethodName, Key extends string> = Omit<MethodRawInput<M>, Key>;

export function planCommands({ client, notify, t }: CommandDeps) {
  return {
    async movePriority(plan: Plan, priorityIds: string[], priority: Priority, position: number) {
      await client.call('priorities:reorder', { planId: plan.id, priorityIds });
      notify(t('plan.moved', { title: priority.title, position }));
    },
    async removePriority(priority: Priority) {
      await client.call('priorities:remove', { priorityId: priority.id });
      notify(t('plan.priorityRemoved', { title: priority.title }), () => client.call('priorities:restore', { priorityId: priority.id }));
    },
    async removeAction(action: Action) {
      await client.call('actions:remove', { actionId: action.id });
      notify(t('plan.actionRemoved', { title: action.title }), () => client.call('actions:restore', { actionId: action.id }));
    },
    async removeIndicator(indicator: Indicator) {
      await client.call('indicators:remove', { indicatorId: indicator.id });
      notify(t('plan.indicatorRemoved', { name: indicator.name }), () => client.call('indicators:restore', { indicatorId: indicator.id }));
    },
    async activate(plan: Plan) {
      await client.call('plans:activate', { planId: plan.id });
      notify(t('plan.activated'));
    },
    async close(plan: Plan) {
      await client.call('plans:close', { planId: plan.id });
      notify(t('plan.closed'));
    },
    /** Withdraws an unsigned draft (Undo reinstates it); `yearLabel` names it in the notice. */
    async withdraw(plan: Plan, yearLabel: string) {
      await client.call('plans:withdraw', { planId: plan.id });
      notify(t('cycle.withdraw.done', { year: yearLabel }), () => client.call('plans:reinstate', { planId: plan.id }));
    },
    async reinstate(planId: string, yearLabel: string) {
      const plan = await client.call('plans:reinstate', { planId });
      notify(t('cycle.withdrawn.reinstated', { year: yearLabel }));
      return plan;
    },
    async closeRevision(plan: Plan) {
      await client.call('plans:closeRevision', { planId: plan.id });
      notify(t('plan.revision.closed'));
    },
    async openRevision(plan: Plan, reason: string) {
      await client.call('plans:openRevision', { planId: plan.id, reason });
      notify(t('plan.revision.opened'));
    },
    async agree(signatures: MethodRawInput<'plans:agree'>) {
      await client.call('plans:agree', signatures);
      notify(t('plan.signOff.done'));
    },
    async updateDetails(plan: Plan, title: string, summary: string) {
      await client.call('plans:update', { planId: plan.id, title, summary: summary.trim() === '' ? null : summary });
    },
    /** An empty draft for a year; `yearLabel` names it in the notice. */
    async startPlan(communityId: string, fiscalYear: number, yearLabel: string) {
      const plan = await client.call('plans:create', { communityId, fiscalYear });
      notify(t('community.started', { year: yearLabel }));
      return plan;
    },
    /** Next year's draft, announced with its year as `yearLabel` writes it; the caller goes there. */
    async copyForward(planId: string, yearLabel: (fiscalYear: number) => string) {
      const plan = await client.call('plans:copyForward', { planId });
      notify(t('copyForward.done', { year: yearLabel(plan.fiscalYear) }));
      return plan;
    },
    async savePriority(target: { planId: string; priority?: Priority }, fields: Fields<'priorities:add', 'planId'>) {
      if (target.priority) await client.call('priorities:update', { priorityId: target.priority.id, ...fields });
      else await client.call('priorities:add', { planId: target.planId, ...fields });
    },
    async saveAction(target: { priorityId: string; action?: Action }, fields: Fields<'actions:add', 'priorityId'>) {
      if (target.action) await client.call('actions:update', { actionId: target.action.id, ...fields });
      else await client.call('actions:add', { priorityId: target.priorityId, ...fields });
    },
    async saveIndicator(target: { priorityId: string; indicator?: Indicator }, fields: Fields<'indicators:add', 'priorityId'>) {
      if (target.indicator) await client.call('indicators:update', { indicatorId: target.indicator.id, ...fields });
      else await client.call('indicators:add', { priorityId: target.priorityId, ...fields });
    },
    createPerson(input: MethodRawInput<'people:create'>) {
      return client.call('people:create', input);
    },
    createOrganisation(input: MethodRawInput<'organisations:create'>) {
      return client.call('organisations:create', input);
    },
  };
}

export type PlanCommands = ReturnType<typeof planCommands>;

export function usePlanCommands(): PlanCommands {
  return useCommands(planCommands);
}
