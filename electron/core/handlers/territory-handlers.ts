/** First start, the territory key and enrolment: the handlers of shared/contract-territory.ts. */
import type { territoryMethods } from '../../../shared/contract-territory';
import type { DomainHandlers } from './handler-types';

const todo = (): never => {
  throw new Error('Not built yet');
};

export const territoryHandlers: DomainHandlers<typeof territoryMethods> = {
  'installation:setupState': todo,
  'territory:start': todo,
  'territory:join': todo,
  'enrolment:writeRequest': todo,
  'enrolment:readRequest': todo,
  'enrolment:list': todo,
  'enrolment:enrol': todo,
  'enrolment:reenrol': todo,
  'enrolment:accept': todo,
  'enrolment:revoke': todo,
  'territory:exportRecovery': todo,
  'territory:recover': todo,
  'territory:rotateKey': todo,
};
