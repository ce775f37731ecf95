/** The provider that gives screens the store and the client; the hooks are in store-hooks.ts. */
import type { ReactNode } from 'react';
import type { PlannerClient } from '../api/planner-client';
import type { PlannerStore } from './planner-store';
import { ClientContext, StoreContext } from './store-hooks';

export { useCall, useClient, usePlanner, usePlannerStore, type CallState } from './store-hooks';

export function PlannerProvider({ store, client, children }: { store: PlannerStore; client: PlannerClient; children: ReactNode }) {
  return (
    <ClientContext.Provider value={client}>
      <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
    </ClientContext.Provider>
  );
}
