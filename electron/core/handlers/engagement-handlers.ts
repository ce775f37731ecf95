/** The engagement log (contract: shared/contract-engagements.ts). */
import type { engagementMethods } from '../../../shared/contract-engagements';
import type { DomainHandlers, SomeHandlers } from './handler-types';
import * as engagements from '../services/engagements';

export const engagementHandlers = {
  'engagements:list': engagements.listEngagements,
  'engagements:get': engagements.getEngagement,
  'engagements:create': engagements.createEngagement,
  'engagements:update': engagements.updateEngagement,
  'engagements:remove': engagements.removeEngagement,
  'engagements:restore': engagements.restoreEngagement,
  'rollup:engagements': engagements.rollupEngagements,
} satisfies DomainHandlers<typeof engagementMethods> & SomeHandlers;
