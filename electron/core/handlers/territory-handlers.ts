/** First start, the territory key and enrolment: the handlers of shared/contract-territory.ts. */
import type { territoryMethods } from '../../../shared/contract-territory';
import { acceptEnrolment, enrol, readRequest, reenrol, revoke, writeRequest } from '../bundles/enrolment';
import { exportRecovery, joinTerritory, recoverTerritory, rotateTerritoryKey, startTerritory } from '../bundles/territory-key';
import { enrolmentList, setupState } from '../queries/territory';
import type { DomainHandlers } from './handler-types';

export const territoryHandlers: DomainHandlers<typeof territoryMethods> = {
  'installation:setupState': (ctx) => setupState(ctx),
  'territory:start': (ctx, input) => startTerritory(ctx, input),
  'territory:join': (ctx, input) => joinTerritory(ctx, input),
  'enrolment:writeRequest': (ctx, input) => writeRequest(ctx, input),
  'enrolment:readRequest': (ctx, input) => readRequest(ctx, input),
  'enrolment:list': (ctx) => enrolmentList(ctx),
  'enrolment:enrol': (ctx, input) => enrol(ctx, input),
  'enrolment:reenrol': (ctx, input) => reenrol(ctx, input),
  'enrolment:accept': (ctx, input) => acceptEnrolment(ctx, input),
  'enrolment:revoke': (ctx, input) => revoke(ctx, input),
  'territory:exportRecovery': (ctx, input) => exportRecovery(ctx, input),
  'territory:recover': (ctx, input) => recoverTerritory(ctx, input),
  'territory:rotateKey': (ctx) => rotateTerritoryKey(ctx),
};
