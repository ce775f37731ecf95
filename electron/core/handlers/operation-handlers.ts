/** The long operations' handler (contract: shared/contract-operations.ts). */
import type { operationMethods } from '../../../shared/contract-operations';
import type { DomainHandlers } from './handler-types';

/** Called in-process (the CLI, tests), the core runs one call at a time: nothing runs beside this one to cancel. */
export const operationHandlers: DomainHandlers<typeof operationMethods> = {
  'operations:cancel': () => ({ cancelled: false }),
};
