/**
 * The renderer's one door to the core. Screens call `client.call('plans:get', { planId })` and
 * get the value, or an ApiError whose message is the core's own sentence.
 */
import type { EventName, EventPayload, MethodName, MethodOutput, MethodRawInput } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { ApiError } from './api-error';
import type { PlannerBridge } from './planner-bridge';

export class PlannerClient {
  constructor(private readonly bridge: PlannerBridge) {}

  /** The raw envelope, for callers that branch on ok/error themselves. */
  invoke<M extends MethodName>(method: M, input: MethodRawInput<M>): Promise<Result<MethodOutput<M>>> {
    return this.bridge.invoke(method, input);
  }

  /** The value, or throws ApiError with the core's message. */
  async call<M extends MethodName>(method: M, input: MethodRawInput<M>): Promise<MethodOutput<M>> {
    const result = await this.bridge.invoke(method, input);
    if (!result.ok) throw new ApiError(result.error);
    return result.value;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.bridge.on(event, listener);
  }
}
