import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowSettings {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** Developer tools: on in development, off in a packaged app. */
  devTools: boolean;
  title?: string;
}

/**
 * A 1366×768 laptop leaves about 1366×728 once the taskbar is drawn, so the default size fits in
 * that and the minimum still shows the plan editor's two columns without horizontal scrolling.
 */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 720 } as const;
export const MINIMUM_WINDOW_SIZE = { width: 960, height: 600 } as const;

/** Same colour as the renderer's page background, so the window does not flash while loading. */
export const WINDOW_BACKGROUND_COLOR = '#f7f7f5';

/**
 * The main window's options, as a pure function so a test can read every security setting.
 * Electron's defaults are already safe for most of these; we spell them out anyway so a change in
 * a default, or an edit here, shows up in review and fails the test.
 */
export function mainWindowOptions(settings: MainWindowSettings): BrowserWindowConstructorOptions {
  return {
    title: settings.title ?? 'Community Safety Planner',
    width: DEFAULT_WINDOW_SIZE.width,
    height: DEFAULT_WINDOW_SIZE.height,
    minWidth: MINIMUM_WINDOW_SIZE.width,
    minHeight: MINIMUM_WINDOW_SIZE.height,
    backgroundColor: WINDOW_BACKGROUND_COLOR,
    // Shown on 'ready-to-show', so people never see a blank white frame.
    show: false,
    webPreferences: {
      preload: settings.preloadPath,
      // The renderer gets window.api from the preload and nothing of Node or Electron.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Dropping a file on the window must not navigate away from the app.
      navigateOnDragDrop: false,
      // A page stuck in alert() loops can be silenced by the person using it.
      safeDialogs: true,
      devTools: settings.devTools,
      spellcheck: true,
    },
  };
}
