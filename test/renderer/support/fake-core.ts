/** A stand-in for window.api in component tests: answers chosen methods, records every call. */
import type { MethodName, MethodOutput, MethodRawInput } from '../../../shared/contract';
import { err, ok, type Result } from '../../../shared/result';
import type { PlannerBridge } from '../../../renderer/api/planner-bridge';
import { ApiError } from '../../../renderer/api/api-error';

export type FakeHandlers = { [M in MethodName]?: (input: MethodRawInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };

export interface FakeBridge extends PlannerBridge {
  calls: Array<{ method: MethodName; input: unknown }>;
}

export function fakeBridge(handlers: FakeHandlers): FakeBridge {
  const calls: FakeBridge['calls'] = [];
  return {
    calls,
    async invoke(method, input) {
      calls.push({ method, input });
      const handler = handlers[method] as ((i: unknown) => unknown) | undefined;
      if (!handler) return err('unknown_method', `The fake core does not answer ${method}.`) as Result<never>;
      try {
        return ok(await handler(input)) as Result<never>;
      } catch (error) {
        if (error instanceof ApiError) return err(error.code, error.message) as Result<never>;
        throw error;
      }
    },
    on: () => () => {},
  };
}

/** A promise you resolve from the test, to see what the screen shows while the core works. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
