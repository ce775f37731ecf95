/** The planning cycle's handlers: plans, their priorities, actions and indicators, progress and its reports. */
import * as items from '../services/plan-items';
import { listPlanSummaries, loadPlan } from '../queries/plans';
import * as plans from '../services/plans';
import * as withdrawal from '../services/plan-withdrawal';
import * as progress from '../services/progress';
import * as rollup from '../services/rollup';
import type { SomeHandlers } from './handler-types';

export const planningHandlers = {
  'plans:list': (ctx, i) => listPlanSummaries(ctx, i),
  'plans:get': (ctx, i) => loadPlan(ctx, i.planId),
  'plans:create': plans.createPlan,
  'plans:copyForward': plans.copyPlanForward,
  'plans:previewCopyForward': plans.previewCopyForward,
  'plans:update': plans.updatePlan,
  'plans:agree': plans.agreePlan,
  'plans:activate': (ctx, i) => plans.setPlanStatus(ctx, i.planId, 'active'),
  'plans:close': (ctx, i) => plans.setPlanStatus(ctx, i.planId, 'closed'),
  'plans:openRevision': plans.openPlanRevision,
  'plans:closeRevision': plans.closePlanRevision,
  'plans:withdraw': withdrawal.withdrawPlan,
  'plans:reinstate': withdrawal.reinstatePlan,
  'plans:withdrawn': withdrawal.listWithdrawnPlans,

  'priorities:add': items.addPriority,
  'priorities:update': items.updatePriority,
  'priorities:remove': items.removePriority,
  'priorities:restore': items.restorePriority,
  'priorities:reorder': items.reorderPriorities,
  'actions:add': items.addAction,
  'actions:update': items.updateAction,
  'actions:remove': items.removeAction,
  'actions:restore': items.restoreAction,
  'indicators:add': items.addIndicator,
  'indicators:update': items.updateIndicator,
  'indicators:remove': items.removeIndicator,
  'indicators:restore': items.restoreIndicator,
  'indicators:recordValue': items.recordIndicatorValue,
  'indicators:clearValue': items.clearIndicatorValue,

  'progress:get': progress.getQuarterProgress,
  'progress:record': progress.recordProgress,
  'reports:submit': progress.submitReport,
  'reports:get': progress.getReport,
  'completeness:matrix': rollup.completenessMatrix,
} satisfies SomeHandlers;
