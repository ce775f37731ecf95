/**
 * The shape of `window.api`: the preload's PlannerApi (typed from the contract), which the
 * harness's HTTP bridge implements too. Imported as a type only, so no preload code reaches the
 * renderer bundle.
 */
import type { PlannerApi } from '../../electron/preload/planner-api';

export type PlannerBridge = PlannerApi;

/** The window as the preload leaves it: `api` is present in Electron and absent in a browser. */
export type WindowWithBridge = Window & { api?: PlannerBridge };
