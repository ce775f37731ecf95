/**
 * The renderer's view of the core: `window.api`, typed from the contract. Also the two IPC channel
 * names that the preload and main agree on.
 *
 * This file holds no run-time import of shared/contract on purpose: the preload bundle stays free
 * of zod and of the schemas (main validates everything anyway), and only types are taken from it.
 */
import type { EventName, EventPayload, MethodName, MethodOutput, MethodRawInput } from '../../shared/contract';
import type { Result } from '../../shared/result';

/** Renderer → main: `invoke(INVOKE_CHANNEL, method, input)`, answered with a Result envelope. */
export const INVOKE_CHANNEL = 'api:invoke';
/** Main → renderer: `send(EVENT_CHANNEL, eventName, payload)`. */
export const EVENT_CHANNEL = 'api:event';

export interface PlannerApi {
  /** Calls a method of the core. Never rejects: failures come back as `{ ok: false, error }`. */
  invoke<M extends MethodName>(method: M, input: MethodRawInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Listens to a push event; returns the function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The event names of the contract, listed here so the preload need not load the schemas. */
export const EVENT_NAMES = ['data:changed', 'bundle:open', 'progress'] as const satisfies readonly EventName[];

// Fails to compile when the contract gains an event that EVENT_NAMES does not list.
type UnlistedEvent = Exclude<EventName, (typeof EVENT_NAMES)[number]>;
const everyEventListed: [UnlistedEvent] extends [never] ? true : UnlistedEvent = true;
void everyEventListed;

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}
