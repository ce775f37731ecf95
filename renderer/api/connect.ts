/**
 * Chooses how the renderer reaches the core, once at start: the preload's window.api inside
 * Electron, or the harness's HTTP bridge in a plain browser (recognised by the marker the harness
 * writes into the page). Nothing else in the renderer reads window.api.
 */
import { HARNESS_META_NAME } from '../../shared/routes';
import { createHttpBridge } from './http-bridge';
import type { PlannerBridge, WindowWithBridge } from './planner-bridge';
import { PlannerClient } from './planner-client';

export function findBridge(win: Window = window): PlannerBridge | null {
  const exposed = (win as WindowWithBridge).api;
  if (exposed) return exposed;
  if (win.document.querySelector(`meta[name="${HARNESS_META_NAME}"]`)) return createHttpBridge();
  return null;
}

export function connectToCore(win: Window = window): PlannerClient | null {
  const bridge = findBridge(win);
  return bridge ? new PlannerClient(bridge) : null;
}
