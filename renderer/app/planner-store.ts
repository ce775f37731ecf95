/**
 * The renderer's state: one zustand store made of slices, each with explicit actions. The store is
 * built with the client and the i18n instance it needs, so tests build one with a fake client.
 */
import type { i18n as I18n } from 'i18next';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PlannerClient } from '../api/planner-client';
import { createNoticeSlice, type NoticeSlice } from './notice-slice';
import { createProgressSlice, type ProgressSlice } from '../features/progress/progress-slice';
import { parseRoute } from './routes';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createExchangeSlice, type ExchangeSlice } from '../features/exchange/exchange-slice';
import type { Route } from './routes';
import { createSetupSlice, type SetupSlice } from '../features/welcome/setup-slice';

export interface DataSlice {
  /** Bumped whenever the core reports a change; screens that show live data reload on it. */
  dataVersion: number;
  dataChanged(): void;
}

export interface RouteSlice {
  route: Route;
  /** How many times the route changed since the page loaded (0 on the first screen). */
  navigations: number;
  /** Called on hashchange: the hash is the one source of truth for where we are. */
  syncRoute(hash: string): void;
}

export type PlannerState = SessionSlice & SetupSlice & NoticeSlice & ProgressSlice & ExchangeSlice & DataSlice & RouteSlice;
export type PlannerStore = StoreApi<PlannerState>;

export interface StoreDeps {
  client: PlannerClient;
  i18n: I18n;
}

export type SliceCreator<S> = (
  set: StoreApi<PlannerState>['setState'],
  get: StoreApi<PlannerState>['getState'],
  deps: StoreDeps,
) => S;

export function createPlannerStore(deps: StoreDeps, initialHash = ''): PlannerStore {
  return createStore<PlannerState>()((set, get) => ({
    ...createSessionSlice(set, get, deps),
    ...createNoticeSlice(set, get, deps),
    ...createProgressSlice(set, get, deps),
    ...createExchangeSlice(set, get, deps),
    ...createSetupSlice(set, get, deps),
    dataVersion: 0,
    dataChanged: () => set((s) => ({ dataVersion: s.dataVersion + 1 })),
    route: parseRoute(initialHash),
    navigations: 0,
    syncRoute: (hash) => set((s) => ({ route: parseRoute(hash), navigations: s.navigations + 1 })),
  }));
}
