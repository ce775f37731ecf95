/**
 * React access to the store and the client: `usePlanner` for the store's state and actions,
 * `useCall` for screens that only read. The provider (a component) is in store-context.tsx.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { MethodName, MethodOutput, MethodRawInput } from '../../shared/contract';
import type { PlannerClient } from '../api/planner-client';
import type { PlannerState, PlannerStore } from './planner-store';

export const StoreContext = createContext<PlannerStore | null>(null);
export const ClientContext = createContext<PlannerClient | null>(null);

export function usePlannerStore(): PlannerStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('usePlanner must be used inside <PlannerProvider>.');
  return store;
}

export function usePlanner<T>(selector: (state: PlannerState) => T): T {
  return useStore(usePlannerStore(), selector);
}

export function useClient(): PlannerClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient must be used inside <PlannerProvider>.');
  return client;
}

export interface CallState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Reads from the core and keeps the answer; reads again when the input changes and (unless
 * `live` is false) whenever the core reports a change. While reloading, the previous answer
 * stays on screen so nothing flickers. Pass `null` as input to wait.
 */
export function useCall<M extends MethodName>(method: M, input: MethodRawInput<M> | null, { live = true }: { live?: boolean } = {}): CallState<MethodOutput<M>> {
  const client = useClient();
  const version = usePlanner((s) => (live ? s.dataVersion : 0));
  const key = input === null ? null : `${method}:${JSON.stringify(input)}`;
  const [state, setState] = useState<{ key: string | null; data: MethodOutput<M> | undefined; error: unknown; loading: boolean }>({
    key: null,
    data: undefined,
    error: null,
    loading: input !== null,
  });
  const [manual, setManual] = useState(0);
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    if (key === null || inputRef.current === null) return;
    let cancelled = false;
    setState((s) => (s.key === key ? { ...s, loading: true } : { key, data: undefined, error: null, loading: true }));
    client.call(method, inputRef.current).then(
      (data) => {
        if (!cancelled) setState({ key, data, error: null, loading: false });
      },
      (error: unknown) => {
        if (!cancelled) setState((s) => ({ key, data: s.key === key ? s.data : undefined, error, loading: false }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, method, key, version, manual]);

  const reload = useCallback(() => setManual((n) => n + 1), []);
  const current = state.key === key;
  return { data: current ? state.data : undefined, error: current ? state.error : null, loading: !current || state.loading, reload };
}
