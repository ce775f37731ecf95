import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { filesMethods } from '../../../shared/contract-files';
import type { planningMethods } from '../../../shared/contract-planning';
import { msg } from '../../../shared/core-messages';
import { DomainError } from '../../../shared/domain-error';
import { reportHandlers } from './report-handlers';
import { syncHandlers } from './bundle-handlers';
import type { CoreContext } from '../changelog/core-context';
import * as database from '../services/database';
import { recentHistory } from '../services/history';
import { getInstallation, updateInstallation } from '../services/installation';
import * as items from '../services/plan-items';
import { listPlanSummaries, loadPlan } from '../queries/plans';
import * as plans from '../services/plans';
import * as progress from '../services/progress';
import * as reference from '../services/reference';
import * as rollup from '../services/rollup';

export type Handler<M extends MethodName> = (ctx: CoreContext, input: MethodInput<M>) => MethodOutput<M>;
/** One handler per contract method: a missing or mistyped one does not compile. */
export type Handlers = { [M in MethodName]: Handler<M> };
/** The handlers of one domain's methods (one file per domain, joined below). */
export type DomainHandlers<Methods> = { [M in keyof Methods & MethodName]: Handler<M> };

const planningHandlers: DomainHandlers<typeof planningMethods> = {
  'installation:get': (ctx) => getInstallation(ctx),
  'installation:update': updateInstallation,

  'communities:list': reference.listCommunities,
  'communities:get': (ctx, i) => reference.getCommunity(ctx, i.communityId),
  'detachments:list': (ctx) => reference.listDetachments(ctx),
  'organisations:list': reference.listOrganisations,
  'organisations:create': reference.createOrganisation,
  'people:list': reference.listPeople,
  'people:create': reference.createPerson,
  'themes:list': (ctx) => reference.listThemes(ctx),

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
  'reports:comment': progress.commentOnReport,

  'completeness:matrix': rollup.completenessMatrix,
  'themes:acrossCommunities': rollup.themesAcrossCommunities,
  'commitments:list': (ctx) => rollup.listCommitments(ctx),
  'commitments:get': rollup.getCommitment,
  'commitments:update': rollup.updateCommitment,

  'history:recent': recentHistory,
  'database:integrityCheck': (ctx) => database.integrityCheck(ctx),
  'database:backup': (ctx) => database.backupNow(ctx),
  'database:listBackups': (ctx) => database.backups(ctx),
};

/** The core has no window: choosing files and printing to PDF are answered by the adapters (Electron main, the harness). */
const noDialog = (): never => {
  throw new DomainError('forbidden', msg('files.noDialog'));
};
const filesHandlers: DomainHandlers<typeof filesMethods> = {
  'files:chooseBundleToOpen': noDialog,
  'files:chooseBundleDestination': noDialog,
  'files:savePrintedPdf': noDialog,
};

export const handlers: Handlers = {
  ...planningHandlers,
  ...syncHandlers,
  ...reportHandlers,
  ...filesHandlers,
};
