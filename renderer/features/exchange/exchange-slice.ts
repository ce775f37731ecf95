/**
 * Plan bundles arriving from outside the page: a double-click on a .planbundle (the 'bundle:open'
 * event from main), a file dropped on the window, the import button. Whichever way, the bundle is
 * kept here and the exchange page shows its preview.
 */
import { hrefOf } from '../../app/routes';
import type { SliceCreator } from '../../app/planner-store';

export interface OpenedBundle {
  /** The path the core reads (in the harness: inside its per-run folder). */
  file: string;
  /** Bumped for every opening, so opening the same file twice shows the preview again. */
  key: number;
}

export interface ExchangeSlice {
  openedBundle: OpenedBundle | null;
  /** How many bundles were opened since the page loaded: the next opening's key. */
  bundleOpenings: number;
  /** Shows the preview of this bundle on the exchange page (going there if need be). */
  openBundle(file: string): void;
  closeOpenedBundle(): void;
}

export const createExchangeSlice: SliceCreator<ExchangeSlice> = (set, get) => ({
  openedBundle: null,
  bundleOpenings: 0,
  openBundle(file) {
    const key = get().bundleOpenings + 1;
    set({ openedBundle: { file, key }, bundleOpenings: key });
    const exchange = hrefOf({ name: 'exchange' });
    if (typeof window !== 'undefined' && get().route.name !== 'exchange') window.location.hash = exchange;
  },
  closeOpenedBundle() {
    set({ openedBundle: null });
  },
});
