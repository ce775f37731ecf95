/** The shape of the core's handlers: one per contract method, typed by the contract. */
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { CoreContext } from '../changelog/core-context';

export type Handler<M extends MethodName> = (ctx: CoreContext, input: MethodInput<M>) => MethodOutput<M>;
/** One handler per contract method: a missing or mistyped one does not compile. */
export type Handlers = { [M in MethodName]: Handler<M> };
/** The handlers of one contract file's methods (shared/contract-*.ts). */
export type DomainHandlers<Methods> = { [M in keyof Methods & MethodName]: Handler<M> };
/**
 * The handlers of some of the methods: a domain whose methods share a contract file with others'
 * (the planning contract holds planning, reference data and history). handlers.ts, typed
 * `Handlers`, checks that the domains together answer every method.
 */
export type SomeHandlers = Partial<Handlers>;
