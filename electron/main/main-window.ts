/**
 * The one application window: built from mainWindowOptions, shown when its first frame is ready,
 * and given the plan bundles that were opened before it could receive them.
 */
import { BrowserWindow, dialog } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import type { AppLayout } from './app-layout';
import { sendEvent } from './ipc-registrar';
import type { PendingPlanBundles } from './plan-bundle-files';
import { mainWindowOptions } from './window-options';
import { guardUnload } from './unload-guard';

export interface MainWindowDependencies {
  layout: AppLayout;
  devTools: boolean;
  bundles: PendingPlanBundles;
  logError(message: string, error: unknown): void;
}

export function openMainWindow(deps: MainWindowDependencies): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions({ preloadPath: deps.layout.preloadFile, devTools: deps.devTools }));
  const contents = window.webContents;

  window.once('ready-to-show', () => window.show());
  guardUnload(window, contents, dialog);

  // After every (re)load the page can listen again; the preload holds events that arrive before
  // the renderer subscribes, so nothing sent from here on is lost.
  contents.on('did-finish-load', () => {
    deps.bundles.deliverTo((file) => {
      const sent = sendEvent(contents, 'bundle:open', { file });
      if (!sent.ok) deps.logError(sent.error.message, sent.error.details);
    });
  });
  window.on('closed', () => deps.bundles.pause());

  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => deps.logError('The planner window could not load its page.', error));
  return window;
}

/** Brings the window to the front, e.g. when a second instance was started. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
